"use server";
import { defineAction } from "@/lib/actions/define";
import { saveSelfEvaluation } from "@/lib/evaluation/operations";
import { saveSelfEvaluationInput } from "@/lib/validation/evaluation";

/** Public endpoint: the filer saves actual values, deviation analyses and the executed amount; the score is recomputed. */
export const saveSelfEvaluationAction = defineAction({
  name: "evaluation.saveSelfEvaluation",
  permission: "project.write",
  input: saveSelfEvaluationInput,
  success: "evaluation.saved",
  async run({ actor, db, input }) {
    return saveSelfEvaluation(db, actor, input.selfEvaluationId, input.version, input);
  },
});
