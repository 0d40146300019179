import "server-only";
import { eq } from "drizzle-orm";
import { objectiveVersions } from "@/db/schema";
import { loadObjective } from "@/lib/objective/load";
import { objectiveEventInput } from "@/lib/validation/project";
import { objectiveWorkflow } from "@/lib/workflow/machines";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * The filer's own workflow events — recall (撤回) a submission nobody has
 * decided yet, or cancel an adjustment, which puts the approved version back in force.
 */
export async function fireObjectiveEvent(db: Db, actor: Actor, input: z.output<typeof objectiveEventInput>) {
  const loaded = await loadObjective(db, actor, "project.write", input.objectiveId);
  return db.transaction(async (tx) => {
    const cancel = input.event === "cancel_adjustment";
    // Cancelling puts the approved version back in force, with the list columns it carries.
    const approved = cancel && loaded.objective.approvedVersionId
      ? (await tx.select().from(objectiveVersions).where(eq(objectiveVersions.id, loaded.objective.approvedVersionId)))[0]
      : null;
    const { version, transition } = await objectiveWorkflow.fire(tx, actor, loaded.ref, input.event, input.version, {
      set: approved
        ? { currentVersionId: approved.id, title: (approved.basic as { name?: string }).name ?? loaded.objective.title, requestedAmount: approved.requestedAmount }
        : {},
    });
    return { version, state: transition.to };
  });
}
