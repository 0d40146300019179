"use server";
import { defineAction } from "@/lib/actions/define";
import { createKeyEvaluation } from "@/lib/evaluation/key-evaluation";
import { createKeyEvaluationInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance selects an approved subject for key evaluation, run itself or by an engaged agency. */
export const createKeyEvaluationAction = defineAction({
  name: "evaluation.createKeyEvaluation",
  permission: "evaluation.review.finance",
  input: createKeyEvaluationInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return createKeyEvaluation(db, actor, input);
  },
});
