import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  budgetProposals,
  evaluationRuleSets,
  keyEvaluations,
  monitoringPeriods,
  monitoringReports,
  monitoringWarnings,
  objectives,
  objectiveVersions,
  orgs,
  projects,
  reEvaluationItems,
  reEvaluationSamples,
  selfEvaluations,
  users,
  warningDispositions,
} from "@/db/schema";
import type { Grade } from "@/db/schema/enums";
import { getActor } from "@/lib/auth/current-user";
import { decideBudgetProposal } from "@/lib/actions/evaluation/decide-budget-proposal";
import { editEvaluationRuleSet } from "@/lib/actions/evaluation/edit-rule-set";
import { generateBudgetProposals } from "@/lib/actions/evaluation/generate-budget-proposals";
import { reviseBudgetProposal } from "@/lib/actions/evaluation/revise-budget-proposal";
import { proposalSubjectParams } from "@/lib/evaluation/proposal-params";
import type { ProposalBasis } from "@/lib/evaluation/proposal-rules";
import { departmentTotals, listProposalSubjects } from "@/lib/evaluation/proposals";
import { DEFAULT_RULES } from "@/lib/evaluation/rules";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * Result application with amounts (结果应用), on subjects of 2030 built for the test (no seeded
 * subject has that year, so every sum below is of these alone). The year's rule set, as data:
 * 差 100 % (no budget), 中 −15 %, an unrectified red warning a further −20 %, rounded half up to the fen.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const YEAR = 2030;
let ruleSetId: number;
let departmentOrgId: number;
let departmentName: string;
const subject = new Map<string, { objectiveId: number; selfEvaluationId: number | null }>();

interface SubjectSpec {
  title: string;
  /** This year's budget (the approved version's amount), 元. */
  current: string;
  /** The project's plan for next year, 元. */
  next: string;
  grade?: Grade;
  score?: string;
  seState?: "accepted" | "finance_review" | null;
  endYear?: number;
  projectState?: "executing" | "withdrawn";
  kind?: "project" | "department";
}

async function makeSubject(spec: SubjectSpec) {
  const db = database.db;
  const [base] = await db.select().from(objectives).where(and(eq(objectives.title, "普通国省道改造"), eq(objectives.fiscalYear, 2026)));
  const [baseVersion] = await db.select().from(objectiveVersions).where(eq(objectiveVersions.id, base.approvedVersionId!));
  const [baseSe] = await db.select().from(selfEvaluations).where(eq(selfEvaluations.objectiveId, base.id));
  let projectId: number | null = null;
  if ((spec.kind ?? "project") === "project") {
    const [p] = await db.select().from(projects).where(eq(projects.id, base.projectId!));
    const copy: Partial<typeof p> = { ...p, code: `T${subject.size}-${p.code}`.slice(0, 40), name: spec.title, endYear: spec.endYear ?? 2033, state: spec.projectState ?? "executing", annualAmounts: [{ year: YEAR + 1, amount: spec.next }] };
    delete copy.id;
    projectId = (await db.insert(projects).values(copy as typeof projects.$inferInsert).returning())[0].id;
  }
  const oCopy: Partial<typeof base> = {
    ...base,
    title: spec.title,
    projectId,
    fiscalYear: YEAR,
    subjectKind: spec.kind ?? "project",
    ownerOrgId: spec.kind === "department" ? base.departmentOrgId : base.ownerOrgId,
    requestedAmount: spec.current,
    approvedVersionId: null,
    // A made subject is not arranged: its budget is the approved version's (the base's ledger sums are not copied).
    budgetCurrent: "0",
    budgetHeld: "0",
    budgetArrangedOn: null,
  };
  delete oCopy.id;
  const [o] = await db.insert(objectives).values(oCopy as typeof objectives.$inferInsert).returning();
  const vCopy: Partial<typeof baseVersion> = { ...baseVersion, objectiveId: o.id, requestedAmount: spec.current };
  delete vCopy.id;
  const [v] = await db.insert(objectiveVersions).values(vCopy as typeof objectiveVersions.$inferInsert).returning();
  await db.update(objectives).set({ approvedVersionId: v.id, state: "approved" }).where(eq(objectives.id, o.id));
  let selfEvaluationId: number | null = null;
  if (spec.seState !== null && spec.grade) {
    const seCopy: Partial<typeof baseSe> = { ...baseSe, objectiveId: o.id, versionId: v.id, ownerOrgId: o.ownerOrgId, fiscalYear: YEAR, state: spec.seState ?? "accepted", grade: spec.grade, totalScore: spec.score ?? null, ruleSetId: null, version: 1 };
    delete seCopy.id;
    selfEvaluationId = (await db.insert(selfEvaluations).values(seCopy as typeof selfEvaluations.$inferInsert).returning())[0].id;
  }
  subject.set(spec.title, { objectiveId: o.id, selfEvaluationId });
  return { o, v, selfEvaluationId };
}

const proposalOf = async (title: string) => (await database.db.select().from(budgetProposals).where(eq(budgetProposals.selfEvaluationId, subject.get(title)!.selfEvaluationId!)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  const db = database.db;
  const [base] = await db.select().from(objectives).where(and(eq(objectives.title, "普通国省道改造"), eq(objectives.fiscalYear, 2026)));
  departmentOrgId = base.departmentOrgId;
  departmentName = (await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, departmentOrgId)))[0].name;
  const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
  const rules = { ...DEFAULT_RULES, application: { poorCutPercent: "100", fairCutPercent: "15", redWarningCutPercent: "20", rounding: "half_up" as const } };
  ruleSetId = (await db.insert(evaluationRuleSets).values({ regionId: base.regionId, fiscalYear: YEAR, number: 1, name: "2030年度评分与结果应用规则", status: "active", rules, createdBy: admin.id }).returning())[0].id;

  await makeSubject({ title: "甲：自评良", current: "1000000.00", next: "1234567.89", grade: "good", score: "85.00" });
  await makeSubject({ title: "乙：自评中", current: "300000.00", next: "333333.33", grade: "fair", score: "70.00" });
  const c = await makeSubject({ title: "丙：重点评价为差", current: "500000.00", next: "600000.00", grade: "good", score: "88.00" });
  const d = await makeSubject({ title: "丁：自评虚高", current: "200000.00", next: "200000.01", grade: "excellent", score: "95.00" });
  const e = await makeSubject({ title: "戊：红色预警未整改", current: "900000.00", next: "1000000.05", grade: "good", score: "82.00" });
  await makeSubject({ title: "己：项目已结束", current: "100000.00", next: "100000.00", grade: "good", score: "86.00", endYear: YEAR });
  await makeSubject({ title: "庚：自评未审核", current: "50000.00", next: "50000.00", grade: "good", score: "81.00", seState: "finance_review" });
  await makeSubject({ title: "辛：项目已退出", current: "10000.00", next: "10000.00", grade: "fair", score: "65.00", projectState: "withdrawn" });
  await makeSubject({ title: "壬：部门整体", current: "10000000.00", next: "0", kind: "department", seState: null });

  // 丙: finance's key evaluation, accepted at 55.00 (差), prevails over the self-evaluation's 良.
  await db.insert(keyEvaluations).values({ objectiveId: c.o.id, ownerOrgId: c.o.ownerOrgId, regionId: c.o.regionId, fiscalYear: YEAR, state: "accepted", weights: { decision: "20", process: "20", output: "30", benefit: "30" }, totalScore: "55.00", grade: "poor" });
  // 丁: re-evaluation re-scored 95.00 at 72.50 (more than 10 below: inflated) → 中 under the 2030 lines.
  const [sample] = await db.insert(reEvaluationSamples).values({ regionId: d.o.regionId, fiscalYear: YEAR, percent: "10", seed: 7, candidates: [d.selfEvaluationId] }).returning();
  await db.insert(reEvaluationItems).values({ sampleId: sample.id, selfEvaluationId: d.selfEvaluationId!, reason: "random", selfScore: "95.00", reScore: "72.50", inflated: true, scoredAt: new Date() });
  // 戊: a red warning nobody disposed of; 甲: a red warning whose rectification finance accepted (it does not count).
  const [period] = await db.insert(monitoringPeriods).values({ regionId: e.o.regionId, fiscalYear: YEAR, throughMonth: 6, deadline: "2030-07-10", openedBy: admin.id }).returning();
  for (const [title, rectified] of [["戊：红色预警未整改", false], ["甲：自评良", true]] as const) {
    const s = subject.get(title)!;
    const [o] = await db.select().from(objectives).where(eq(objectives.id, s.objectiveId));
    const [report] = await db.insert(monitoringReports).values({ periodId: period.id, objectiveId: o.id, versionId: o.approvedVersionId!, ownerOrgId: o.ownerOrgId, departmentOrgId: o.departmentOrgId, regionId: o.regionId, state: "accepted", budget: o.requestedAmount }).returning();
    const [w] = await db
      .insert(monitoringWarnings)
      .values({ reportId: report.id, periodId: period.id, objectiveId: o.id, ownerOrgId: o.ownerOrgId, departmentOrgId: o.departmentOrgId, regionId: o.regionId, rule: "execution", light: "red", state: rectified ? "disposed" : "open" })
      .returning();
    if (rectified) await db.insert(warningDispositions).values({ warningId: w.id, kind: "rectify", comment: "限期整改", rectifyDeadline: "2030-08-31", rectificationState: "accepted", evidence: "已整改", decidedBy: admin.id });
  }
});
afterAll(() => database.drop());

describe("result application with amounts", () => {
  it("generates a proposal for every qualifying subject under the year's rules, and says why the others have none", async () => {
    await signInAs(database, "reviewer");
    const generated = await generateBudgetProposals({ fiscalYear: YEAR });
    expect(generated).toMatchObject({ ok: true, data: { created: 5, subjects: 9, without: { ended: 1, no_result: 1, withdrawn: 1, department: 1 } } });
    // Again: nothing more, the same reasons.
    expect(await generateBudgetProposals({ fiscalYear: YEAR })).toMatchObject({ ok: true, data: { created: 0, subjects: 9 } });
    // The rule set that produced amounts is used: frozen.
    const [rs] = await database.db.select().from(evaluationRuleSets).where(eq(evaluationRuleSets.id, ruleSetId));
    expect(rs.used).toBe(true);
    await signInAs(database, "admin");
    expect(await editEvaluationRuleSet({ ruleSetId, version: rs.version, rules: DEFAULT_RULES })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("self grade only: 良 as requested; 中 cut by 15 % and rounded half up to the fen", async () => {
    const good = await proposalOf("甲：自评良");
    // 1,234,567.89 as requested (its red warning was rectified: no cut).
    expect(good).toMatchObject({ fiscalYear: YEAR + 1, grade: "good", rule: "as_requested", requestedAmount: "1234567.89", proposedAmount: "1234567.89", rectificationRequired: false, ruleSetId });
    expect(good.basis as ProposalBasis).toMatchObject({ gradeSource: "self", ruleKey: "good_as_requested", redWarnings: 0, redWarningCut: false, rulesFrom: "rule_set", calc: "1,234,567.89 = 1,234,567.89" });
    const fair = await proposalOf("乙：自评中");
    // 333,333.33 × 85 % = 283,333.3305 → 283,333.33.
    expect(fair).toMatchObject({ grade: "fair", rule: "cut", cutPercent: "15.00", proposedAmount: "283333.33", rectificationRequired: true });
    expect((fair.basis as ProposalBasis).calc).toBe("333,333.33 × (100 − 15)% = 283,333.33");
  });

  it("a key evaluation's grade prevails: 差 under the year's rules is no budget", async () => {
    const p = await proposalOf("丙：重点评价为差");
    expect(p).toMatchObject({ grade: "poor", rule: "none", requestedAmount: "600000.00", proposedAmount: "0.00", rectificationRequired: true });
    expect(p.basis as ProposalBasis).toMatchObject({ gradeSource: "key", selfGrade: "good", keyGrade: "poor", keyScore: "55.00", ruleKey: "poor_stop" });
  });

  it("re-evaluation's corrected score replaces an inflated self-score: 95.00 → 72.50 is 中, cut 15 %", async () => {
    const p = await proposalOf("丁：自评虚高");
    // 200,000.01 × 85 % = 170,000.0085 → 170,000.01.
    expect(p).toMatchObject({ grade: "fair", rule: "cut", proposedAmount: "170000.01" });
    expect(p.basis as ProposalBasis).toMatchObject({ gradeSource: "re_evaluation", selfGrade: "excellent", reScore: "72.50", reGrade: "fair", ruleKey: "fair_cut" });
  });

  it("an unrectified red warning cuts a further 20 % of a 良 subject's request", async () => {
    const p = await proposalOf("戊：红色预警未整改");
    // 1,000,000.05 × 80 % = 800,000.04.
    expect(p).toMatchObject({ grade: "good", rule: "as_requested", proposedAmount: "800000.04", rectificationRequired: true });
    expect(p.basis as ProposalBasis).toMatchObject({ redWarnings: 1, redWarningCut: true, redCutPercent: "20", calc: "1,000,000.05 × (100 − 20)% = 800,000.04" });
  });

  it("lists every subject of the year: a proposal, or the reason it has none", async () => {
    await signInAs(database, "reviewer");
    const actor = (await getActor())!;
    const all = await listProposalSubjects(database.db, actor, YEAR + 1, proposalSubjectParams.parse({ pageSize: 50 }));
    expect(all.total).toBe(9);
    const reasons = Object.fromEntries(all.rows.map((r) => [r.title, r.p ? "proposal" : r.reason]));
    expect(reasons).toEqual({
      "甲：自评良": "proposal",
      "乙：自评中": "proposal",
      "丙：重点评价为差": "proposal",
      "丁：自评虚高": "proposal",
      "戊：红色预警未整改": "proposal",
      "己：项目已结束": "ended",
      "庚：自评未审核": "no_result",
      "辛：项目已退出": "withdrawn",
      "壬：部门整体": "department",
    });
    const ended = await listProposalSubjects(database.db, actor, YEAR + 1, proposalSubjectParams.parse({ reason: "ended" }));
    expect(ended.rows.map((r) => [r.title, r.currentBudget])).toEqual([["己：项目已结束", "100000.00"]]);
    // A city's finance reviewer sees none of the province's subjects.
    await signInAs(database, "gz.reviewer");
    expect((await listProposalSubjects(database.db, (await getActor())!, YEAR + 1, proposalSubjectParams.parse({}))).total).toBe(0);
  });

  it("a reviewer changes an amount with a reason; bad input and a stale version are refused on their field, nothing written", async () => {
    await signInAs(database, "reviewer");
    const fair = await proposalOf("乙：自评中");
    const bad = [
      [{ amount: "-1.00", reason: "压减" }, "amount"],
      [{ amount: "二十九万", reason: "压减" }, "amount"],
      [{ amount: "290000.00", reason: "" }, "reason"],
      [{ amount: "", reason: "压减" }, "amount"],
    ] as const;
    for (const [input, field] of bad) {
      const r = await reviseBudgetProposal({ proposalId: fair.id, version: fair.version, ...input });
      expect(r).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!r.ok && r.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    }
    expect(await proposalOf("乙：自评中")).toMatchObject({ revisedAmount: null, version: fair.version });
    // 差 above zero needs the exception.
    const poor = await proposalOf("丙：重点评价为差");
    const noException = await reviseBudgetProposal({ proposalId: poor.id, version: poor.version, amount: "100000.00", reason: "续建" });
    expect(!noException.ok && noException.fieldErrors?.exceptionReason?.[0]).toContain("例外事项");

    // Two reviewers change the same proposal from the same version: one wins, the other is told.
    const first = await reviseBudgetProposal({ proposalId: fair.id, version: fair.version, amount: "290000.00", reason: "整改方案已落实，少压减" });
    expect(first).toMatchObject({ ok: true, data: { revisedAmount: "290000.00" } });
    await signInAs(database, "admin");
    const second = await reviseBudgetProposal({ proposalId: fair.id, version: fair.version, amount: "250000.00", reason: "从严压减" });
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    expect(await proposalOf("乙：自评中")).toMatchObject({ status: "proposed", revisedAmount: "290000.00", revisionReason: "整改方案已落实，少压减", proposedAmount: "283333.33" });

    // Confirming takes the changed amount: what finance sees when next year's budget is arranged.
    await signInAs(database, "reviewer");
    const now = await proposalOf("乙：自评中");
    expect(await decideBudgetProposal({ proposalId: now.id, version: now.version, decision: "confirm" })).toMatchObject({ ok: true, data: { status: "confirmed", confirmedAmount: "290000.00" } });
    expect(await reviseBudgetProposal({ proposalId: now.id, version: now.version + 1, amount: "1.00", reason: "再改" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("totals per department: this year's budget of the project subjects against next year's proposals", async () => {
    await signInAs(database, "reviewer");
    const totals = await departmentTotals(database.db, (await getActor())!, YEAR + 1);
    const dept = totals.find((d) => d.departmentOrgId === departmentOrgId)!;
    // Current: 1,000,000 + 300,000 + 500,000 + 200,000 + 900,000 + 100,000 + 50,000 + 10,000 (the department-wide subject is left out).
    // Proposed: 1,234,567.89 + 290,000.00 (changed, confirmed) + 0.00 + 170,000.01 + 800,000.04; the three without a proposal count 0.
    expect(dept).toEqual({
      departmentOrgId,
      department: departmentName,
      subjects: 8,
      proposals: 5,
      current: "3060000.00",
      currentWithProposal: "2900000.00",
      proposed: "2494567.94",
      change: "-565432.06",
    });
    expect(totals).toHaveLength(1);
  });
});
