import Decimal from "decimal.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { objectiveVersions, selfEvaluations } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { loadObjective } from "@/lib/objective/load";
import type { ActualRow } from "@/lib/validation/evaluation";
import { selfEvaluationWorkflow } from "@/lib/workflow/machines";
import type { SelfEvaluationEvent } from "@/lib/workflow/self-evaluation";
import { loadSelfEvaluation } from "./load";
import { actualsOf as actualsOfRow, bumpVersion, indicatorsOf, scoreStored, submissionProblems, takeRuleSetForScoring } from "./self-evaluation";

/** The year's budget of an approved version: its funding rows for the objective's year, else its requested amount. */
function budgetOf(version: typeof objectiveVersions.$inferSelect, fiscalYear: number): string {
  const rows = Array.isArray(version.funding) ? (version.funding as { year?: number; amount?: string }[]) : [];
  const sum = rows.filter((r) => Number(r.year) === fiscalYear && r.amount).reduce((s, r) => s.plus(r.amount!), new Decimal(0));
  return (sum.gt(0) ? sum : new Decimal(version.requestedAmount)).toFixed(2);
}

/** Opens the self-evaluation of an approved objective, scoring the approved version's indicators. */
export async function startSelfEvaluation(db: Db, actor: Actor, objectiveId: number) {
  const loaded = await loadObjective(db, actor, "project.write", objectiveId);
  const o = loaded.objective;
  // The approved version stays in force while an adjustment is under way, so that is what is evaluated.
  if (!o.approvedVersionId) {
    throw new ActionError("invalid_input", { _form: "evaluation.errors.notApproved" });
  }
  const [version] = await db.select().from(objectiveVersions).where(eq(objectiveVersions.id, o.approvedVersionId));
  const indicators = await indicatorsOf(db, version.id);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: selfEvaluations.id }).from(selfEvaluations).where(eq(selfEvaluations.objectiveId, o.id));
    if (existing.length) throw new ActionError("conflict", { _form: "evaluation.errors.exists" });
    const actuals: ActualRow[] = indicators.map((i) => ({ ordinal: i.ordinal, actual: null, band: null, percent: null, deviation: null }));
    const [row] = await tx
      .insert(selfEvaluations)
      .values({
        objectiveId: o.id,
        versionId: version.id,
        ownerOrgId: o.ownerOrgId,
        departmentOrgId: o.departmentOrgId,
        regionId: o.regionId,
        fiscalYear: o.fiscalYear,
        budgetAmount: budgetOf(version, o.fiscalYear),
        actuals,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ActionError("conflict", { _form: "evaluation.errors.exists" });
    await writeAudit(tx, actor, { action: "selfEvaluation.start", objectType: "self_evaluation", objectId: row.id, after: { objectiveId: o.id, budget: row.budgetAmount } });
    return row;
  });
}

export interface SelfEvaluationContent {
  executedAmount: string;
  executionExplanation: string | null;
  summary: string | null;
  actuals: ActualRow[];
}

/** Saves the filer's values and the score they earn now (conditional on the version the form was loaded at). */
export async function saveSelfEvaluation(db: Db, actor: Actor, selfEvaluationId: number, expectedVersion: number, content: SelfEvaluationContent) {
  const { se } = await loadSelfEvaluation(db, actor, "project.write", selfEvaluationId);
  if (se.state !== "draft" && se.state !== "returned") throw new ActionError("forbidden", { _form: "evaluation.errors.notEditable" });
  if (se.version !== expectedVersion) throw new ActionError("conflict");
  const indicators = await indicatorsOf(db, se.versionId);
  const known = new Set(indicators.map((i) => i.ordinal));
  const unknown = content.actuals.find((a) => !known.has(a.ordinal));
  if (unknown) throw new ActionError("invalid_input", { [`actuals.${unknown.ordinal}.actual`]: "errors.not_found" });
  const byOrdinal = new Map(content.actuals.map((a) => [a.ordinal, a]));
  const actuals: ActualRow[] = indicators.map((i) => byOrdinal.get(i.ordinal) ?? { ordinal: i.ordinal, actual: null, band: null, percent: null, deviation: null });
  return db.transaction(async (tx) => {
    const ruleSet = await takeRuleSetForScoring(tx, se.regionId, se.fiscalYear);
    const score = scoreStored(ruleSet.rules, indicators, { actuals, budgetAmount: se.budgetAmount, executedAmount: content.executedAmount });
    const [row] = await tx
      .update(selfEvaluations)
      .set({
        executedAmount: content.executedAmount,
        executionExplanation: content.executionExplanation,
        summary: content.summary,
        actuals,
        ruleSetId: ruleSet.id,
        totalScore: score.total,
        grade: score.grade,
        breakdown: score,
        version: bumpVersion,
        updatedAt: new Date(),
      })
      .where(and(eq(selfEvaluations.id, se.id), eq(selfEvaluations.version, expectedVersion), eq(selfEvaluations.state, se.state)))
      .returning({ version: selfEvaluations.version });
    if (!row) throw new ActionError("conflict");
    await writeAudit(tx, actor, {
      action: "selfEvaluation.save",
      objectType: "self_evaluation",
      objectId: se.id,
      before: { executedAmount: se.executedAmount, totalScore: se.totalScore, actuals: se.actuals },
      after: { executedAmount: content.executedAmount, totalScore: score.total, grade: score.grade, ruleSetId: ruleSet.id, actuals },
    });
    return { version: row.version, total: score.total, grade: score.grade };
  });
}

/** Fires a workflow event; submission re-scores under the governing rule set and checks completeness first. */
export async function fireSelfEvaluationEvent(
  db: Db,
  actor: Actor,
  input: { selfEvaluationId: number; version: number; event: SelfEvaluationEvent; reason: string | null },
  permission: "project.write" | "evaluation.review.department" | "evaluation.review.finance",
) {
  const loaded = await loadSelfEvaluation(db, actor, permission, input.selfEvaluationId);
  const se = loaded.se;
  const ref = { id: se.id, state: se.state, version: se.version, ownerKind: loaded.ownerKind, orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  const indicators = input.event === "submit" ? await indicatorsOf(db, se.versionId) : [];
  return db.transaction(async (tx) => {
    const set: Partial<typeof selfEvaluations.$inferInsert> = {};
    if (input.event === "submit") {
      const ruleSet = await takeRuleSetForScoring(tx, se.regionId, se.fiscalYear);
      const score = scoreStored(ruleSet.rules, indicators, se);
      const problems = submissionProblems(ruleSet.rules, indicators, se, score);
      if (Object.keys(problems).length) throw new ActionError("invalid_input", problems);
      Object.assign(set, { ruleSetId: ruleSet.id, totalScore: score.total, grade: score.grade, breakdown: score, submittedAt: new Date(), returnReason: null });
    }
    if (input.event === "finance_accept") set.acceptedAt = new Date();
    const { version, transition } = await selfEvaluationWorkflow.fire(tx, actor, ref, input.event, input.version, {
      // A return needs its reason, kept on the self-evaluation for the filer to read.
      check: (t) => {
        if (t.needsReason && !input.reason) throw new ActionError("invalid_input", { reason: "evaluation.errors.reasonRequired" });
      },
      set: (t) => ({ ...set, ...(t.needsReason ? { returnReason: input.reason } : {}) }),
      audit: { reason: input.reason ?? undefined },
    });
    return { version, state: transition.to };
  });
}

/**
 * A reviewer changes the judgement of a qualitative indicator (DESIGN §3.7: reviewers can change
 * it) while the self-evaluation is at their stage; the score is recomputed and the change audited
 * with its reason.
 */
export async function adjustQualitative(
  db: Db,
  actor: Actor,
  input: { selfEvaluationId: number; version: number; ordinal: number; band: "achieved" | "partial" | "not_achieved"; percent: string; reason: string },
  permission: "evaluation.review.department" | "evaluation.review.finance",
) {
  const { se } = await loadSelfEvaluation(db, actor, permission, input.selfEvaluationId);
  const stage = permission === "evaluation.review.department" ? "dept_review" : "finance_review";
  if (se.state !== stage) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (se.version !== input.version) throw new ActionError("conflict");
  const indicators = await indicatorsOf(db, se.versionId);
  const ind = indicators.find((i) => i.ordinal === input.ordinal);
  if (!ind || ind.comparison !== "qualitative") throw new ActionError("invalid_input", { ordinal: "evaluation.errors.notQualitative" });
  const before = actualsOfRow(se).find((a) => a.ordinal === input.ordinal);
  const actuals = actualsOfRow(se).map((a) => (a.ordinal === input.ordinal ? { ...a, band: input.band, percent: input.percent } : a));
  return db.transaction(async (tx) => {
    const ruleSet = await takeRuleSetForScoring(tx, se.regionId, se.fiscalYear);
    const b = ruleSet.rules.qualitativeBands[input.band];
    const p = new Decimal(input.percent);
    if (p.lt(b.min) || (input.band === "achieved" ? p.gt(b.max) : p.gte(b.max))) throw new ActionError("invalid_input", { percent: "evaluation.errors.percentOutOfBand" });
    const score = scoreStored(ruleSet.rules, indicators, { actuals, budgetAmount: se.budgetAmount, executedAmount: se.executedAmount });
    const [row] = await tx
      .update(selfEvaluations)
      .set({ actuals, ruleSetId: ruleSet.id, totalScore: score.total, grade: score.grade, breakdown: score, version: bumpVersion, updatedAt: new Date() })
      .where(and(eq(selfEvaluations.id, se.id), eq(selfEvaluations.state, stage), eq(selfEvaluations.version, input.version)))
      .returning({ version: selfEvaluations.version });
    if (!row) throw new ActionError("conflict");
    await writeAudit(tx, actor, {
      action: "selfEvaluation.adjustQualitative",
      objectType: "self_evaluation",
      objectId: se.id,
      before: { ordinal: input.ordinal, band: before?.band, percent: before?.percent, totalScore: se.totalScore },
      after: { ordinal: input.ordinal, band: input.band, percent: input.percent, totalScore: score.total, grade: score.grade, reason: input.reason },
    });
    return { version: row.version, total: score.total, grade: score.grade };
  });
}
