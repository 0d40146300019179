import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, objectiveIndicators, objectives, objectiveVersions, projects, reviews, users } from "@/db/schema";
import { adjustObjective } from "@/lib/actions/objective/adjust-objective";
import { fireObjectiveEvent } from "@/lib/actions/objective/objective-event";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { uploadAttachment } from "@/lib/actions/objective/upload-attachment";
import { fireProjectEvent } from "@/lib/actions/project/project-event";
import { recordAppraisal } from "@/lib/actions/project/record-appraisal";
import { arrangeBudget } from "@/lib/actions/ledger/arrange-budget";
import { createTestDatabase } from "../helpers/db";
import { addColleague } from "../helpers/people";
import { asSession, signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function objective(id: number) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, id));
  return o;
}

const dims = (score: string) =>
  (["necessity", "economy", "objectives", "feasibility", "compliance"] as const).map((dimension) => ({ dimension, score, comment: "论证充分" }));

describe("the whole path of a unit's declaration", () => {
  it("filer declares → department passes → finance returns → filer fixes → approved → admitted → budgeted → adjusted", async () => {
    await signInAs(database, "filer");
    const { objectiveId, projectId, editVersion } = await declareTrunkRoad(database);

    // Step 4: an attachment; a file pretending to be a PDF is refused.
    const fake = new File([new TextEncoder().encode("MZ not a pdf")], "可研报告.pdf", { type: "application/pdf" });
    const bad = await uploadAttachment({ objectiveId, kind: "feasibility", file: fake });
    expect(!bad.ok && bad.fieldErrors?.file?.[0]).toContain("仅支持");
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 test")], "可行性研究报告.pdf", { type: "application/pdf" });
    expect((await uploadAttachment({ objectiveId, kind: "feasibility", file: pdf })).ok).toBe(true);

    // Submit: a unit's declaration goes to its department first.
    let o = await objective(objectiveId);
    const submitted = await submitObjective({ objectiveId, version: o.version });
    expect(submitted).toMatchObject({ ok: true, data: { state: "dept_review" } });

    // The filer cannot edit while it is under review.
    const locked = await saveDeclarationStep({ step: 2, objectiveId, editVersion, data: { requestedAmount: "1", rows: [], fundUses: null } });
    expect(locked).toMatchObject({ ok: false, code: "forbidden" });

    // Department passes.
    await signInAs(database, "dept");
    o = await objective(objectiveId);
    expect(await reviewObjective({ objectiveId, version: o.version, stage: "department", result: "pass", score: "88" })).toMatchObject({
      ok: true,
      data: { state: "finance_review" },
    });

    // Finance returns it, grade 中, with reasons and a comment on indicator 2.
    await signInAs(database, "reviewer");
    o = await objective(objectiveId);
    const noReason = await reviewObjective({ objectiveId, version: o.version, stage: "finance", result: "return" });
    expect(!noReason.ok && noReason.fieldErrors?.reasons?.[0]).toContain("须填写原因");
    const returned = await reviewObjective({
      objectiveId,
      version: o.version,
      stage: "finance",
      result: "return",
      grade: "fair",
      score: "70",
      reasons: "效益指标单一，请补充",
      indicatorComments: { "2": "完成率口径请说明" },
    });
    expect(returned).toMatchObject({ ok: true, data: { state: "returned" } });

    // The filer fixes it (the comments are on record) and resubmits.
    await signInAs(database, "filer");
    const [rev] = await database.db.select().from(reviews).where(and(eq(reviews.objectiveId, objectiveId), eq(reviews.result, "return")));
    // Kept by the indicator's name (row 2 is 公路建设工程量完成率), so reordering rows keeps them right.
    expect(rev.indicatorComments).toEqual({ 公路建设工程量完成率: "完成率口径请说明" });
    const [v1] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.objectiveId, objectiveId));
    const fixed = await saveDeclarationStep({
      step: 1,
      objectiveId,
      editVersion: v1.editVersion,
      data: { name: "普通国省道改造", category: "special_fund", startYear: 2019, endYear: 2021, contactName: "刘芳", contactPhone: null, policyBasis: null, servesPublic: false },
    });
    expect(fixed.ok).toBe(true);
    o = await objective(objectiveId);
    expect((await submitObjective({ objectiveId, version: o.version })).ok).toBe(true);
    await signInAs(database, "dept");
    o = await objective(objectiveId);
    expect((await reviewObjective({ objectiveId, version: o.version, stage: "department", result: "pass" })).ok).toBe(true);

    // The project cannot be admitted before its objective is approved.
    await signInAs(database, "reviewer");
    let [p] = await database.db.select().from(projects).where(eq(projects.id, projectId));
    const early = await fireProjectEvent({ projectId, event: "admit", version: p.version });
    expect(!early.ok && early.fieldErrors?._form?.[0]).toContain("无目标不入库");

    o = await objective(objectiveId);
    const approved = await reviewObjective({ objectiveId, version: o.version, stage: "finance", result: "pass", grade: "excellent", score: "92" });
    expect(approved).toMatchObject({ ok: true, data: { state: "approved" } });
    o = await objective(objectiveId);
    expect(o.approvedVersionId).toBe(o.currentVersionId);
    expect(o.grade).toBe("excellent");

    // New project: the appraisal is required; "do not support" blocks admission; "support" lets it in.
    p = (await database.db.select().from(projects).where(eq(projects.id, projectId)))[0];
    const noAppraisal = await fireProjectEvent({ projectId, event: "admit", version: p.version });
    expect(!noAppraisal.ok && noAppraisal.fieldErrors?._form?.[0]).toContain("事前绩效评估");
    expect((await recordAppraisal({ projectId, fiscalYear: 2019, dimensions: dims("8"), conclusion: "not_support" })).ok).toBe(true);
    expect((await fireProjectEvent({ projectId, event: "admit", version: p.version })).ok).toBe(false);
    expect((await recordAppraisal({ projectId, fiscalYear: 2019, dimensions: dims("18"), conclusion: "support" })).ok).toBe(true);
    expect(await fireProjectEvent({ projectId, event: "admit", version: p.version })).toMatchObject({ ok: true, data: { state: "admitted" } });
    // 安排预算 carries money and its 批复文号 (lib/ledger): the pool's event alone is refused.
    expect((await fireProjectEvent({ projectId, event: "budget", version: p.version + 1 })).ok).toBe(false);
    expect(await arrangeBudget({ objectiveId, amount: "150000", documentNo: "粤财预〔2019〕1号", documentDate: "2019-01-15" })).toMatchObject({ ok: true, data: { current: "1500000000.00" } });
    expect((await database.db.select().from(projects).where(eq(projects.id, projectId)))[0].state).toBe("budgeted");

    // Adjustment: a new version under review while the approved one stays in force.
    await signInAs(database, "filer");
    o = await objective(objectiveId);
    const approvedVersionId = o.approvedVersionId!;
    const adj = await adjustObjective({ objectiveId, version: o.version, reason: "改造里程调整" });
    expect(adj).toMatchObject({ ok: true, data: { versionNumber: 2 } });
    o = await objective(objectiveId);
    expect(o.state).toBe("draft");
    expect(o.approvedVersionId).toBe(approvedVersionId);
    expect(o.currentVersionId).not.toBe(approvedVersionId);
    const copied = await database.db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, o.currentVersionId!));
    expect(copied).toHaveLength(5);
    expect((await submitObjective({ objectiveId, version: o.version })).ok).toBe(true);
    await signInAs(database, "dept");
    o = await objective(objectiveId);
    expect((await reviewObjective({ objectiveId, version: o.version, stage: "department", result: "pass" })).ok).toBe(true);
    await signInAs(database, "reviewer");
    o = await objective(objectiveId);
    // An adjustment cannot be graded 差 and excluded; it is approved or returned.
    const rejectAdj = await reviewObjective({ objectiveId, version: o.version, stage: "finance", result: "reject", grade: "poor", reasons: "不予调整" });
    expect(rejectAdj).toMatchObject({ ok: false, code: "forbidden" });
    expect((await reviewObjective({ objectiveId, version: o.version, stage: "finance", result: "pass", grade: "good" })).ok).toBe(true);
    o = await objective(objectiveId);
    expect(o.approvedVersionId).toBe(o.currentVersionId);
    expect(o.approvedVersionId).not.toBe(approvedVersionId);

    // Every step is in the audit log, in order.
    const trail = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "objective"), eq(auditLog.objectId, String(objectiveId))))
      .orderBy(auditLog.id);
    const states = trail.map((a) => a.action).filter((a) => !a.endsWith("saveStep"));
    expect(states).toEqual([
      "objective.create",
      "objective.uploadAttachment",
      "objective.submit",
      "objective.dept_pass",
      "objective.finance_return",
      "objective.submit",
      "objective.dept_pass",
      "objective.finance_approve",
      "ledger.arrange",
      "objective.adjust",
      "objective.submit",
      "objective.dept_pass",
      "objective.finance_approve",
    ]);
  });

  it("a department's own declaration goes straight to finance; 差 excludes it", async () => {
    await signInAs(database, "dept");
    const [own] = await database.db.select().from(objectives).where(eq(objectives.title, "交通运输综合执法能力建设"));
    expect(own.state).toBe("finance_review");
    await signInAs(database, "reviewer");
    const r = await reviewObjective({ objectiveId: own.id, version: own.version, stage: "finance", result: "reject", grade: "poor", reasons: "必要性不足" });
    expect(r).toMatchObject({ ok: true, data: { state: "rejected" } });
  });
});

describe("refusals through the actions directly", () => {
  it("a filer cannot review, another unit's filer cannot touch it, another department cannot pass it", async () => {
    const [o] = await database.db.select().from(objectives).where(eq(objectives.title, "普通国省道路面养护专项"));
    expect(o.state).toBe("dept_review");
    await signInAs(database, "filer");
    expect(await reviewObjective({ objectiveId: o.id, version: o.version, stage: "department", result: "pass" })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "filer2");
    expect(await fireObjectiveEvent({ objectiveId: o.id, event: "recall", version: o.version })).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitObjective({ objectiveId: o.id, version: o.version })).toMatchObject({ ok: false, code: "not_found" });
    // Finance cannot decide it before the department has.
    await signInAs(database, "reviewer");
    expect(await reviewObjective({ objectiveId: o.id, version: o.version, stage: "finance", result: "pass", grade: "excellent" })).toMatchObject({ ok: false, code: "forbidden" });
    // A city's finance reviewer cannot see a provincial declaration at all.
    await signInAs(database, "gz.reviewer");
    expect(await reviewObjective({ objectiveId: o.id, version: o.version, stage: "finance", result: "pass" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await objective(o.id)).toEqual(o);
  });
});

describe("two people at once", () => {
  it("two finance reviewers decide the same declaration at once: one wins, the other gets a conflict, one audit row", async () => {
    await signInAs(database, "filer");
    const { objectiveId } = await declareTrunkRoad(database, { year: 2020 });
    let o = await objective(objectiveId);
    await submitObjective({ objectiveId, version: o.version });
    await signInAs(database, "dept");
    o = await objective(objectiveId);
    await reviewObjective({ objectiveId, version: o.version, stage: "department", result: "pass" });
    o = await objective(objectiveId);

    // Two people of the provincial finance department, each signed in with their own session.
    const [li] = await database.db.select().from(users).where(eq(users.username, "reviewer"));
    const secondId = await addColleague(database, "reviewer", "reviewer.b", ["finance_reviewer"]);
    const a = await signInAs(database, "reviewer");
    const b = await signInAs(database, "reviewer.b");
    // Both loaded the same version; both decide at the same moment.
    const results = await Promise.all([
      asSession(a, () => reviewObjective({ objectiveId, version: o.version, stage: "finance", result: "pass", grade: "excellent" })),
      asSession(b, () => reviewObjective({ objectiveId, version: o.version, stage: "finance", result: "return", grade: "fair", reasons: "请修改" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
    // The decision on record is the winner's, made by the winner.
    const winner = results[0].ok ? { userId: li.id, result: "pass", state: "approved" } : { userId: secondId, result: "return", state: "returned" };
    const decisions = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, String(objectiveId)), eq(auditLog.objectType, "objective")));
    const finance = decisions.filter((d) => d.action.startsWith("objective.finance_"));
    expect(finance).toHaveLength(1);
    expect(finance[0].actorUserId).toBe(winner.userId);
    const recorded = await database.db.select().from(reviews).where(and(eq(reviews.objectiveId, objectiveId), eq(reviews.stage, "finance")));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ reviewerId: winner.userId, result: winner.result });
    expect((await objective(objectiveId)).state).toBe(winner.state);
  });

  it("a stale wizard tab is refused with a conflict and the newer work stays", async () => {
    await signInAs(database, "filer");
    const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2021 });
    const basic = { name: "普通国省道改造", category: "special_fund", startYear: 2019, endYear: 2021, contactName: null, contactPhone: null, policyBasis: null, servesPublic: false };
    // Tab A and tab B both loaded editVersion; A saves first.
    const a = await saveDeclarationStep({ step: 1, objectiveId, editVersion, data: { ...basic, contactName: "甲" } });
    const b = await saveDeclarationStep({ step: 1, objectiveId, editVersion, data: { ...basic, contactName: "乙" } });
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, code: "conflict" });
    const o = await objective(objectiveId);
    const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.id, o.currentVersionId!));
    expect((v.basic as { contactName: string }).contactName).toBe("甲");
  });
});

describe("ex-ante appraisal by an engaged agency", () => {
  it("the agency's evaluator appraises only the projects finance engaged it for, once", async () => {
    const { assignAppraisal } = await import("@/lib/actions/project/assign-appraisal");
    const { orgByCode } = await import("../helpers/orgs");
    const { appraisals: appraisalTable } = await import("@/db/schema");
    const [p] = await database.db.select().from(projects).where(eq(projects.name, "普通国省道路面养护专项"));
    await signInAs(database, "evaluator");
    // Not engaged yet: the project is out of reach.
    expect(await recordAppraisal({ projectId: p.id, fiscalYear: 2027, dimensions: dims("17"), conclusion: "support" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(database, "filer");
    const agency = await orgByCode(database, "440000-PJ01");
    expect(await assignAppraisal({ projectId: p.id, fiscalYear: 2027, agencyOrgId: agency.id })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "reviewer");
    expect((await assignAppraisal({ projectId: p.id, fiscalYear: 2027, agencyOrgId: agency.id })).ok).toBe(true);
    const notAgency = await orgByCode(database, "440000-SJ");
    expect(await assignAppraisal({ projectId: p.id, fiscalYear: 2027, agencyOrgId: notAgency.id })).toMatchObject({ ok: false, code: "invalid_input" });
    await signInAs(database, "evaluator");
    const done = await recordAppraisal({ projectId: p.id, fiscalYear: 2027, dimensions: dims("17"), conclusion: "support_after_revision", summary: "建议细化养护里程指标" });
    expect(done).toMatchObject({ ok: true, data: { totalScore: "85.00" } });
    const [a] = await database.db.select().from(appraisalTable).where(eq(appraisalTable.projectId, p.id));
    expect(a).toMatchObject({ conclusion: "support_after_revision", agencyOrgId: agency.id });
    // The engagement is used up.
    expect(await recordAppraisal({ projectId: p.id, fiscalYear: 2027, dimensions: dims("20"), conclusion: "support" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
