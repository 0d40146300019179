import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
// The Frictionless Data reference implementation (JavaScript): loads the descriptor against the
// tabular-data-package profile and casts every CSV row against its Table Schema.
import { Package } from "datapackage";
import { disclosures, objectives, regions } from "@/db/schema";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { publicListParams } from "@/lib/disclosure/params";
import { publicDetail, publicList, publicYears } from "@/lib/disclosure/public";
import { chinaDate } from "@/lib/format";
import { FDP_RESOURCES, FDP_SCHEMAS } from "@/lib/opendata/fdp-descriptor";
import { packageListing } from "@/lib/opendata/fdp-listing";
import { fdpCsvStream, fdpPublisher } from "@/lib/opendata/fdp-rows";
import { fdpValidator } from "@/lib/opendata/fdp-validator";
import { GET as fileGet } from "@/app/(public)/portal/data/[year]/[file]/route";
import { GET as regionFileGet } from "@/app/(public)/portal/data/[year]/regions/[regionId]/[file]/route";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  // The files share the JSON API's per-address bucket; these tests fetch far more than a minute's share.
  process.env.PUBLIC_API_RATE_PER_MINUTE = "100000";
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const SCHOOL = "仁化县第一中学校舍维修改造";

async function get(year: string, file: string, regionId?: string): Promise<Response> {
  return regionId === undefined
    ? fileGet(new Request("http://x"), { params: Promise.resolve({ year, file }) })
    : regionFileGet(new Request("http://x"), { params: Promise.resolve({ year, regionId, file }) });
}

/** RFC 4180: quoted cells with doubled quotes and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    }
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The CSV as objects by header name; the formula guard's leading ' taken off again. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, /^'[=+\-@\t\r]/.test(r[i]) ? r[i].slice(1) : r[i]])));
}

/** The whole package of a year (and region), as served: descriptor and the four CSVs' text. */
async function download(year: number, regionId?: number) {
  const res = await get(String(year), "datapackage.json", regionId === undefined ? undefined : String(regionId));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  const descriptor = await res.json();
  const csv: Record<string, string> = {};
  for (const r of FDP_RESOURCES) {
    const file = await get(String(year), `${r}.csv`, regionId === undefined ? undefined : String(regionId));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]); // no BOM: plain UTF-8, as the descriptor says
    csv[r] = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }
  return { descriptor, csv };
}

/** Validates with the Frictionless reference implementation: descriptor, every row cast, foreign keys. */
async function validate(pkg: Awaited<ReturnType<typeof download>>) {
  const dir = await mkdtemp(path.join(tmpdir(), "fdp-"));
  try {
    await writeFile(path.join(dir, "datapackage.json"), JSON.stringify(pkg.descriptor));
    for (const r of FDP_RESOURCES) await writeFile(path.join(dir, `${r}.csv`), pkg.csv[r]);
    const loaded = await Package.load(path.join(dir, "datapackage.json"));
    expect(loaded.errors.map(String)).toEqual([]);
    expect(loaded.valid).toBe(true);
    const counts: Record<string, number> = {};
    for (const r of FDP_RESOURCES) {
      const resource = loaded.getResource(r)!;
      // cast: true throws on the first value that does not fit its field; relations: the foreign keys.
      const rows = await resource.read({ keyed: true, cast: true, relations: r !== "objectives" });
      counts[r] = rows.length;
    }
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every CSV row agrees with what the portal's loaders show for the same disclosure, and the set is the portal's. */
async function agreeWithPortal(pkg: Awaited<ReturnType<typeof download>>, year: number, regionPath: string | null) {
  const db = database.db;
  const list = await publicList(db, publicListParams.parse({ year: String(year), pageSize: "100" }), regionPath);
  const objs = records(pkg.csv.objectives);
  expect(objs.map((o) => Number(o.id)).sort((a, b) => a - b)).toEqual(list.rows.map((r) => r.id).sort((a, b) => a - b));
  const budget = records(pkg.csv.budget);
  const inds = records(pkg.csv.indicators);
  const results = records(pkg.csv.results);
  expect(budget.map((b) => b.objective_id)).toEqual(objs.map((o) => o.id));
  for (const o of objs) {
    const d = await publicDetail(db, Number(o.id));
    expect(d, `disclosure ${o.id} is on the portal`).not.toBeNull();
    const row = list.rows.find((r) => r.id === Number(o.id))!;
    expect(o).toMatchObject({
      fiscal_year: String(d!.fiscalYear),
      region_name: d!.regionName,
      department: d!.departmentName,
      unit: d!.ownerName,
      category: d!.category ?? "",
      title: d!.title,
      amount: d!.amount,
      overall_goal: d!.content.performance.overallGoal ?? "",
      annual_goal: d!.content.performance.annualGoal ?? "",
      disclosed_date: chinaDate(d!.disclosedAt),
      grade: row.grade ?? "",
      grade_source: row.gradeSource ?? "",
      url: `/portal/objectives/${o.id}`,
    });
    expect(budget.find((b) => b.objective_id === o.id)).toMatchObject({ title: d!.title, amount: d!.amount, currency: "CNY", department: d!.departmentName });
    expect(inds.filter((i) => i.objective_id === o.id).map((i) => [i.level1, i.level2, i.name, i.comparison, i.annual_target, i.unit, i.weight])).toEqual(
      d!.content.indicatorRows.map((r) => [r.level1, r.level2, r.name, r.comparison, r.annualTarget ?? "", r.unit ?? "", r.weight ?? ""]),
    );
    const mine = results.filter((r) => r.objective_id === o.id);
    const expected = [
      ...(d!.evaluation ? [{ kind: "self", score: d!.evaluation.score, grade: d!.evaluation.grade, disclosed_date: chinaDate(d!.evaluation.disclosedAt) }] : []),
      ...(d!.keyEvaluation ? [{ kind: "key", score: d!.keyEvaluation.score, grade: d!.keyEvaluation.grade, disclosed_date: chinaDate(d!.keyEvaluation.disclosedAt) }] : []),
    ];
    expect(mine.map(({ kind, score, grade, disclosed_date }) => ({ kind, score, grade, disclosed_date }))).toEqual(expected);
  }
  return { objs, inds, results, budget };
}

describe("the Fiscal Data Package of a year", () => {
  it("every year with a disclosure validates with the Frictionless reference implementation and agrees with the portal item by item", async () => {
    const years = await publicYears(database.db);
    expect(years).toEqual([2027, 2026]);
    const counts: Record<number, Record<string, number>> = {};
    for (const year of years) {
      const pkg = await download(year);
      counts[year] = await validate(pkg);
      const { objs } = await agreeWithPortal(pkg, year, null);
      expect(counts[year].objectives).toBe(objs.length);
      expect(pkg.descriptor).toMatchObject({
        profile: "tabular-data-package",
        name: `bpm-disclosures-${year}`,
        licenses: [{ name: "CC-BY-4.0" }],
        contributors: [{ role: "publisher", title: await fdpPublisher(database.db, null) }],
        countryCode: "CN",
        fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
      });
      expect(pkg.descriptor.resources.map((r: { path: string; encoding: string }) => [r.path, r.encoding])).toEqual(FDP_RESOURCES.map((r) => [`${r}.csv`, "utf-8"]));
      // The header is the schema's field names, in order.
      for (const r of FDP_RESOURCES) expect(parseCsv(pkg.csv[r])[0]).toEqual(FDP_SCHEMAS[r].fields.map((f) => f.name));
    }
    // The demo: two objectives of 2027 with their indicator tables; 2026's health project with its accepted self-evaluation.
    expect(counts[2027].objectives).toBe(2);
    expect(counts[2027].indicators).toBeGreaterThan(0);
    expect(counts[2026].results).toBeGreaterThanOrEqual(1);
  });

  it("an approved but undisclosed objective is in no file; disclosed, it is in the next download; withdrawn, gone from the next one", async () => {
    const before = await download(2027);
    for (const r of FDP_RESOURCES) expect(before.csv[r]).not.toContain(SCHOOL);
    expect(before.csv.indicators).not.toContain("新建改扩建校舍面积");

    await signInAs(database, "admin");
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, SCHOOL));
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(res.ok).toBe(true);
    const id = res.ok ? res.data.ids[0] : 0;
    const during = await download(2027);
    await validate(during);
    const { objs, inds } = await agreeWithPortal(during, 2027, null);
    expect(objs.find((o) => o.id === String(id))).toMatchObject({ title: SCHOOL, amount: "6800000.00", unit: "仁化县第一中学" });
    expect(inds.filter((i) => i.objective_id === String(id)).map((i) => i.name)).toContain("新建改扩建校舍面积");

    // The county's package holds it, and only what is under the county.
    const [rh] = await database.db.select().from(regions).where(eq(regions.code, "440224"));
    const county = await download(2027, rh.id);
    await validate(county);
    const c = await agreeWithPortal(county, 2027, rh.path);
    expect(c.objs.map((o) => o.title)).toEqual([SCHOOL]);
    expect(county.descriptor.name).toBe(`bpm-disclosures-2027-region-${rh.id}`);

    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, id));
    expect((await withdrawDisclosure({ disclosureId: id, version: row.version, reason: "数据更正" })).ok).toBe(true);
    const after = await download(2027);
    await validate(after);
    await agreeWithPortal(after, 2027, null);
    for (const r of FDP_RESOURCES) expect(after.csv[r]).not.toContain(SCHOOL);
    expect(after.csv).toEqual(before.csv);
    const countyAfter = await download(2027, rh.id);
    expect(records(countyAfter.csv.objectives)).toEqual([]);
  });

  it("a withdrawn result leaves the results file and the objective's grade at once", async () => {
    const pkg = await download(2026);
    const [first] = records(pkg.csv.results);
    expect(first).toBeDefined();
    await signInAs(database, "admin");
    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, Number(first.result_id)));
    expect((await withdrawDisclosure({ disclosureId: row.id, version: row.version, reason: "数据更正" })).ok).toBe(true);
    const after = await download(2026);
    await validate(after);
    const { results, objs } = await agreeWithPortal(after, 2026, null);
    expect(results.map((r) => r.result_id)).not.toContain(first.result_id);
    expect(objs.find((o) => o.id === first.objective_id)?.grade_source).not.toBe(first.kind);
  });

  it("the validation is real: a value that does not fit its field, or an indicator of no objective, fails it", async () => {
    const pkg = await download(2027);
    const badAmount = pkg.csv.budget.replace(/,(\d+\.\d{2})\r\n/, ",12万\r\n");
    expect(badAmount).not.toBe(pkg.csv.budget);
    await expect(validate({ ...pkg, csv: { ...pkg.csv, budget: badAmount } })).rejects.toThrow();
    const orphan = `${pkg.csv.indicators}999999,1,,output,quantity,x,ge,1,,,10,,\r\n`;
    await expect(validate({ ...pkg, csv: { ...pkg.csv, indicators: orphan } })).rejects.toThrow();
  });

  it("the 数据下载 page's listing gives each file's rows and size without generating a large year, and the data's last change", async () => {
    const listing = await packageListing(database.db);
    expect(listing).toMatchObject({ licence: "CC-BY-4.0", publisher: await fdpPublisher(database.db, null) });
    expect(listing.years.map((y) => y.year)).toEqual(await publicYears(database.db));
    const { changedAt } = await fdpValidator(database.db);
    const bySample = await packageListing(database.db, { sample: 1 });
    for (const y of listing.years) {
      // The time shown is the data's last change: the `created` of the package a download gets.
      expect(y.generatedAt).toBe(changedAt.toISOString());
      expect((await (await get(String(y.year), "datapackage.json")).json()).created).toBe(y.generatedAt);
      expect(y.files.map((f) => f.href)).toEqual(["datapackage.json", ...FDP_RESOURCES.map((r) => `${r}.csv`), "datapackage.zip"].map((f) => `/portal/data/${y.year}/${f}`));
      // A small year is counted exactly: every size is the served file's.
      for (const f of y.files) {
        const body = await (await get(String(y.year), f.name)).arrayBuffer();
        expect(f.estimated, f.href).toBe(false);
        expect(f.bytes, f.href).toBe(body.byteLength);
        if (f.name.endsWith(".csv")) expect(f.rows, f.href).toBe(records(new TextDecoder().decode(body)).length);
      }
      // A year larger than the sample (here: a sample of one objective) gets exact rows from the
      // aggregate and estimated sizes, marked as such, of the right magnitude.
      const est = bySample.years.find((x) => x.year === y.year)!;
      const many = (await publicList(database.db, publicListParams.parse({ year: String(y.year) }), null)).total > 1;
      for (const [i, f] of est.files.entries()) {
        expect(f.rows, f.href).toBe(y.files[i].rows);
        expect(f.estimated, f.href).toBe(many && f.kind !== "datapackage");
        if (f.kind === "datapackage" || !y.files[i].rows) continue;
        expect(f.bytes / y.files[i].bytes, f.href).toBeGreaterThan(0.4);
        expect(f.bytes / y.files[i].bytes, f.href).toBeLessThan(2.5);
      }
    }
  });

  it("every file answers 304 without a body to its ETag until a disclosure or withdrawal, then 200 with a new ETag", async () => {
    const [rh] = await database.db.select().from(regions).where(eq(regions.code, "440224"));
    const files = [...["datapackage.json", ...FDP_RESOURCES.map((r) => `${r}.csv`), "datapackage.zip"].map((f) => [f, undefined] as const), ["objectives.csv", String(rh.id)] as const];
    const conditional = (file: string, region: string | undefined, etag: string) => {
      const req = new Request("http://x", { headers: { "If-None-Match": etag } });
      return region === undefined
        ? fileGet(req, { params: Promise.resolve({ year: "2027", file }) })
        : regionFileGet(req, { params: Promise.resolve({ year: "2027", regionId: region, file }) });
    };
    const etags = new Map<string, string>();
    for (const [file, region] of files) {
      const res = await get("2027", file, region);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
      const etag = res.headers.get("etag")!;
      expect(etag, file).toMatch(/^"[\w-]{32}"$/);
      const body = new Uint8Array(await res.arrayBuffer());
      const again = await conditional(file, region, etag);
      expect(again.status, file).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("no-cache");
      expect((await again.arrayBuffer()).byteLength, file).toBe(0);
      expect((await conditional(file, region, `W/${etag}, "x"`)).status).toBe(304);
      // The same ETag means the same bytes: a second download is byte for byte the first (the ZIP's dates included).
      const second = await get("2027", file, region);
      expect(second.headers.get("etag")).toBe(etag);
      expect(new Uint8Array(await second.arrayBuffer())).toEqual(body);
      etags.set(`${region ?? ""}/${file}`, etag);
    }
    expect(new Set(etags.values()).size).toBe(files.length); // each file its own

    await signInAs(database, "admin");
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, SCHOOL));
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(res.ok).toBe(true);
    const afterDisclosure = new Map<string, string>();
    for (const [file, region] of files) {
      const fresh = await conditional(file, region, etags.get(`${region ?? ""}/${file}`)!);
      expect(fresh.status, file).toBe(200);
      const etag = fresh.headers.get("etag")!;
      expect(etag, file).not.toBe(etags.get(`${region ?? ""}/${file}`));
      if (file === "objectives.csv") expect(await fresh.text()).toContain(SCHOOL);
      else await fresh.arrayBuffer();
      afterDisclosure.set(`${region ?? ""}/${file}`, etag);
    }
    const id = res.ok ? res.data.ids[0] : 0;
    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, id));
    expect((await withdrawDisclosure({ disclosureId: id, version: row.version, reason: "数据更正" })).ok).toBe(true);
    for (const [file, region] of files) {
      const fresh = await conditional(file, region, afterDisclosure.get(`${region ?? ""}/${file}`)!);
      expect(fresh.status, file).toBe(200);
      expect(fresh.headers.get("etag")).not.toBe(afterDisclosure.get(`${region ?? ""}/${file}`));
      if (file === "objectives.csv") expect(await fresh.text()).not.toContain(SCHOOL);
      else await fresh.arrayBuffer();
    }
  });

  it("the whole package as one ZIP loads and validates, holding the same CSVs", async () => {
    const res = await get("2027", "datapackage.zip");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toContain("bpm-disclosures-2027.zip");
    const single = await download(2027);
    const dir = await mkdtemp(path.join(tmpdir(), "fdp-zip-"));
    try {
      const file = path.join(dir, "package.zip");
      await writeFile(file, new Uint8Array(await res.arrayBuffer()));
      const loaded = await Package.load(file);
      expect(loaded.valid).toBe(true);
      for (const r of FDP_RESOURCES) {
        const rows = await loaded.getResource(r)!.read({ cast: false });
        expect(rows, r).toEqual(parseCsv(single.csv[r]).slice(1));
        await loaded.getResource(r)!.read({ cast: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a text cell a spreadsheet would run as a formula is written with a leading ', and commas, quotes and line breaks are quoted", async () => {
    const title = '=HYPERLINK("http://evil.example","点击"),\r\n第二行';
    const [first] = records((await download(2027)).csv.objectives);
    const [before] = await database.db.select({ title: disclosures.title }).from(disclosures).where(eq(disclosures.id, Number(first.id)));
    await database.db.update(disclosures).set({ title }).where(eq(disclosures.id, Number(first.id)));
    try {
      const pkg = await download(2027);
      expect(pkg.csv.objectives).toContain(`"'=HYPERLINK(""http://evil.example"",""点击""),\r\n第二行"`);
      expect(pkg.csv.objectives).not.toMatch(/(^|,)=HYPERLINK/m);
      expect(records(pkg.csv.objectives).find((o) => o.id === first.id)?.title).toBe(title);
      await validate(pkg);
    } finally {
      await database.db.update(disclosures).set({ title: before.title }).where(eq(disclosures.id, Number(first.id)));
    }
  });

  it("anything else is a 404 with a message, never a 5xx", async () => {
    const cases: [string, string, string | undefined, RegExp][] = [
      ["20x6", "objectives.csv", undefined, /four digits/],
      ["1999", "datapackage.json", undefined, /nothing is disclosed for 1999/],
      ["2027", "secrets.csv", undefined, /no such file/],
      ["2027", "..%2Fpackage.json", undefined, /no such file/],
      ["2027", "objectives.csv", "99999", /no such region/],
      ["2027", "objectives.csv", "1 or 1=1", /must be a number/],
    ];
    for (const [year, file, region, message] of cases) {
      const res = await get(year, file, region);
      expect(res.status, `${year}/${region ?? ""}/${file}`).toBe(404);
      expect(await res.text()).toMatch(message);
    }
  });

  it("streams in keyset pages: a page size of one gives the same bytes", async () => {
    const scope = { year: 2027, region: null };
    const whole = await new Response(fdpCsvStream(database.db, scope, "indicators")).text();
    let pages = 0;
    const paged = await new Response(fdpCsvStream(database.db, scope, "indicators", { batch: 1, onRows: () => pages++ })).text();
    expect(paged).toBe(whole);
    expect(pages).toBe((await publicList(database.db, publicListParams.parse({ year: "2027" }), null)).total); // one page per objective
  });
  it("a client fetching files in a loop is told 429 with Retry-After; another address is still served", async () => {
    const g = globalThis as { [k: symbol]: unknown };
    const TOKEN = Symbol.for("bpm.peerAddressToken");
    const had = g[TOKEN];
    g[TOKEN] ??= "test-peer-token";
    const from = (ip: string) => new Request("http://x", { headers: { "x-bpm-peer-address": `${String(g[TOKEN])} ${ip}` } });
    const file = (ip: string) => fileGet(from(ip), { params: Promise.resolve({ year: "2027", file: "objectives.csv" }) });
    process.env.PUBLIC_API_RATE_PER_MINUTE = "3";
    try {
      for (let i = 0; i < 3; i++) expect((await file("203.0.113.61")).status).toBe(200);
      const refused = await file("203.0.113.61");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await refused.text()).toContain("请求过于频繁");
      expect((await file("203.0.113.62")).status).toBe(200);
    } finally {
      process.env.PUBLIC_API_RATE_PER_MINUTE = "100000";
      if (had === undefined) delete g[TOKEN];
    }
  });
});
