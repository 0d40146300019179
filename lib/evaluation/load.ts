import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { evaluationRuleSets, orgs, regions, selfEvaluations } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";

/** A rule set of the actor's region or a region below it; anything else looks missing. */
export async function loadRuleSet(db: DbOrTx, actor: Actor, ruleSetId: number) {
  const [row] = await db
    .select({ rs: evaluationRuleSets, regionPath: regions.path })
    .from(evaluationRuleSets)
    .innerJoin(regions, eq(regions.id, evaluationRuleSets.regionId))
    .where(eq(evaluationRuleSets.id, ruleSetId));
  if (!row || !row.regionPath.startsWith(actor.regionPath)) throw new ActionError("not_found", undefined, { type: "evaluation_rule_set", id: ruleSetId });
  return row.rs;
}

/** A self-evaluation with its owner's place in the org tree, only if the actor may touch it for `permission`. */
export async function loadSelfEvaluation(db: DbOrTx, actor: Actor, permission: Permission, selfEvaluationId: number) {
  const [row] = await db
    .select({ se: selfEvaluations, orgPath: orgs.path, regionPath: regions.path, ownerKind: orgs.kind })
    .from(selfEvaluations)
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .where(eq(selfEvaluations.id, selfEvaluationId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "self_evaluation", id: selfEvaluationId });
  }
  return row;
}
