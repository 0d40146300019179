"use server";
import { defineAction } from "@/lib/actions/define";
import { fillKeyEvaluation } from "@/lib/evaluation/key-evaluation";
import { fillKeyEvaluationInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance scores a key evaluation it runs itself. */
export const fillOwnKeyEvaluationAction = defineAction({
  name: "evaluation.fillOwnKeyEvaluation",
  permission: "evaluation.review.finance",
  input: fillKeyEvaluationInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return fillKeyEvaluation(db, actor, input);
  },
});
