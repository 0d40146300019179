"use server";
import { defineAction } from "@/lib/actions/define";
import { submitObjective as run, submitObjectiveInput } from "@/lib/objective/submit-objective";

/**
 * Public endpoint: submit a declaration for review. Every completeness rule of DESIGN §5 runs
 * first; failures come back keyed by the wizard field they concern (with the step in the text).
 * A submission after the declaration window closes is accepted and marked late.
 */
export const submitObjective = defineAction({
  name: "objective.submit",
  permission: "project.write",
  input: submitObjectiveInput,
  async run({ actor, db, input, t }) {
    return run(db, actor, input, t);
  },
});
