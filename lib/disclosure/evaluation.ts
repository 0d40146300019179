import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { disclosures, objectives, orgs, regions, selfEvaluations } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { isUniqueViolation } from "@/lib/db-errors";
import { msg } from "@/lib/i18n/core";

/** The row a result disclosure inserts for an accepted self-evaluation (shared by the action and the demo seed). */
export function evaluationDisclosureRow(se: typeof selfEvaluations.$inferSelect, title: string, regionPath: string, by: number) {
  return {
    subjectType: "evaluation" as const,
    objectiveId: se.objectiveId,
    versionId: se.versionId,
    evaluationId: se.id,
    score: se.totalScore,
    grade: se.grade,
    fiscalYear: se.fiscalYear,
    regionId: se.regionId,
    regionPath,
    departmentOrgId: se.departmentOrgId,
    ownerOrgId: se.ownerOrgId,
    title,
    amount: se.budgetAmount,
    disclosedBy: by,
  };
}

/**
 * Finance discloses an ACCEPTED self-evaluation's result (score, grade and its per-level points):
 * a disclosure row of subject_type "evaluation" that freezes the score and grade, with its audit
 * row, in one transaction. Refused before acceptance, outside the actor's region and below, and
 * when a live disclosure of it exists (a concurrent second disclosure → conflict). A withdrawal
 * goes through withdrawDisclosure (lib/disclosure/disclose.ts), like an objective's.
 */
export async function discloseEvaluation(db: DbOrTx, actor: Actor, input: { selfEvaluationId: number }): Promise<number> {
  const [c] = await db
    .select({
      se: selfEvaluations,
      title: objectives.title,
      orgPath: orgs.path,
      regionPath: regions.path,
    })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .where(eq(selfEvaluations.id, input.selfEvaluationId));
  if (!c || !canOn(actor, "disclosure.manage", { orgPath: c.orgPath, regionPath: c.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "self_evaluation", id: input.selfEvaluationId });
  }
  if (c.se.state !== "accepted" || c.se.totalScore == null || c.se.grade == null) {
    throw new ActionError("invalid_input", { selfEvaluationId: msg("refusal.evaluationNotAccepted") });
  }
  const [already] = await db
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(and(eq(disclosures.evaluationId, c.se.id), eq(disclosures.subjectType, "evaluation"), isNull(disclosures.withdrawnAt)));
  if (already) throw new ActionError("invalid_input", { selfEvaluationId: msg("refusal.evaluationDisclosed") });
  const se = c.se;
  try {
    return await db.transaction(async (tx) => {
      // The result must still be accepted when the row is written (a row lock orders it with any re-review).
      const [locked] = await tx
        .select({ id: selfEvaluations.id })
        .from(selfEvaluations)
        .where(and(eq(selfEvaluations.id, se.id), eq(selfEvaluations.state, "accepted"), eq(selfEvaluations.version, se.version)))
        .for("update");
      if (!locked) throw new ActionError("conflict");
      const [d] = await tx
        .insert(disclosures)
        .values(evaluationDisclosureRow(se, c.title, c.regionPath, actor.userId))
        .returning({ id: disclosures.id });
      await writeAudit(tx, actor, {
        action: "disclosure.publish",
        objectType: "disclosure",
        objectId: d.id,
        after: { selfEvaluationId: se.id, objectiveId: se.objectiveId, fiscalYear: se.fiscalYear, score: se.totalScore, grade: se.grade },
      });
      return d.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("conflict");
    throw e;
  }
}
