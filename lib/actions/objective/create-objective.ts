"use server";
import { defineAction } from "@/lib/actions/define";
import { createObjective as run } from "@/lib/objective/create-objective";
import { createObjectiveInput } from "@/lib/validation/project";

/**
 * Public endpoint: open a declaration (绩效目标申报) for a subject and fiscal year — a project of the
 * pool, a department's overall spending (一部门一套指标), or a transfer payment — with its first
 * version pre-filled from what the system already knows. One per subject and year.
 */
export const createObjective = defineAction({
  name: "objective.create",
  permission: "project.write",
  input: createObjectiveInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
