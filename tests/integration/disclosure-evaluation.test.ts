import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import ExcelJS from "exceljs";
import { auditLog, disclosures, objectives, regions, selfEvaluations, userRoles, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { discloseEvaluation } from "@/lib/actions/disclosure/disclose-evaluation";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { publicListParams } from "@/lib/disclosure/params";
import { publicDetail, publicFigures, publicList } from "@/lib/disclosure/public";
import { resultCandidates } from "@/lib/disclosure/manage";
import { requireActor } from "@/lib/auth/current-user";
import { GET as exportList } from "@/app/(public)/portal/objectives/export/route";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let provincePath: string;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  [{ path: provincePath }] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440000"));
});
afterAll(() => database.drop());

const HEALTH = "重点传染病防控项目";
const ROAD = "普通国省道改造";

async function selfEvaluationOf(title: string) {
  const [row] = await database.db
    .select({ se: selfEvaluations })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .where(eq(objectives.title, title));
  return row.se;
}
async function liveResult(selfEvaluationId: number) {
  const rows = await database.db.select().from(disclosures).where(and(eq(disclosures.evaluationId, selfEvaluationId), eq(disclosures.subjectType, "evaluation")));
  return rows.find((r) => r.withdrawnAt === null);
}
async function objectiveDisclosureId(objectiveId: number) {
  const rows = await database.db.select().from(disclosures).where(and(eq(disclosures.objectiveId, objectiveId), eq(disclosures.subjectType, "objective")));
  return rows.find((r) => r.withdrawnAt === null)!.id;
}
async function excelRows(query: string): Promise<string[][]> {
  const res = await exportList(new Request(`http://x/portal/objectives/export?${query}`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row, n) => {
    if (n > 1) out.push([String(row.getCell(1).value ?? ""), String(row.getCell(9).value ?? "")]);
  });
  return out;
}

/** Where a visitor could meet the health project's grade: landing counts, list filter, list column, detail page, Excel. */
async function gradeSeen() {
  const db = database.db;
  const se = await selfEvaluationOf(HEALTH);
  const figures = await publicFigures(db, provincePath, 2026);
  const filtered = await publicList(db, publicListParams.parse({ year: "2026", grade: "good" }), null);
  const all = await publicList(db, publicListParams.parse({ year: "2026" }), null);
  const detail = await publicDetail(db, await objectiveDisclosureId(se.objectiveId));
  return {
    counts: figures.byGrade,
    filter: filtered.rows.map((r) => r.title),
    column: all.rows.find((r) => r.title === HEALTH)?.grade ?? null,
    detail: detail?.evaluation ?? null,
    excelFiltered: (await excelRows("year=2026&grade=good")).map((r) => r[0]),
    excelGrade: (await excelRows("year=2026")).find((r) => r[0] === HEALTH)?.[1] ?? null,
  };
}

describe("finance discloses accepted evaluation results and withdraws them", () => {
  it("refuses a result before acceptance, other roles, and finance of another region", async () => {
    await signInAs(database, "admin");
    const road = await selfEvaluationOf(ROAD);
    expect(road.state).not.toBe("accepted");
    const res = await discloseEvaluation({ selfEvaluationId: road.id });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!res.ok && res.fieldErrors?.selfEvaluationId?.[0]).toContain("审核通过");
    expect(await liveResult(road.id)).toBeUndefined();

    const health = await selfEvaluationOf(HEALTH);
    for (const who of ["filer", "reviewer", "observer"]) {
      await signInAs(database, who);
      expect(await discloseEvaluation({ selfEvaluationId: health.id })).toMatchObject({ ok: false, code: "forbidden" });
    }
    const gz = await orgByCode(database, "440100-CZ");
    const [u] = await database.db.insert(users).values({ username: "gz.admin", displayName: "广州管理员", orgId: gz.id, passwordHash: await hashPassword(DEMO_PASSWORD) }).returning();
    await database.db.insert(userRoles).values({ userId: u.id, role: "finance_admin", orgId: gz.id });
    await signInAs(database, "gz.admin");
    expect(await discloseEvaluation({ selfEvaluationId: health.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("the demo seed disclosed the accepted health result with its objective: the portal shows it; withdrawn (reason on record) it leaves every page at once", async () => {
    await signInAs(database, "admin");
    const health = await selfEvaluationOf(HEALTH);
    const seeded = await gradeSeen();
    expect(seeded).toMatchObject({ filter: [HEALTH], column: "good", excelFiltered: [HEALTH], excelGrade: "良（自评）", detail: { score: "83.98", grade: "good" } });
    expect(seeded.counts.map((c) => [c.grade, c.count])).toEqual([["good", 1]]);

    const d = (await liveResult(health.id))!;
    vi.mocked(revalidateTag).mockClear();
    expect(await withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "评价结果需复核后再公开" })).toMatchObject({ ok: true });
    expect(revalidateTag).toHaveBeenCalledWith(PUBLIC_DISCLOSURE_TAG, { expire: 0 });
    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, d.id));
    expect(row.withdrawReason).toBe("评价结果需复核后再公开");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "disclosure.withdraw"), eq(auditLog.objectId, String(d.id))));
    expect(audit.after).toMatchObject({ reason: "评价结果需复核后再公开" });
    // The objective stays on the portal; its result is gone from every route.
    expect(await gradeSeen()).toEqual({ counts: [], filter: [], column: null, detail: null, excelFiltered: [], excelGrade: "" });
  });

  it("a disclosed result appears at once: grade counts, filter, list and Excel column, and the score per level on the objective's page", async () => {
    await signInAs(database, "admin");
    const health = await selfEvaluationOf(HEALTH);
    // Finance's desk lists the accepted result (not the unaccepted trunk road) until it is disclosed.
    const desk = async () => (await resultCandidates(database.db, await requireActor("disclosure.manage"), 2026, 1)).rows.map((r) => [r.title, r.score, r.grade]);
    expect(await desk()).toEqual([[HEALTH, "83.98", "good"]]);
    vi.mocked(revalidateTag).mockClear();
    const res = await discloseEvaluation({ selfEvaluationId: health.id });
    expect(res).toMatchObject({ ok: true });
    expect(revalidateTag).toHaveBeenCalledWith(PUBLIC_DISCLOSURE_TAG, { expire: 0 });
    const d = (await liveResult(health.id))!;
    expect(d).toMatchObject({ score: "83.98", grade: "good", fiscalYear: 2026, objectiveId: health.objectiveId });
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "disclosure.publish"), eq(auditLog.objectId, String(d.id))));
    expect(audit.after).toMatchObject({ selfEvaluationId: health.id, score: "83.98", grade: "good" });
    expect(await desk()).toEqual([]);

    const seen = await gradeSeen();
    expect(seen.counts).toEqual([{ grade: "good", count: 1, amount: d.amount }]);
    expect(seen.filter).toEqual([HEALTH]);
    expect(seen.column).toBe("good");
    expect(seen.excelFiltered).toEqual([HEALTH]);
    expect(seen.excelGrade).toBe("良（自评）");
    expect(seen.detail).toMatchObject({ score: "83.98", grade: "good", fiscalYear: 2026 });
    // 预算执行率 then the three 一级指标, adding up to the total.
    expect(seen.detail!.levels.map((l) => l.level1)).toEqual(["execution", "output", "benefit", "satisfaction"]);
    expect(seen.detail!.levels.reduce((s, l) => s + Math.round(Number(l.score) * 100), 0)).toBe(8398);
    expect(seen.detail!.levels.map((l) => l.points)).toEqual(["10.00", "50.00", "30.00", "10.00"]);
    // Other grades stay empty.
    expect((await publicList(database.db, publicListParams.parse({ year: "2026", grade: "poor" }), null)).total).toBe(0);

    // Disclosing it again is refused.
    const again = await discloseEvaluation({ selfEvaluationId: health.id });
    expect(!again.ok && again.fieldErrors?.selfEvaluationId?.[0]).toContain("已公开");
  });

  it("concurrent disclosures of the same result: one wins, one live row", async () => {
    await signInAs(database, "admin");
    const health = await selfEvaluationOf(HEALTH);
    const d = (await liveResult(health.id))!;
    expect(await withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "撤回后并发重新公开" })).toMatchObject({ ok: true });
    const results = await Promise.all([discloseEvaluation({ selfEvaluationId: health.id }), discloseEvaluation({ selfEvaluationId: health.id })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    const live = await database.db.select().from(disclosures).where(and(eq(disclosures.evaluationId, health.id), eq(disclosures.subjectType, "evaluation")));
    expect(live.filter((r) => r.withdrawnAt === null)).toHaveLength(1);
  });
});
