import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, budgetProposals, evaluationRuleSets, objectives, projects, selfEvaluations } from "@/db/schema";
import { copyEvaluationRuleSet } from "@/lib/actions/evaluation/copy-rule-set";
import { editEvaluationRuleSet } from "@/lib/actions/evaluation/edit-rule-set";
import { replayEvaluationRuleSet } from "@/lib/actions/evaluation/replay-rule-set";
import { DEFAULT_RULES } from "@/lib/evaluation/rules";
import type { ReplayResult } from "@/lib/evaluation/replay";
import { auditCount } from "../helpers/session";
import { decideBudgetProposal } from "@/lib/actions/evaluation/decide-budget-proposal";
import { generateBudgetProposals } from "@/lib/actions/evaluation/generate-budget-proposals";
import { reviewSelfEvaluationDepartment } from "@/lib/actions/evaluation/review-self-evaluation-department";
import { reviewSelfEvaluationFinance } from "@/lib/actions/evaluation/review-self-evaluation-finance";
import { saveSelfEvaluationAction } from "@/lib/actions/evaluation/save-self-evaluation";
import { submitSelfEvaluation } from "@/lib/actions/evaluation/submit-self-evaluation";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function seededSelfEvaluation(title: string) {
  const [row] = await database.db
    .select({ se: selfEvaluations })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .where(and(eq(objectives.title, title), eq(selfEvaluations.fiscalYear, 2026)));
  return row.se;
}
const proposalOf = async (selfEvaluationId: number) => (await database.db.select().from(budgetProposals).where(eq(budgetProposals.selfEvaluationId, selfEvaluationId)))[0];

describe("result application", () => {
  it("the seeded demo: the health project's accepted self-evaluation is 良 at 83.98", async () => {
    const health = await seededSelfEvaluation("重点传染病防控项目");
    expect(health).toMatchObject({ state: "accepted", totalScore: "83.98", grade: "good" });
  });

  it("a poorly executed trunk road is graded 差 after department review and finance acceptance", async () => {
    let se = await seededSelfEvaluation("普通国省道改造");
    await signInAs(database, "filer");
    const why = "受征地拆迁影响，主体工程推迟开工";
    const saved = await saveSelfEvaluationAction({
      selfEvaluationId: se.id,
      version: se.version,
      executedAmount: "200000000.00",
      executionExplanation: "主体工程推迟开工，资金支付滞后",
      summary: null,
      actuals: [
        { ordinal: 1, actual: null, band: "not_achieved", percent: "30", deviation: why },
        { ordinal: 2, actual: "40", deviation: why },
        { ordinal: 3, actual: "50", deviation: why },
        { ordinal: 4, actual: "40", deviation: why },
        { ordinal: 5, actual: "30", deviation: why },
      ],
    });
    expect(saved).toMatchObject({ ok: true, data: { total: "37.74", grade: "poor" } });
    se = await seededSelfEvaluation("普通国省道改造");
    expect((await submitSelfEvaluation({ selfEvaluationId: se.id, version: se.version })).ok).toBe(true);
    await signInAs(database, "dept");
    se = await seededSelfEvaluation("普通国省道改造");
    expect((await reviewSelfEvaluationDepartment({ selfEvaluationId: se.id, version: se.version, event: "dept_pass" })).ok).toBe(true);
    await signInAs(database, "reviewer");
    se = await seededSelfEvaluation("普通国省道改造");
    expect((await reviewSelfEvaluationFinance({ selfEvaluationId: se.id, version: se.version, event: "finance_accept" })).ok).toBe(true);
  });

  it("proposals come from the grades; 差 gets nothing unless an exception with a reason is recorded", async () => {
    await signInAs(database, "reviewer");
    expect(await generateBudgetProposals({ fiscalYear: 2026 })).toMatchObject({ ok: true, data: { created: 2 } });
    // Running it again makes no duplicates.
    expect(await generateBudgetProposals({ fiscalYear: 2026 })).toMatchObject({ ok: true, data: { created: 0 } });

    const road = await proposalOf((await seededSelfEvaluation("普通国省道改造")).id);
    const health = await proposalOf((await seededSelfEvaluation("重点传染病防控项目")).id);
    expect(road).toMatchObject({ fiscalYear: 2027, grade: "poor", rule: "none", requestedAmount: "500000000.00", proposedAmount: "0.00", rectificationRequired: true, status: "proposed" });
    expect(health).toMatchObject({ grade: "good", rule: "as_requested", proposedAmount: "32000000.00", rectificationRequired: false });

    // Overriding a 差 subject's budget upward without an exception is refused, and nothing changes.
    const blocked = await decideBudgetProposal({ proposalId: road.id, version: road.version, decision: "override", amount: "100000000.00", reason: "在建工程需续建" });
    expect(blocked).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!blocked.ok && blocked.fieldErrors?.exceptionReason?.[0]).toContain("例外事项");
    expect(await proposalOf(road.selfEvaluationId)).toMatchObject({ status: "proposed", confirmedAmount: null });
    // An override needs its reason.
    const noReason = await decideBudgetProposal({ proposalId: health.id, version: health.version, decision: "override", amount: "30000000.00" });
    expect(!noReason.ok && noReason.fieldErrors?.reason?.[0]).toContain("说明理由");

    // With the exception recorded, the continuing works get their budget.
    const allowed = await decideBudgetProposal({
      proposalId: road.id,
      version: road.version,
      decision: "override",
      amount: "100000000.00",
      reason: "在建工程需续建，避免形成半拉子工程",
      exceptionReason: "省政府常务会议决定保障续建路段资金",
    });
    expect(allowed).toMatchObject({ ok: true, data: { status: "overridden", confirmedAmount: "100000000.00" } });
    expect(await decideBudgetProposal({ proposalId: health.id, version: health.version, decision: "confirm" })).toMatchObject({ ok: true, data: { status: "confirmed", confirmedAmount: "32000000.00" } });
    // Decided once: a second decision is refused.
    expect(await decideBudgetProposal({ proposalId: health.id, version: health.version + 1, decision: "confirm" })).toMatchObject({ ok: false, code: "forbidden" });

    const trail = await database.db.select().from(auditLog).where(and(eq(auditLog.objectType, "budget_proposal"), eq(auditLog.objectId, String(road.id))));
    expect(trail.map((a) => a.action)).toEqual(["proposal.override"]);
  });

  it("a 差 subject given no budget can be withdrawn from the pool in the same decision; others cannot", async () => {
    // A second poorly performing continuing project of the same unit, accepted at 45.00.
    const road = await seededSelfEvaluation("普通国省道改造");
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, road.objectiveId));
    const [p] = await database.db.select().from(projects).where(eq(projects.id, o.projectId!));
    const pCopy: Partial<typeof p> = { ...p, code: `${p.code}-B`, name: "普通国省道改造（二期）" };
    delete pCopy.id;
    const [p2] = await database.db.insert(projects).values(pCopy as typeof projects.$inferInsert).returning();
    const oCopy: Partial<typeof o> = { ...o, projectId: p2.id, title: "普通国省道改造（二期）" };
    delete oCopy.id;
    const [o2] = await database.db.insert(objectives).values(oCopy as typeof objectives.$inferInsert).returning();
    const seCopy: Partial<typeof road> = { ...road, objectiveId: o2.id, totalScore: "45.00", grade: "poor" };
    delete seCopy.id;
    const [se2] = await database.db.insert(selfEvaluations).values(seCopy as typeof selfEvaluations.$inferInsert).returning();

    await signInAs(database, "reviewer");
    expect(await generateBudgetProposals({ fiscalYear: 2026 })).toMatchObject({ ok: true, data: { created: 1 } });
    const proposal = await proposalOf(se2.id);
    expect(proposal).toMatchObject({ grade: "poor", rule: "none", proposedAmount: "0.00" });
    // Withdrawing while granting money is refused.
    const mixed = await decideBudgetProposal({ proposalId: proposal.id, version: proposal.version, decision: "override", amount: "1.00", reason: "x", exceptionReason: "y", withdraw: true });
    expect(!mixed.ok && mixed.fieldErrors?.withdraw?.[0]).toContain("退出项目库");
    expect(await decideBudgetProposal({ proposalId: proposal.id, version: proposal.version, decision: "confirm", reason: "连续两年评价为差", withdraw: true })).toMatchObject({
      ok: true,
      data: { status: "confirmed", confirmedAmount: "0.00" },
    });
    const [after] = await database.db.select().from(projects).where(eq(projects.id, p2.id));
    expect(after.state).toBe("withdrawn");
    const trail = await database.db.select().from(auditLog).where(and(eq(auditLog.objectType, "project"), eq(auditLog.objectId, String(p2.id))));
    expect(trail.map((a) => a.action)).toEqual(["project.withdraw"]);
    // A withdrawn project gets no new proposal.
    expect(await generateBudgetProposals({ fiscalYear: 2026 })).toMatchObject({ ok: true, data: { created: 0 } });
  });

  it("a department reviewer and a filer cannot generate or decide proposals", async () => {
    await signInAs(database, "dept");
    expect(await generateBudgetProposals({ fiscalYear: 2026 })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "gz.reviewer");
    // A city's finance reviewer does not reach the province's subjects.
    const road = await proposalOf((await seededSelfEvaluation("普通国省道改造")).id);
    expect(await decideBudgetProposal({ proposalId: road.id, version: road.version, decision: "confirm" })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("replay under a draft rule set", () => {
  it("shows which subjects change grade and by how much, and writes nothing", async () => {
    await signInAs(database, "admin");
    const [active] = await database.db.select().from(evaluationRuleSets).where(and(eq(evaluationRuleSets.fiscalYear, 2026), eq(evaluationRuleSets.status, "active")));
    const copy = await copyEvaluationRuleSet({ ruleSetId: active.id, name: "2026年度评分规则（从严征求意见稿）" });
    const copyId = (copy as { data: { id: number } }).data.id;
    const strict = {
      ...DEFAULT_RULES,
      formulas: { ...DEFAULT_RULES.formulas, gte: { kind: "proportional" as const, zeroBelowRatio: "0.6" } },
      gradeBands: { excellent: "95", good: "85", fair: "60", poor: "0" },
    };
    expect((await editEvaluationRuleSet({ ruleSetId: copyId, version: 1, rules: strict })).ok).toBe(true);

    const snapshot = async () => ({
      selfEvaluations: await database.db.select().from(selfEvaluations).orderBy(selfEvaluations.id),
      ruleSets: await database.db.select().from(evaluationRuleSets).orderBy(evaluationRuleSets.id),
      proposals: await database.db.select().from(budgetProposals).orderBy(budgetProposals.id),
      audit: await auditCount(database),
    });
    await signInAs(database, "reviewer"); // (signing in is audited: before the snapshot)
    const before = await snapshot();

    const replay = await replayEvaluationRuleSet({ ruleSetId: copyId });
    expect(replay.ok).toBe(true);
    const r = (replay as { data: ReplayResult }).data;
    expect(r.scored).toBe(3); // the trunk road, its second phase and the health project
    // The health project (83.98) falls below the stricter 良 line of 85: 良 → 中, score unchanged.
    expect(r.gradeChanges).toEqual([
      expect.objectContaining({ title: "重点传染病防控项目", oldTotal: "83.98", newTotal: "83.98", delta: "0.00", oldGrade: "good", newGrade: "fair" }),
    ]);
    // Both trunk-road phases lose the points of indicators below 60% of target but stay 差.
    expect(r.scoreOnlyChanges).toBe(2);
    expect(r.before).toEqual({ excellent: 0, good: 1, fair: 0, poor: 2 });
    expect(r.after).toEqual({ excellent: 0, good: 0, fair: 1, poor: 2 });

    // Nothing written: self-evaluations, rule sets (not even the draft's used mark), proposals, audit log.
    expect(await snapshot()).toEqual(before);
    const [draft] = await database.db.select().from(evaluationRuleSets).where(eq(evaluationRuleSets.id, copyId));
    expect(draft).toMatchObject({ status: "draft", used: false });
  });

  it("a rule set of another region is out of reach", async () => {
    await signInAs(database, "gz.reviewer");
    const [active] = await database.db.select().from(evaluationRuleSets).where(and(eq(evaluationRuleSets.fiscalYear, 2026), eq(evaluationRuleSets.status, "active")));
    expect(await replayEvaluationRuleSet({ ruleSetId: active.id })).toMatchObject({ ok: false, code: "not_found" });
  });
});
