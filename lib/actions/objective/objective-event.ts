"use server";
import { defineAction } from "@/lib/actions/define";
import { fireObjectiveEvent as run } from "@/lib/objective/objective-event";
import { objectiveEventInput } from "@/lib/validation/project";

/**
 * Public endpoint: the filer's own workflow events — recall (撤回) a submission nobody has
 * decided yet, or cancel an adjustment, which puts the approved version back in force.
 */
export const fireObjectiveEvent = defineAction({
  name: "objective.event",
  permission: "project.write",
  input: objectiveEventInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
