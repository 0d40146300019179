import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, isNull, max, sql } from "drizzle-orm";
import { Ajv2020 } from "ajv/dist/2020";
import { validate as validateOpenApi } from "@readme/openapi-parser";
import { disclosures, objectives, regions } from "@/db/schema";
import { acceptKeyEvaluationAction } from "@/lib/actions/evaluation/accept-key-evaluation";
import { createKeyEvaluationAction } from "@/lib/actions/evaluation/create-key-evaluation";
import { fillOwnKeyEvaluationAction } from "@/lib/actions/evaluation/fill-own-key-evaluation";
import { discloseKeyEvaluation } from "@/lib/actions/disclosure/disclose-key-evaluation";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { expirePublicDisclosures } from "@/lib/disclosure/cache";
import { publicListParams } from "@/lib/disclosure/params";
import { publicDetail, publicFigures, publicList } from "@/lib/disclosure/public";
import { GET as listObjectives, OPTIONS as preflight } from "@/app/api/public/v1/objectives/route";
import { GET as getObjective } from "@/app/api/public/v1/objectives/[id]/route";
import { GET as listResults } from "@/app/api/public/v1/results/route";
import { GET as getSummary } from "@/app/api/public/v1/summary/route";
import { GET as getOpenApi } from "@/app/api/public/v1/openapi.json/route";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";


/**
 * Next's data cache, in miniature: entries keyed by the key parts and arguments, dropped by tag
 * (tests/helpers/setup.ts replaces unstable_cache with no cache at all). Shows the API's answers
 * are cached and dropped with the portal's tag.
 */
vi.mock("next/cache", () => {
  const entries = new Map<string, { tags: string[]; value: string }>();
  return {
    revalidatePath: vi.fn(),
    revalidateTag: vi.fn((tag: string) => {
      for (const [k, e] of entries) if (e.tags.includes(tag)) entries.delete(k);
    }),
    unstable_cache:
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[] = [], opts: { tags?: string[] } = {}) =>
      async (...args: A): Promise<R> => {
        const key = JSON.stringify([keyParts, args]);
        const hit = entries.get(key);
        if (hit) return JSON.parse(hit.value) as R;
        const value = await fn(...args);
        entries.set(key, { tags: opts.tags ?? [], value: JSON.stringify(value) });
        return JSON.parse(JSON.stringify(value)) as R;
      },
  };
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let provincePath: string;
type Json = Record<string, unknown>;
type Doc = { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>; components: { schemas: Record<string, object> } };
let doc: Doc;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
let checked = 0;

const SCHOOL = "仁化县第一中学校舍维修改造";
const BASE = "http://x/api/public/v1";

beforeAll(async () => {
  // The rate limit has its own test; the others share one bucket (no peer address in a test).
  process.env.PUBLIC_API_RATE_PER_MINUTE = "100000";
  database = await createTestDatabase();
  useTestDatabase(database);
  [{ path: provincePath }] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440000"));
  const res = await getOpenApi(new Request(`${BASE}/openapi.json`));
  doc = (await res.json()) as Doc;
  ajv.addSchema({ $id: "https://x/openapi.json", components: doc.components });
});
afterAll(() => database.drop());

/**
 * Every answer a test receives is checked against the OpenAPI document: the schema the document
 * names for that path and status must accept its body (304s have none).
 */
async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Json; res: Response }> {
  const url = new URL(`${BASE}${path}`);
  const req = new Request(url, init);
  const id = url.pathname.match(/\/objectives\/([^/]+)$/)?.[1];
  const res = id !== undefined
    ? await getObjective(req, { params: Promise.resolve({ id: decodeURIComponent(id) }) })
    : url.pathname.endsWith("/objectives") ? await listObjectives(req)
    : url.pathname.endsWith("/results") ? await listResults(req)
    : await getSummary(req);
  expect(res.status).toBeLessThan(500);
  const template = id !== undefined ? "/objectives/{id}" : url.pathname.slice("/api/public/v1".length);
  const text = await res.clone().text();
  const body = text ? (JSON.parse(text) as Json) : ({} as Json);
  if (res.status !== 304) {
    const schema = doc.paths[template].get.responses[String(res.status)]?.content?.["application/json"]?.schema as { $ref: string } | undefined;
    expect(schema, `${template} ${res.status} is documented`).toBeDefined();
    const ok = ajv.validate({ $ref: `https://x/openapi.json${schema!.$ref}` }, body);
    expect(ok, `${template} ${res.status}: ${JSON.stringify(ajv.errors)}`).toBe(true);
    checked++;
  }
  return { status: res.status, body, res };
}

/** Every item of a list, page by page (limit 1 or 2), asserting the pages never repeat an item. */
async function everyItem(path: string, limit: number): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = path.includes("?") ? "&" : "?";
    const { status, body } = await call(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(status).toBe(200);
    out.push(...(body.data as Json[]));
    cursor = body.nextCursor as string | null;
    if (!cursor) break;
  }
  expect(new Set(out.map((i) => i.id)).size).toBe(out.length);
  return out;
}

const portalRows = async (p: Record<string, string> = {}, regionPath: string | null = null) => (await publicList(database.db, publicListParams.parse({ pageSize: "100", ...p }), regionPath)).rows;

/** The portal's row as the API writes it. */
const asApi = (r: Awaited<ReturnType<typeof portalRows>>[number]) => ({ ...r, amount: Number(r.amount).toFixed(2), amountUnit: "CNY (元)" });
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => Number(a.id) - Number(b.id);

async function liveObjectiveIds(): Promise<Set<number>> {
  const rows = await database.db.select({ id: disclosures.id }).from(disclosures).where(and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "objective")));
  return new Set(rows.map((r) => r.id));
}

describe("the public API serves what the portal shows, and nothing else", () => {
  it("its OpenAPI 3.1 document is valid, names each field's Chinese label, and states the unit", async () => {
    const result = await validateOpenApi(JSON.parse(JSON.stringify(doc)));
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/objectives", "/objectives/{id}", "/results", "/summary"]);
    const summary = doc.components.schemas.ObjectiveSummary as { properties: Record<string, { title: string; description: string }> };
    expect(summary.properties.title.title).toBe("项目名称");
    expect(summary.properties.amount).toMatchObject({ title: "预算金额", type: "string" });
    expect(summary.properties.amount.description).toContain("元");
  });

  it("every demo disclosure: the list, each detail and the figures agree with the portal item by item", async () => {
    const portal = await portalRows();
    expect(portal.length).toBe(3);
    const api = await everyItem("/objectives", 2);
    expect(api.slice().sort(byId)).toEqual(portal.map(asApi).sort(byId));
    // The stable order: newest fiscal year first, then the newest disclosure.
    expect(api.map((i) => [i.fiscalYear, i.id])).toEqual(api.map((i) => [i.fiscalYear, i.id]).sort((a, b) => Number(b[0]) - Number(a[0]) || Number(b[1]) - Number(a[1])));

    for (const item of api) {
      const { status, body } = await call(`/objectives/${item.id}`);
      expect(status).toBe(200);
      const d = (await publicDetail(database.db, Number(item.id)))!;
      expect(body).toMatchObject({ id: d.id, title: d.title, amount: Number(d.amount).toFixed(2), regionName: d.regionName, departmentName: d.departmentName, ownerName: d.ownerName, amountUnit: "CNY (元)" });
      expect((body.indicators as Json[]).map((r) => [r.level1, r.level2, r.name, r.annualTarget])).toEqual(d.content.indicatorRows.map((r) => [r.level1, r.level2, r.name, r.annualTarget]));
      expect(body.selfEvaluation === null).toBe(d.evaluation === null);
      if (d.evaluation) expect(body.selfEvaluation).toMatchObject({ score: d.evaluation.score, grade: d.evaluation.grade });
      expect(body.annualGoal).toBe(d.content.performance.annualGoal ?? null);
      // Internal fields never leave: the strict schema names none of them.
      expect(JSON.stringify(body)).not.toMatch(/contact|customReason|indicatorId|objectiveId|versionId/);
    }

    // The disclosed result (2026's self-evaluation, 良): listed with its live objective.
    const results = await everyItem("/results", 1);
    const live = await database.db.select({ id: disclosures.id }).from(disclosures).where(and(isNull(disclosures.withdrawnAt), sql`(${disclosures.subjectType} = 'evaluation' or ${disclosures.keyEvaluationId} is not null)`));
    expect(results.map((r) => r.id).sort()).toEqual(live.map((r) => r.id).sort());
    for (const r of results.filter((x) => x.objectiveId)) {
      const d = (await publicDetail(database.db, Number(r.objectiveId)))!;
      const shown = r.kind === "key" ? d.keyEvaluation : d.evaluation;
      expect({ score: r.score, grade: r.grade }).toEqual({ score: shown!.score, grade: shown!.grade });
    }

    // The summary of the province's year: the portal landing's figures.
    const figures = await publicFigures(database.db, provincePath, 2027);
    const { body: s } = await call("/summary?year=2027");
    expect(s).toMatchObject({ fiscalYear: 2027, amount: figures.amount, count: figures.count, byDepartment: figures.byDepartment, byGrade: figures.byGrade, amountUnit: "CNY (元)" });
    expect((s.byRegion as { amount: string }[]).reduce((n, r) => n + Number(r.amount), 0).toFixed(2)).toBe(figures.amount);
  });

  it("filters (year, region, department, grade, keyword) give the portal's rows", async () => {
    const [rh] = await database.db.select().from(regions).where(eq(regions.code, "440224"));
    const all = await portalRows();
    const dept = all[0];
    const [{ departmentOrgId }] = await database.db.select({ departmentOrgId: disclosures.departmentOrgId }).from(disclosures).where(eq(disclosures.id, dept.id));
    const cases: [string, Record<string, string>, string | null][] = [
      ["year=2026", { year: "2026" }, null],
      ["year=2027", { year: "2027" }, null],
      [`regionId=${rh.id}`, {}, rh.path],
      [`departmentId=${departmentOrgId}`, { departmentId: String(departmentOrgId) }, null],
      ["grade=good", { grade: "good" }, null],
      [`q=${encodeURIComponent("免疫")}`, { q: "免疫" }, null],
    ];
    for (const [query, p, regionPath] of cases) {
      const api = await everyItem(`/objectives?${query}`, 100);
      expect(api.map((i) => i.id).sort(), query).toEqual((await portalRows(p, regionPath)).map((r) => r.id).sort());
    }
    expect((await everyItem(`/objectives?q=${encodeURIComponent("免疫")}`, 100)).map((i) => i.title)).toEqual(["免疫规划项目"]);
  });

  it("cursor pagination returns every item exactly once, whatever the page size", async () => {
    const ids = (await portalRows()).map((r) => r.id).sort();
    for (const limit of [1, 2, 3, 100]) expect((await everyItem("/objectives", limit)).map((i) => i.id).sort()).toEqual(ids);
  });

  it("nothing undisclosed is reachable by id: only live objective disclosures answer 200", async () => {
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, SCHOOL));
    expect(school.state).toBe("approved");
    const [{ top }] = await database.db.select({ top: max(disclosures.id) }).from(disclosures);
    const liveIds = await liveObjectiveIds();
    for (let id = 1; id <= Math.max(top ?? 0, school.id) + 5; id++) {
      const { status, body } = await call(`/objectives/${id}`);
      expect(status, `id ${id}`).toBe(liveIds.has(id) ? 200 : 404);
      if (status === 200) expect(body.title).not.toBe(SCHOOL);
    }
    expect((await everyItem(`/objectives?q=${encodeURIComponent("校舍")}`, 10)).length).toBe(0);
  });

  it("a disclosed key evaluation (重点评价) is a result and the objective's grade; an accepted but undisclosed one is nowhere; withdrawn, it is gone", async () => {
    const scores = { decision: { score: "18", evidence: "立项依据充分" }, process: { score: "17.5", evidence: "资金到位及时" }, output: { score: "24", evidence: "筛查人数未达目标" }, benefit: { score: "20.5", evidence: "发病率高于目标" } };
    async function accepted(title: string) {
      const [o] = await database.db.select().from(objectives).where(eq(objectives.title, title));
      await signInAs(database, "reviewer");
      const created = await createKeyEvaluationAction({ objectiveId: o.id, agencyOrgId: null });
      const id = (created as { data: { id: number } }).data.id;
      expect(await fillOwnKeyEvaluationAction({ keyEvaluationId: id, version: 1, scores, findings: "基层筛查点建设滞后。", recommendations: "加快基层筛查点建设。" })).toMatchObject({ ok: true });
      expect(await acceptKeyEvaluationAction({ keyEvaluationId: id, version: 2 })).toMatchObject({ ok: true });
      return { id, objectiveId: o.id };
    }
    const health = await accepted("重点传染病防控项目");
    await accepted("普通国省道改造");
    const before = await everyItem("/results?kind=key", 100);
    expect(before).toEqual([]);
    await signInAs(database, "admin");
    const disclosed = await discloseKeyEvaluation({ keyEvaluationId: health.id });
    expect(disclosed.ok).toBe(true);
    const keyResults = await everyItem("/results?kind=key", 100);
    expect(keyResults.map((r) => [r.title, r.score, r.grade])).toEqual([["重点传染病防控项目", "80.00", "good"]]);
    const pageId = Number(keyResults[0].objectiveId);
    const { body } = await call(`/objectives/${pageId}`);
    const d = (await publicDetail(database.db, pageId))!;
    expect(body).toMatchObject({ gradeSource: "key", grade: "good", keyEvaluation: { score: d.keyEvaluation!.score, grade: "good", findings: "基层筛查点建设滞后。", agencyName: null } });
    expect((body.keyEvaluation as { dimensions: unknown[] }).dimensions).toEqual(d.keyEvaluation!.dimensions);
    expect((await everyItem("/objectives?grade=good", 100)).map((i) => i.id)).toContain(pageId);

    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, Number(keyResults[0].id)));
    expect((await withdrawDisclosure({ disclosureId: row.id, version: row.version, reason: "数据更正" })).ok).toBe(true);
    expect(await everyItem("/results?kind=key", 100)).toEqual([]);
    expect((await call(`/objectives/${pageId}`)).body).toMatchObject({ keyEvaluation: null, gradeSource: d.evaluation ? "self" : null });
  });

  it("a new disclosure appears at once; its withdrawal removes it from list, detail and results (404)", async () => {
    await signInAs(database, "admin");
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, SCHOOL));
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(res.ok).toBe(true);
    const id = res.ok ? res.data.ids[0] : 0;
    const first = await call("/objectives?year=2027");
    expect((first.body.data as Json[]).map((i) => i.title)).toContain(SCHOOL);
    expect((await call(`/objectives/${id}`)).status).toBe(200);
    const etag = first.res.headers.get("etag")!;

    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, id));
    expect((await withdrawDisclosure({ disclosureId: id, version: row.version, reason: "数据更正" })).ok).toBe(true);
    const after = await call("/objectives?year=2027", { headers: { "If-None-Match": etag } });
    // The client's copy is stale: a full answer without it, not a 304.
    expect(after.status).toBe(200);
    expect((after.body.data as Json[]).map((i) => i.title)).not.toContain(SCHOOL);
    expect((await call(`/objectives/${id}`)).status).toBe(404);
    expect((await call(`/objectives?q=${encodeURIComponent("校舍")}`)).body.data).toEqual([]);

    // Withdrawing a demo objective disclosure that has a disclosed result: its result no longer links it.
    const withResult = (await everyItem("/results", 100)).find((r) => r.objectiveId);
    expect(withResult, "the demo's disclosed self-evaluation, with its objective").toBeDefined();
    if (withResult) {
      const oid = Number(withResult.objectiveId);
      const [o] = await database.db.select().from(disclosures).where(eq(disclosures.id, oid));
      expect((await withdrawDisclosure({ disclosureId: oid, version: o.version, reason: "数据更正" })).ok).toBe(true);
      expect((await call(`/objectives/${oid}`)).status).toBe(404);
      expect((await everyItem("/objectives", 100)).map((i) => i.id)).not.toContain(oid);
      expect((await everyItem("/results", 100)).find((r) => r.id === withResult.id)?.objectiveId).toBeNull();
      // Withdrawing the result itself: gone from the results list.
      const [rd] = await database.db.select().from(disclosures).where(eq(disclosures.id, Number(withResult.id)));
      expect((await withdrawDisclosure({ disclosureId: rd.id, version: rd.version, reason: "数据更正" })).ok).toBe(true);
      expect((await everyItem("/results", 100)).map((r) => r.id)).not.toContain(withResult.id);
    }
    // Still item by item with the portal.
    expect((await everyItem("/objectives", 2)).sort(byId)).toEqual((await portalRows()).map(asApi).sort(byId));
  });

  it("answers from the cache, dropped with the portal's tag (PUBLIC_DISCLOSURE_TAG) the moment a disclosure changes", async () => {
    const [first] = (await call("/objectives?year=2027")).body.data as Json[];
    const id = Number(first.id);
    expect((await call(`/objectives/${id}`)).status).toBe(200);
    expect(((await call(`/objectives?q=${encodeURIComponent(String(first.title))}`)).body.data as Json[]).map((i) => i.id)).toContain(id);
    // Behind the cache's back (no action, no tag expiry): the cached answer still has it...
    await database.db.update(disclosures).set({ withdrawnAt: new Date(), withdrawReason: "test" }).where(eq(disclosures.id, id));
    try {
      expect((await portalRows({ year: "2027" })).map((r) => r.id)).not.toContain(id);
      expect(((await call("/objectives?year=2027")).body.data as Json[]).map((i) => i.id)).toContain(id);
      expect((await call(`/objectives/${id}`)).status).toBe(200);
      // A keyword search is free text: never cached, read fresh (as the portal's search page).
      expect(((await call(`/objectives?q=${encodeURIComponent(String(first.title))}`)).body.data as Json[]).map((i) => i.id)).not.toContain(id);
      // ...until the tag every disclosure and withdrawal expires (lib/disclosure/cache.ts) is dropped.
      expirePublicDisclosures();
      expect(((await call("/objectives?year=2027")).body.data as Json[]).map((i) => i.id)).not.toContain(id);
      expect((await call(`/objectives/${id}`)).status).toBe(404);
    } finally {
      await database.db.update(disclosures).set({ withdrawnAt: null, withdrawReason: null }).where(eq(disclosures.id, id));
      expirePublicDisclosures();
    }
    expect(((await call("/objectives?year=2027")).body.data as Json[]).map((i) => i.id)).toContain(id);
  });

  it("answers 304 to a matching ETag, with CORS open and no-cache", async () => {
    const a = await call("/objectives?year=2027");
    expect(a.status).toBe(200);
    expect(a.res.headers.get("cache-control")).toBe("no-cache");
    expect(a.res.headers.get("access-control-allow-origin")).toBe("*");
    expect(a.res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const etag = a.res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const b = await call("/objectives?year=2027", { headers: { "If-None-Match": etag } });
    expect(b.status).toBe(304);
    expect(await b.res.text()).toBe("");
    expect(b.res.headers.get("etag")).toBe(etag);
    expect((await call("/objectives?year=2027", { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
    const s = await call("/summary");
    expect((await call("/summary", { headers: { "If-None-Match": s.res.headers.get("etag")! } })).status).toBe(304);
    const pre = preflight();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });

  it("answers 400 naming the parameter for every bad one, never 5xx", async () => {
    const bad: [string, string][] = [
      ["/objectives?year=abc", "year"],
      ["/objectives?year=1999", "year"],
      ["/objectives?limit=0", "limit"],
      ["/objectives?limit=101", "limit"],
      ["/objectives?limit=1.5", "limit"],
      ["/objectives?cursor=not-a-cursor", "cursor"],
      [`/objectives?cursor=${Buffer.from("[2027,-1]").toString("base64url")}`, "cursor"],
      ["/objectives?cursor=%3Cscript%3E", "cursor"],
      ["/objectives?foo=1", "foo"],
      ["/objectives?year=2027&year=2026", "year"],
      ["/objectives?grade=best", "grade"],
      ["/objectives?category=x", "category"],
      ["/objectives?regionId=0", "regionId"],
      ["/objectives?regionId=99999999", "regionId"],
      ["/objectives?departmentId=99999999999", "departmentId"],
      [`/objectives?q=${"长".repeat(61)}`, "q"],
      ["/objectives?q=%00", "q"],
      ["/results?kind=other", "kind"],
      ["/results?page=2", "page"],
      ["/summary?year=20277", "year"],
      ["/summary?regionId=99999999", "regionId"],
      ["/objectives/abc", "id"],
      ["/objectives/-1", "id"],
      ["/objectives/99999999999", "id"],
      ["/objectives/9999999999", "id"],
      ["/objectives?regionId=9999999999", "regionId"],
      ["/objectives/1?x=1", "x"],
    ];
    for (const [path, parameter] of bad) {
      const { status, body } = await call(path);
      expect(status, path).toBe(400);
      expect(body, path).toMatchObject({ error: "bad_parameter", parameter });
      expect(String(body.message), path).toMatch(/[\u4e00-\u9fff].*\/ [A-Za-z]/);
    }
  });

  it("answers 429 with Retry-After once an address's bucket is empty; other addresses are still served", async () => {
    const g = globalThis as { [k: symbol]: unknown };
    const TOKEN = Symbol.for("bpm.peerAddressToken");
    const had = g[TOKEN];
    g[TOKEN] ??= "test-peer-token";
    const from = (ip: string) => ({ headers: { "x-bpm-peer-address": `${String(g[TOKEN])} ${ip}` } });
    process.env.PUBLIC_API_RATE_PER_MINUTE = "5";
    try {
      for (let i = 0; i < 5; i++) expect((await call("/summary", from("203.0.113.7"))).status).toBe(200);
      const refused = await call("/summary", from("203.0.113.7"));
      expect(refused.status).toBe(429);
      expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(refused.body).toMatchObject({ error: "rate_limited" });
      expect((await call("/objectives", from("203.0.113.7"))).status).toBe(429);
      // A forged X-Forwarded-For does not buy a fresh bucket (no proxy is trusted).
      expect((await call("/summary", { headers: { ...from("203.0.113.7").headers, "x-forwarded-for": "198.51.100.1" } })).status).toBe(429);
      expect((await call("/summary", from("203.0.113.8"))).status).toBe(200);
    } finally {
      process.env.PUBLIC_API_RATE_PER_MINUTE = "100000";
      if (had === undefined) delete g[TOKEN];
    }
    expect(checked).toBeGreaterThan(50);
  });
});
