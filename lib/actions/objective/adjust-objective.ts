"use server";
import { defineAction } from "@/lib/actions/define";
import { adjustObjective as run } from "@/lib/objective/adjust-objective";
import { adjustObjectiveInput } from "@/lib/validation/project";

/**
 * Public endpoint: start an adjustment (目标调整) of an approved objective. A new version is made
 * from the approved one and goes through review again; the approved version stays in force and
 * readable until the adjustment is approved.
 */
export const adjustObjective = defineAction({
  name: "objective.adjust",
  permission: "project.write",
  input: adjustObjectiveInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
