import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { disclosures, objectives } from "@/db/schema";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { publicListParams } from "@/lib/disclosure/params";
import { publicDetail, publicList, publicYears } from "@/lib/disclosure/public";
import { GET as listObjectives } from "@/app/api/public/v1/objectives/route";
import { GET as getObjective } from "@/app/api/public/v1/objectives/[id]/route";
import { GET as listResults } from "@/app/api/public/v1/results/route";
import { GET as fileGet } from "@/app/(public)/portal/data/[year]/[file]/route";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * The three public doors — the portal's loaders, the JSON API and the bulk files — agree item by
 * item, for the demo's disclosures and after every withdrawal of them, one at a time, and after a
 * new disclosure. (Each door has its own, deeper tests: public-api.test.ts, open-data-package.test.ts.)
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  process.env.PUBLIC_API_RATE_PER_MINUTE = "100000";
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

type Json = Record<string, unknown>;
const BASE = "http://x/api/public/v1";

async function apiAll(path: string, handler: (r: Request) => Promise<Response>): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | null = null;
  do {
    const res = await handler(new Request(`${BASE}${path}${path.includes("?") ? "&" : "?"}limit=100${cursor ? `&cursor=${cursor}` : ""}`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Json[]; nextCursor: string | null };
    out.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

/** RFC 4180 records by header name (the formula guard's ' taken off). */
function records(text: string): Record<string, string>[] {
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
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, /^'[=+\-@\t\r]/.test(r[i]) ? r[i].slice(1) : r[i]])));
}

async function csv(year: number, resource: string): Promise<Record<string, string>[]> {
  const res = await fileGet(new Request("http://x"), { params: Promise.resolve({ year: String(year), file: `${resource}.csv` }) });
  expect(res.status).toBe(200);
  return records(await res.text());
}

/** Every year: the same objectives, with the same title, amount, grade and indicator table; the same results of them. */
async function agree(): Promise<Set<number>> {
  const seen = new Set<number>();
  const apiResults = await apiAll("/results", listResults);
  for (const year of await publicYears(database.db)) {
    const portal = (await publicList(database.db, publicListParams.parse({ year: String(year), pageSize: "100" }), null)).rows;
    const api = await apiAll(`/objectives?year=${year}`, listObjectives);
    const file = await csv(year, "objectives");
    const ids = portal.map((r) => r.id).sort((a, b) => a - b);
    expect(api.map((a) => Number(a.id)).sort((a, b) => a - b), `${year}: API = portal`).toEqual(ids);
    expect(file.map((f) => Number(f.id)).sort((a, b) => a - b), `${year}: objectives.csv = portal`).toEqual(ids);
    const indicators = await csv(year, "indicators");
    const results = await csv(year, "results");
    for (const p of portal) {
      seen.add(p.id);
      const a = api.find((x) => x.id === p.id)!;
      const f = file.find((x) => Number(x.id) === p.id)!;
      const amount = Number(p.amount).toFixed(2);
      expect([a.title, a.amount, a.grade, a.gradeSource], `API ${p.id}`).toEqual([p.title, amount, p.grade, p.gradeSource]);
      expect([f.title, f.amount, f.grade || null, f.grade_source || null], `CSV ${p.id}`).toEqual([p.title, amount, p.grade, p.gradeSource]);
      const d = (await publicDetail(database.db, p.id))!;
      const detail = (await (await getObjective(new Request(`${BASE}/objectives/${p.id}`), { params: Promise.resolve({ id: String(p.id) }) })).json()) as Json;
      const names = d.content.indicatorRows.map((r) => r.name);
      expect((detail.indicators as Json[]).map((r) => r.name), `API indicators ${p.id}`).toEqual(names);
      expect(indicators.filter((r) => Number(r.objective_id) === p.id).map((r) => r.name), `CSV indicators ${p.id}`).toEqual(names);
      // Results: the portal's page shows the live self- and key-evaluation; the API's detail and results list and the CSV say the same.
      const shown = [...(d.evaluation ? [["self", d.evaluation.score, d.evaluation.grade]] : []), ...(d.keyEvaluation ? [["key", d.keyEvaluation.score, d.keyEvaluation.grade]] : [])];
      expect(results.filter((r) => Number(r.objective_id) === p.id).map((r) => [r.kind, r.score, r.grade]), `CSV results ${p.id}`).toEqual(shown);
      expect(apiResults.filter((r) => r.objectiveId === p.id).map((r) => [r.kind, r.score, r.grade]).sort(), `API results ${p.id}`).toEqual(shown.slice().sort());
      const self = detail.selfEvaluation as Json | null;
      expect(self ? [self.score, self.grade] : null).toEqual(d.evaluation ? [d.evaluation.score, d.evaluation.grade] : null);
    }
  }
  return seen;
}

describe("the portal, the API and the bulk files agree item by item", () => {
  it("for every demo disclosure, and after each withdrawal and a new disclosure", async () => {
    const initial = await agree();
    expect(initial.size).toBe(3);
    const demo = await database.db.select().from(disclosures).where(isNull(disclosures.withdrawnAt)).orderBy(disclosures.id);
    expect(demo.map((d) => d.subjectType).sort()).toEqual(["evaluation", "objective", "objective", "objective"]);

    await signInAs(database, "admin");
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, "仁化县第一中学校舍维修改造"));
    const added = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(added.ok).toBe(true);
    const schoolId = added.ok ? added.data.ids[0] : 0;
    expect(await agree()).toContain(schoolId);

    // Every demo disclosure withdrawn in turn (the result first): each is gone from all three at once.
    for (const d of [...demo].sort((a, b) => (a.subjectType === "evaluation" ? -1 : b.subjectType === "evaluation" ? 1 : a.id - b.id))) {
      const [row] = await database.db.select().from(disclosures).where(and(eq(disclosures.id, d.id), isNull(disclosures.withdrawnAt)));
      expect((await withdrawDisclosure({ disclosureId: row.id, version: row.version, reason: "数据更正" })).ok).toBe(true);
      const left = await agree();
      if (d.subjectType === "objective") expect(left).not.toContain(d.id);
      else expect((await apiAll("/results", listResults)).map((r) => r.id)).not.toContain(d.id);
    }
    expect([...(await agree())]).toEqual([schoolId]);
  });
});
