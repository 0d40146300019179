import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, evaluationRuleSets, objectives, regions, selfEvaluations } from "@/db/schema";
import { activateEvaluationRuleSet } from "@/lib/actions/evaluation/activate-rule-set";
import { copyEvaluationRuleSet } from "@/lib/actions/evaluation/copy-rule-set";
import { editEvaluationRuleSet } from "@/lib/actions/evaluation/edit-rule-set";
import { adjustQualitativeDepartment } from "@/lib/actions/evaluation/adjust-qualitative-department";
import { reviewSelfEvaluationDepartment } from "@/lib/actions/evaluation/review-self-evaluation-department";
import { reviewSelfEvaluationFinance } from "@/lib/actions/evaluation/review-self-evaluation-finance";
import { saveSelfEvaluationAction } from "@/lib/actions/evaluation/save-self-evaluation";
import { startSelfEvaluationAction } from "@/lib/actions/evaluation/start-self-evaluation";
import { submitSelfEvaluation } from "@/lib/actions/evaluation/submit-self-evaluation";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { DEFAULT_RULES } from "@/lib/evaluation/rules";
import type { ScoreResult } from "@/lib/evaluation/scoring";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  // The trunk-road project runs 2019–2021: the province's rules for 2019, as finance would have set them.
  const [gd] = await database.db.select().from(regions).where(eq(regions.code, "440000"));
  await database.db.insert(evaluationRuleSets).values({ regionId: gd.id, fiscalYear: 2019, number: 1, name: "2019年度单位自评评分规则", status: "active", rules: DEFAULT_RULES });
});
afterAll(() => database.drop());

const objective = async (id: number) => (await database.db.select().from(objectives).where(eq(objectives.id, id)))[0];
const selfEval = async (id: number) => (await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.id, id)))[0];
async function provinceRuleSet(year: number) {
  const [gd] = await database.db.select().from(regions).where(eq(regions.code, "440000"));
  const [rs] = await database.db
    .select()
    .from(evaluationRuleSets)
    .where(and(eq(evaluationRuleSets.regionId, gd.id), eq(evaluationRuleSets.fiscalYear, year), eq(evaluationRuleSets.status, "active")));
  return rs;
}

/** The trunk-road objective for 2019, declared by the filer and approved by department and finance. */
async function approvedTrunkRoad() {
  await signInAs(database, "filer");
  const { objectiveId } = await declareTrunkRoad(database);
  expect((await submitObjective({ objectiveId, version: (await objective(objectiveId)).version })).ok).toBe(true);
  await signInAs(database, "dept");
  expect((await reviewObjective({ objectiveId, version: (await objective(objectiveId)).version, stage: "department", result: "pass" })).ok).toBe(true);
  await signInAs(database, "reviewer");
  expect((await reviewObjective({ objectiveId, version: (await objective(objectiveId)).version, stage: "finance", result: "pass", grade: "excellent" })).ok).toBe(true);
  return objectiveId;
}

const ACTUALS = [
  { ordinal: 1, actual: null, band: "achieved" as const, percent: "95", deviation: null },
  { ordinal: 2, actual: "96", deviation: null },
  { ordinal: 3, actual: "100", deviation: null },
  { ordinal: 4, actual: "100%", deviation: null },
  { ordinal: 5, actual: "88", deviation: null },
];

describe("self-evaluation after the year", () => {
  let objectiveId: number;
  let seId: number;

  it("finance may correct an adopted rule set nobody was scored under yet", async () => {
    const rs = await provinceRuleSet(2019);
    await signInAs(database, "admin");
    const edited = await editEvaluationRuleSet({ ruleSetId: rs.id, version: rs.version, rules: DEFAULT_RULES, name: "2019年度单位自评评分规则（修订）" });
    expect(edited).toMatchObject({ ok: true });
    // Weights that do not make 100 are refused with a message on the field.
    const bad = await editEvaluationRuleSet({ ruleSetId: rs.id, version: rs.version + 1, rules: { ...DEFAULT_RULES, executionWeight: "15" } });
    expect(!bad.ok && bad.fieldErrors?.["rules.level1Weights"]?.[0]).toContain("合计须为 100 分");
  });

  it("the filer opens, fills and sees the score with its breakdown; another unit cannot reach it", async () => {
    objectiveId = await approvedTrunkRoad();
    await signInAs(database, "filer2");
    expect(await startSelfEvaluationAction({ objectiveId })).toMatchObject({ ok: false, code: "not_found" });

    await signInAs(database, "filer");
    const started = await startSelfEvaluationAction({ objectiveId });
    expect(started).toMatchObject({ ok: true });
    seId = (started as { data: { id: number } }).data.id;
    expect(await startSelfEvaluationAction({ objectiveId })).toMatchObject({ ok: false, code: "conflict" });
    expect((await selfEval(seId)).budgetAmount).toBe("500000000.00"); // the 2019 row of the funding plan, not the three-year total

    const saved = await saveSelfEvaluationAction({ selfEvaluationId: seId, version: 1, executedAmount: "470000000.00", executionExplanation: null, summary: "按计划完成", actuals: ACTUALS });
    expect(saved).toMatchObject({ ok: true, data: { total: "97.39", grade: "excellent", version: 2 } });
    const se = await selfEval(seId);
    const b = se.breakdown as ScoreResult;
    expect(b.execution).toMatchObject({ rate: "94.00", score: "9.40" });
    expect(b.levels[0].level2[0].indicators[1]).toMatchObject({ name: "公路建设工程量完成率", points: "14.06", score: "13.50", scoreRule: { rule: "gte.proportional", calc: "14.06 × 96 ÷ 100 = 13.50" } });
    expect(se.totalScore).toBe("97.39");

    // A stale form is refused, not merged.
    expect(await saveSelfEvaluationAction({ selfEvaluationId: seId, version: 1, executedAmount: "1", executionExplanation: null, summary: null, actuals: [] })).toMatchObject({ ok: false, code: "conflict" });

    // Another unit's filer and another department's objective: out of reach, reported as missing.
    await signInAs(database, "filer2");
    expect(await saveSelfEvaluationAction({ selfEvaluationId: seId, version: 2, executedAmount: "1", executionExplanation: null, summary: null, actuals: [] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitSelfEvaluation({ selfEvaluationId: seId, version: 2 })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a rule set used for a score cannot be edited; finance edits a copy and adopts it", async () => {
    const rs = await provinceRuleSet(2019);
    expect(rs.used).toBe(true);
    await signInAs(database, "admin");
    const before = rs.rules;
    const refused = await editEvaluationRuleSet({ ruleSetId: rs.id, version: rs.version, rules: { ...DEFAULT_RULES, gradeBands: { excellent: "95", good: "85", fair: "60", poor: "0" } } });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(!refused.ok && refused.fieldErrors?._form?.[0]).toContain("复制后编辑副本");
    expect((await provinceRuleSet(2019)).rules).toEqual(before);

    const copy = await copyEvaluationRuleSet({ ruleSetId: rs.id, name: "2019年度评分规则（从严）" });
    expect(copy).toMatchObject({ ok: true, data: { number: 2 } });
    const copyId = (copy as { data: { id: number } }).data.id;
    const strict = { ...DEFAULT_RULES, gradeBands: { excellent: "95", good: "85", fair: "60", poor: "0" } };
    expect(await editEvaluationRuleSet({ ruleSetId: copyId, version: 1, rules: strict })).toMatchObject({ ok: true, data: { version: 2 } });
    // A reviewer (not an administrator) may not touch rule sets at all.
    await signInAs(database, "reviewer");
    expect(await editEvaluationRuleSet({ ruleSetId: copyId, version: 2, rules: DEFAULT_RULES })).toMatchObject({ ok: false, code: "forbidden" });
    // The used set is still exactly what it was; the audit log has the copy and the edit.
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.objectType, "evaluation_rule_set"), eq(auditLog.objectId, String(copyId))));
    expect(audits.map((a) => a.action).sort()).toEqual(["ruleSet.copy", "ruleSet.edit"]);

    // Adopting the copy retires the used set; scores computed under it keep pointing at it.
    await signInAs(database, "admin");
    expect(await activateEvaluationRuleSet({ ruleSetId: copyId, version: 2 })).toMatchObject({ ok: true });
    expect((await provinceRuleSet(2019)).id).toBe(copyId);
    const [old] = await database.db.select().from(evaluationRuleSets).where(eq(evaluationRuleSets.id, rs.id));
    expect(old.status).toBe("retired");
    expect((await selfEval(seId)).ruleSetId).toBe(rs.id);
  });

  it("submitted → department review → finance accepts; completeness is checked first", async () => {
    await signInAs(database, "filer");
    // Indicators 2 and 5 missed their targets: a deviation analysis is required for each; the
    // qualitative judgement of indicator 1 needs its reason.
    let se = await selfEval(seId);
    const incomplete = await submitSelfEvaluation({ selfEvaluationId: seId, version: se.version });
    expect(incomplete).toMatchObject({ ok: false, code: "invalid_input" });
    expect(Object.keys((incomplete as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(["actuals.1.deviation", "actuals.2.deviation", "actuals.5.deviation"]);
    expect((incomplete as { fieldErrors: Record<string, string[]> }).fieldErrors["actuals.2.deviation"][0]).toContain("偏差原因");

    const filled = ACTUALS.map((a) =>
      a.ordinal === 1 ? { ...a, deviation: "改造里程全部完成，个别路段验收资料待补" } : a.ordinal === 2 || a.ordinal === 5 ? { ...a, deviation: "征地拆迁滞后，部分路段顺延至次年" } : a,
    );
    expect((await saveSelfEvaluationAction({ selfEvaluationId: seId, version: se.version, executedAmount: "470000000.00", executionExplanation: null, summary: "按计划完成", actuals: filled })).ok).toBe(true);
    se = await selfEval(seId);
    expect(await submitSelfEvaluation({ selfEvaluationId: seId, version: se.version })).toMatchObject({ ok: true, data: { state: "dept_review" } });
    // Submission scores under the rule set in force now (the stricter copy): 97.39 is still 优 (≥ 95).
    expect(await selfEval(seId)).toMatchObject({ ruleSetId: (await provinceRuleSet(2019)).id, totalScore: "97.39", grade: "excellent" });
    // Submitted: no longer editable by the filer.
    se = await selfEval(seId);
    expect(await saveSelfEvaluationAction({ selfEvaluationId: seId, version: se.version, executedAmount: "1", executionExplanation: null, summary: null, actuals: [] })).toMatchObject({ ok: false, code: "forbidden" });

    // Finance cannot accept before the department has reviewed it.
    await signInAs(database, "reviewer");
    expect(await reviewSelfEvaluationFinance({ selfEvaluationId: seId, version: se.version, event: "finance_accept" })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs(database, "dept");
    const noReason = await reviewSelfEvaluationDepartment({ selfEvaluationId: seId, version: se.version, event: "dept_return" });
    expect(!noReason.ok && noReason.fieldErrors?.reason?.[0]).toContain("须填写原因");
    // The department changes the qualitative judgement (部分达成 70%), with a reason: the score follows.
    const outside = await adjustQualitativeDepartment({ selfEvaluationId: seId, version: se.version, ordinal: 1, band: "partial", percent: "85", reason: "验收资料不全" });
    expect(!outside.ok && outside.fieldErrors?.percent?.[0]).toContain("档次范围");
    expect(await adjustQualitativeDepartment({ selfEvaluationId: seId, version: se.version, ordinal: 2, band: "partial", percent: "70", reason: "x" })).toMatchObject({ ok: false, code: "invalid_input" });
    // 14.07 × 70% = 9.85 instead of 13.37: 9.40 + 51.47 + 33.00 = 93.87, below the stricter 优 line of 95.
    expect(await adjustQualitativeDepartment({ selfEvaluationId: seId, version: se.version, ordinal: 1, band: "partial", percent: "70", reason: "验收资料不全，部分路段未交工" })).toMatchObject({
      ok: true,
      data: { total: "93.87", grade: "good" },
    });
    se = await selfEval(seId);
    expect(await reviewSelfEvaluationDepartment({ selfEvaluationId: seId, version: se.version, event: "dept_pass" })).toMatchObject({ ok: true, data: { state: "finance_review" } });

    await signInAs(database, "reviewer");
    se = await selfEval(seId);
    // Two tabs: one wins, the other gets a conflict.
    const [a, b] = await Promise.all([
      reviewSelfEvaluationFinance({ selfEvaluationId: seId, version: se.version, event: "finance_accept" }),
      reviewSelfEvaluationFinance({ selfEvaluationId: seId, version: se.version, event: "finance_return", reason: "佐证不足" }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    se = await selfEval(seId);
    expect(["accepted", "returned"]).toContain(se.state);
    const trail = await database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.objectType, "self_evaluation"), eq(auditLog.objectId, String(seId))));
    expect(trail.map((t) => t.action)).toEqual(expect.arrayContaining(["selfEvaluation.start", "selfEvaluation.save", "selfEvaluation.submit", "selfEvaluation.dept_pass"]));
    expect(trail.filter((t) => t.action === "selfEvaluation.finance_accept" || t.action === "selfEvaluation.finance_return")).toHaveLength(1);
  });
});
