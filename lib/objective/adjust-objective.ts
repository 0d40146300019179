import "server-only";
import { eq, max, sql } from "drizzle-orm";
import { objectiveIndicators, objectiveVersions } from "@/db/schema";
import { loadObjective } from "@/lib/objective/load";
import { adjustObjectiveInput } from "@/lib/validation/project";
import { objectiveWorkflow } from "@/lib/workflow/machines";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * Start an adjustment (目标调整) of an approved objective. A new version is made
 * from the approved one and goes through review again; the approved version stays in force and
 * readable until the adjustment is approved.
 */
export async function adjustObjective(db: Db, actor: Actor, input: z.output<typeof adjustObjectiveInput>) {
  const loaded = await loadObjective(db, actor, "project.write", input.objectiveId);
  const from = loaded.version;
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: max(objectiveVersions.number) }).from(objectiveVersions).where(eq(objectiveVersions.objectiveId, loaded.objective.id));
    const [v] = await tx
      .insert(objectiveVersions)
      .values({
        objectiveId: loaded.objective.id,
        number: (n ?? 0) + 1,
        kind: "adjustment",
        basic: from.basic,
        funding: from.funding,
        fundUses: from.fundUses,
        requestedAmount: from.requestedAmount,
        plan: from.plan,
        keyTasks: from.keyTasks,
        overallGoal: from.overallGoal,
        annualGoal: from.annualGoal,
        adjustmentReason: input.reason,
        createdBy: actor.userId,
      })
      .returning({ id: objectiveVersions.id, number: objectiveVersions.number });
    await tx.execute(sql`
      insert into ${objectiveIndicators} (version_id, ordinal, fund_use, level1, level2, name, comparison, annual_target, period_target, unit, weight, explanation, formula, indicator_id, custom_reason, change_reason)
      select ${v.id}, ordinal, fund_use, level1, level2, name, comparison, annual_target, period_target, unit, weight, explanation, formula, indicator_id, custom_reason, change_reason
      from ${objectiveIndicators} where version_id = ${from.id}`);
    const { version } = await objectiveWorkflow.fire(tx, actor, loaded.ref, "adjust", input.version, {
      set: { currentVersionId: v.id },
      audit: { versionNumber: v.number, reason: input.reason },
    });
    return { version, versionNumber: v.number };
  });
}
