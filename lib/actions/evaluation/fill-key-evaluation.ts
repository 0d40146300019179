"use server";
import { defineAction } from "@/lib/actions/define";
import { fillKeyEvaluation } from "@/lib/evaluation/key-evaluation";
import { fillKeyEvaluationInput } from "@/lib/validation/evaluation";

/** Public endpoint: the engaged agency's evaluator scores the 决策/过程/产出/效益 framework with evidence, findings and recommendations. */
export const fillKeyEvaluationAction = defineAction({
  name: "evaluation.fillKeyEvaluation",
  permission: "evaluation.key.fill",
  input: fillKeyEvaluationInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return fillKeyEvaluation(db, actor, input);
  },
});
