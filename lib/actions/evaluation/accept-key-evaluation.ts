"use server";
import { defineAction } from "@/lib/actions/define";
import { acceptKeyEvaluation } from "@/lib/evaluation/key-evaluation";
import { acceptKeyEvaluationInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance accepts a submitted key evaluation. */
export const acceptKeyEvaluationAction = defineAction({
  name: "evaluation.acceptKeyEvaluation",
  permission: "evaluation.review.finance",
  input: acceptKeyEvaluationInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return acceptKeyEvaluation(db, actor, input);
  },
});
