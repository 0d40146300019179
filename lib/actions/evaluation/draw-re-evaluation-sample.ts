"use server";
import { defineAction } from "@/lib/actions/define";
import { drawReEvaluationSample } from "@/lib/evaluation/re-evaluation";
import { drawSampleInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance draws a re-evaluation sample of a year's self-evaluations from a recorded seed. */
export const drawReEvaluationSampleAction = defineAction({
  name: "evaluation.drawSample",
  permission: "evaluation.review.finance",
  input: drawSampleInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return drawReEvaluationSample(db, actor, input);
  },
});
