import Decimal from "decimal.js";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { keyEvaluations, orgs, regions } from "@/db/schema";
import type { Grade } from "@/db/schema/enums";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { loadObjective } from "@/lib/objective/load";
import { keyEvaluationWorkflow, type KeyEvaluationRef } from "@/lib/workflow/machines";
import { activeRuleSetFor, rulesOf } from "./rule-sets";
import { DEFAULT_RULES } from "./rules";
import { gradeTotal } from "./scoring";

import { KEY_DIMENSIONS, type KeyDimension, type KeyWeights } from "./key-dimensions";

export { DEFAULT_KEY_WEIGHTS, KEY_DIMENSIONS, type KeyDimension, type KeyWeights } from "./key-dimensions";

/** An engaged agency must be an agency of the actor's region or below. */
export async function assertAgency(db: Db, actor: Actor, agencyOrgId: number | null) {
  if (!agencyOrgId) return;
  const [agency] = await db.select({ kind: orgs.kind, regionPath: regions.path }).from(orgs).innerJoin(regions, eq(regions.id, orgs.regionId)).where(eq(orgs.id, agencyOrgId));
  if (!agency || agency.kind !== "agency" || !agency.regionPath.startsWith(actor.regionPath)) throw new ActionError("invalid_input", { agencyOrgId: "evaluation.key.notAgency" });
}

/** Finance selects an approved subject for key evaluation, run by itself or by an engaged agency. */
export async function createKeyEvaluation(db: Db, actor: Actor, input: { objectiveId: number; agencyOrgId: number | null; weights: KeyWeights; reason: string | null }) {
  const loaded = await loadObjective(db, actor, "evaluation.review.finance", input.objectiveId);
  const o = loaded.objective;
  if (!o.approvedVersionId) throw new ActionError("invalid_input", { _form: "evaluation.errors.notApproved" });
  const sum = KEY_DIMENSIONS.reduce((s, d) => s.plus(input.weights[d]), new Decimal(0));
  if (!sum.eq(100)) throw new ActionError("invalid_input", { weights: "evaluation.key.weights100" });
  await assertAgency(db, actor, input.agencyOrgId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(keyEvaluations)
      .values({ objectiveId: o.id, ownerOrgId: o.ownerOrgId, regionId: o.regionId, fiscalYear: o.fiscalYear, agencyOrgId: input.agencyOrgId, weights: input.weights, reason: input.reason, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ActionError("conflict", { _form: "evaluation.key.exists" });
    await writeAudit(tx, actor, { action: "keyEvaluation.create", objectType: "key_evaluation", objectId: row.id, after: { objectiveId: o.id, agencyOrgId: input.agencyOrgId, weights: input.weights } });
    return { id: row.id, version: row.version };
  });
}

export async function loadKey(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ k: keyEvaluations, orgPath: orgs.path, regionPath: regions.path })
    .from(keyEvaluations)
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
    .where(eq(keyEvaluations.id, id));
  if (!row) throw new ActionError("not_found", undefined, { type: "key_evaluation", id });
  // The engaged agency's evaluator reaches it through the engagement; finance through its region.
  const asEvaluator = actor.roles.includes("evaluator") && row.k.agencyOrgId === actor.orgId;
  const asFinance = row.k.agencyOrgId == null && canOn(actor, "evaluation.review.finance", { orgPath: row.orgPath, regionPath: row.regionPath });
  const ref: KeyEvaluationRef = { id: row.k.id, state: row.k.state, version: row.k.version, agencyOrgId: row.k.agencyOrgId, orgPath: row.orgPath, regionPath: row.regionPath };
  return { ...row, ref, asEvaluator, asFinance, financeScope: canOn(actor, "evaluation.review.finance", { orgPath: row.orgPath, regionPath: row.regionPath }) };
}

export interface KeyFill {
  keyEvaluationId: number;
  version: number;
  scores: Record<KeyDimension, { score: string; evidence: string }>;
  findings: string;
  recommendations: string;
}

/** The evaluator (or finance, when it runs the evaluation itself) scores the framework and submits it. */
export async function fillKeyEvaluation(db: Db, actor: Actor, input: KeyFill) {
  const loaded = await loadKey(db, actor, input.keyEvaluationId);
  if (!loaded.asEvaluator && !loaded.asFinance) throw new ActionError("not_found", undefined, { type: "key_evaluation", id: input.keyEvaluationId });
  const k = loaded.k;
  keyEvaluationWorkflow.assert(actor, loaded.ref, "submit", input.version);
  const weights = k.weights as KeyWeights;
  const errors: Record<string, string> = {};
  for (const d of KEY_DIMENSIONS) if (new Decimal(input.scores[d].score).gt(weights[d])) errors[`scores.${d}.score`] = "evaluation.key.aboveWeight";
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  const total = KEY_DIMENSIONS.reduce((s, d) => s.plus(input.scores[d].score), new Decimal(0)).toFixed(2);
  const ruleSet = await activeRuleSetFor(db, k.regionId, k.fiscalYear);
  const grade: Grade = gradeTotal(ruleSet ? rulesOf(ruleSet) : DEFAULT_RULES, total);
  return db.transaction(async (tx) => {
    const { version } = await keyEvaluationWorkflow.fire(tx, actor, loaded.ref, "submit", input.version, {
      set: { scores: input.scores, totalScore: total, grade, findings: input.findings, recommendations: input.recommendations, filledBy: actor.userId },
      audit: { total, grade },
    });
    return { version, total, grade };
  });
}

/** Finance accepts a submitted key evaluation. */
export async function acceptKeyEvaluation(db: Db, actor: Actor, input: { keyEvaluationId: number; version: number }) {
  const loaded = await loadKey(db, actor, input.keyEvaluationId);
  if (!loaded.financeScope) throw new ActionError("not_found", undefined, { type: "key_evaluation", id: input.keyEvaluationId });
  const k = loaded.k;
  return db.transaction(async (tx) => {
    const { version, to } = await keyEvaluationWorkflow.fire(tx, actor, loaded.ref, "accept", input.version, { audit: { total: k.totalScore, grade: k.grade } });
    return { version, state: to };
  });
}
