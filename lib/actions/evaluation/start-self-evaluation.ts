"use server";
import { defineAction } from "@/lib/actions/define";
import { startSelfEvaluation } from "@/lib/evaluation/operations";
import { startSelfEvaluationInput } from "@/lib/validation/evaluation";

/** Public endpoint: the filer opens the self-evaluation of one of its approved objectives. */
export const startSelfEvaluationAction = defineAction({
  name: "evaluation.startSelfEvaluation",
  permission: "project.write",
  input: startSelfEvaluationInput,
  success: "evaluation.started",
  async run({ actor, db, input }) {
    const row = await startSelfEvaluation(db, actor, input.objectiveId);
    return { id: row.id, version: row.version };
  },
});
