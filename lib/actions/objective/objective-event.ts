"use server";
import { eq } from "drizzle-orm";
import { objectiveVersions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { loadObjective } from "@/lib/objective/load";
import { objectiveEventInput } from "@/lib/validation/project";
import { objectiveWorkflow } from "@/lib/workflow/machines";

/**
 * Public endpoint: the filer's own workflow events — recall (撤回) a submission nobody has
 * decided yet, or cancel an adjustment, which puts the approved version back in force.
 */
export const fireObjectiveEvent = defineAction({
  name: "objective.event",
  permission: "project.write",
  input: objectiveEventInput,
  async run({ actor, db, input }) {
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
  },
});
