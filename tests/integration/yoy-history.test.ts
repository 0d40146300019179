import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { objectives, objectiveVersions, orgs } from "@/db/schema";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { declarationContent } from "@/lib/objective/content";
import { earlierYears, reachedOf, subjectHistory, type SubjectRef } from "@/lib/objective/history";
import { compareYears } from "@/lib/objective/year-compare";
import type { IndicatorRowInput } from "@/lib/validation/objective";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * Year over year on a subject's page and review screen (issue 21 item 3). Demo data: the health
 * project 重点传染病防控项目 (广东省疾病预防控制中心, 2026–2027) was approved for 2026 (良, 3,200 万元) and
 * its self-evaluation accepted (83.98, 良; executed 2,560 万元; 筛查人数 ≥ 120000 reached 98000,
 * 及时率 ≥ 95 reached 96, 发病率 ≤ 5 reached 6.5, 满意度 ≥ 90 reached 86); its 2027 declaration
 * (3,000 万元) waits for the health commission's reviewer with 筛查人数 ≥ 100000 (lowered, no reason),
 * 及时率 ≥ 96 (raised), 处置时限 ≤ 2 小时 (new), 发病率 ≤ 6 and 满意度 ≥ 90 (not judged).
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function actorOf(username: string): Promise<Actor> {
  const check = await checkSession(database.db, await signInAs(database, username));
  if (!check.ok) throw new Error("session");
  return check.actor;
}

async function objectiveTitled(title: string) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.title, title));
  return o;
}
const ref = (o: typeof objectives.$inferSelect): SubjectRef => ({
  id: o.id,
  subjectKind: o.subjectKind,
  projectId: o.projectId,
  ownerOrgId: o.ownerOrgId,
  parentObjectiveId: o.parentObjectiveId,
  fiscalYear: o.fiscalYear,
});

async function currentRows(objectiveId: number) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
  const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.id, o.currentVersionId!));
  return { o, v, content: await declarationContent(database.db, v) };
}

/** The comparison the review screen draws: this declaration's rows against the subject's history. */
async function statuses(username: string, objectiveId: number) {
  const { o, content } = await currentRows(objectiveId);
  const history = await subjectHistory(database.db, await actorOf(username), ref(o));
  return compareYears(content.indicatorRows, earlierYears(history)).map((r) => [content.indicatorRows.find((i) => i.ordinal === r.ordinal)!.name, r.status]);
}

describe("a subject's earlier years", () => {
  it("the 2027 health declaration shows 2026: budget, state, grades, self-evaluation and every value reached", async () => {
    const y2027 = await objectiveTitled("重点传染病防控项目（2027年度）");
    const y2026 = await objectiveTitled("重点传染病防控项目");
    expect(y2027.projectId).toBe(y2026.projectId);
    const history = await subjectHistory(database.db, await actorOf("wj.reviewer"), ref(y2027));
    expect(history).toHaveLength(1);
    const [h] = history;
    expect(h).toMatchObject({ objectiveId: y2026.id, fiscalYear: 2026, title: "重点传染病防控项目", state: "approved", grade: "good", amount: "32000000.00", approved: true, keyEvaluation: null, monitoring: null });
    expect(h.indicators.map((i) => [i.ordinal, i.name, i.comparison, i.annualTarget, i.unit])).toEqual([
      [1, "重点人群筛查人数", "gte", "120000", "人"],
      [2, "法定传染病报告及时率", "gte", "95", "%"],
      [3, "重点传染病报告发病率", "lte", "5", "/10万"],
      [4, "服务对象满意度", "gte", "90", "%"],
    ]);
    expect(h.selfEvaluation).toMatchObject({ state: "accepted", score: "83.98", grade: "good", budgetAmount: "32000000.00", executedAmount: "25600000.00" });
    expect(reachedOf(h)).toEqual({
      1: { value: "98000", source: "self" },
      2: { value: "96", source: "self" },
      3: { value: "6.5", source: "self" },
      4: { value: "86", source: "self" },
    });
  });

  it("is read in the reader's scope: the unit and its department see it, a unit of another department does not", async () => {
    const y2027 = await objectiveTitled("重点传染病防控项目（2027年度）");
    expect((await subjectHistory(database.db, await actorOf("filer2"), ref(y2027))).map((h) => h.fiscalYear)).toEqual([2026]);
    expect((await subjectHistory(database.db, await actorOf("reviewer"), ref(y2027))).map((h) => h.fiscalYear)).toEqual([2026]);
    expect(await subjectHistory(database.db, await actorOf("filer"), ref(y2027))).toEqual([]);
  });

  it("only earlier years: the 2026 objective's own history is empty, though 2027 exists", async () => {
    const y2026 = await objectiveTitled("重点传染病防控项目");
    expect(await subjectHistory(database.db, await actorOf("wj.reviewer"), ref(y2026))).toEqual([]);
  });

  it("a department-overall objective follows its department across years, not another department's", async () => {
    const dept = await actorOf("dept");
    const [jt] = await database.db.select().from(orgs).where(eq(orgs.code, "440000-JT"));
    await signInAs(database, "dept");
    const a = await createObjective({ subjectKind: "department", orgId: jt.id, fiscalYear: 2026 });
    const b = await createObjective({ subjectKind: "department", orgId: jt.id, fiscalYear: 2027 });
    expect(a.ok && b.ok, JSON.stringify([a, b])).toBe(true);
    const [wj] = await database.db.select().from(orgs).where(eq(orgs.code, "440000-WJ"));
    await signInAs(database, "wj.reviewer");
    expect((await createObjective({ subjectKind: "department", orgId: wj.id, fiscalYear: 2026 })).ok).toBe(true);
    const [d2027] = await database.db
      .select()
      .from(objectives)
      .where(and(eq(objectives.subjectKind, "department"), eq(objectives.ownerOrgId, jt.id), eq(objectives.fiscalYear, 2027)));
    const history = await subjectHistory(database.db, dept, ref(d2027));
    // Only the transport department's own 2026 draft: not approved, so no indicators to compare with.
    expect(history.map((h) => [h.fiscalYear, h.state, h.approved, h.indicators.length])).toEqual([[2026, "draft", false, 0]]);
    expect(earlierYears(history)).toEqual([{ fiscalYear: 2026, objectiveId: history[0].objectiveId, indicators: [], reached: {} }]);
  });
});

describe("the review screen's comparison and the lowered-target flag", () => {
  it("flags the 筛查人数 lowered from 120000 to 100000 without a reason; 及时率 raised; 处置时限 new; benefit and satisfaction not judged", async () => {
    const y2027 = await objectiveTitled("重点传染病防控项目（2027年度）");
    expect(await statuses("wj.reviewer", y2027.id)).toEqual([
      ["重点人群筛查人数", "lowered"],
      ["法定传染病报告及时率", "raised"],
      ["突发疫情报告处置时限", "new"],
      ["重点传染病报告发病率", "not_judged"],
      ["服务对象满意度", "not_judged"],
    ]);
  });

  it("returned, the filer gives a reason in the indicator step: the flag becomes lowered with a reason", async () => {
    const y2027 = await objectiveTitled("重点传染病防控项目（2027年度）");
    await signInAs(database, "wj.reviewer");
    const back = await reviewObjective({ objectiveId: y2027.id, version: y2027.version, stage: "department", result: "return", reasons: "筛查人数低于上年批复目标，请说明理由" });
    expect(back.ok, JSON.stringify(back)).toBe(true);

    await signInAs(database, "filer2");
    const save = async (edit: (rows: IndicatorRowInput[]) => IndicatorRowInput[]) => {
      const { v, content } = await currentRows(y2027.id);
      const r = await saveDeclarationStep({ step: 3, objectiveId: y2027.id, editVersion: v.editVersion, data: { ...content.performance, indicators: edit(content.performance.indicators ?? []) } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    };
    const reason = "中央补助资金减少，筛查点由40个减至34个";
    await save((rows) => rows.map((r, i) => (i === 0 ? { ...r, changeReason: reason } : r)));
    const { content } = await currentRows(y2027.id);
    expect(content.indicatorRows[0].changeReason).toBe(reason);
    expect((await statuses("wj.reviewer", y2027.id))[0]).toEqual(["重点人群筛查人数", "lowered_explained"]);

    // Raised above last year's 120000: raised, whatever the reason says.
    await signInAs(database, "filer2");
    await save((rows) => rows.map((r, i) => (i === 0 ? { ...r, annualTarget: "125000", periodTarget: "125000", changeReason: null } : r)));
    expect((await statuses("wj.reviewer", y2027.id))[0]).toEqual(["重点人群筛查人数", "raised"]);

    // The same name turned into a ≤ indicator is another indicator: new, not lowered.
    await signInAs(database, "filer2");
    await save((rows) => rows.map((r, i) => (i === 0 ? { ...r, comparison: "lte", annualTarget: "100000", periodTarget: "100000" } : r)));
    expect((await statuses("wj.reviewer", y2027.id))[0]).toEqual(["重点人群筛查人数", "new"]);

    // Back to ≥ 100000 with the reason removed: flagged again.
    await signInAs(database, "filer2");
    await save((rows) => rows.map((r, i) => (i === 0 ? { ...r, comparison: "gte", changeReason: "" } : r)));
    expect((await currentRows(y2027.id)).content.indicatorRows[0].changeReason).toBeNull();
    expect((await statuses("wj.reviewer", y2027.id))[0]).toEqual(["重点人群筛查人数", "lowered"]);

    // With the reason again, the filer resubmits: the department sees it explained.
    await signInAs(database, "filer2");
    await save((rows) => rows.map((r, i) => (i === 0 ? { ...r, changeReason: reason } : r)));
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, y2027.id));
    const sent = await submitObjective({ objectiveId: y2027.id, version: o.version });
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    expect((await objectiveTitled("重点传染病防控项目（2027年度）")).state).toBe("dept_review");
    expect((await statuses("wj.reviewer", y2027.id))[0]).toEqual(["重点人群筛查人数", "lowered_explained"]);
  });

  it("a reason with a NUL byte is refused on its field, nothing written", async () => {
    const y2027 = await objectiveTitled("重点传染病防控项目（2027年度）");
    await signInAs(database, "filer2");
    const { v, content } = await currentRows(y2027.id);
    const rows = (content.performance.indicators ?? []).map((r, i) => (i === 0 ? { ...r, changeReason: "资金\u0000减少" } : r));
    const r = await saveDeclarationStep({ step: 3, objectiveId: y2027.id, editVersion: v.editVersion, data: { ...content.performance, indicators: rows } });
    expect(r.ok).toBe(false);
    expect(Object.keys((r as { fieldErrors: Record<string, string[]> }).fieldErrors)).toContain("data.indicators.0.changeReason");
    expect((await currentRows(y2027.id)).v.editVersion).toBe(v.editVersion);
  });
});
