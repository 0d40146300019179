"use server";
import { defineAction } from "@/lib/actions/define";
import { recordReScore } from "@/lib/evaluation/re-evaluation";
import { reScoreInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance records a re-score; a self-score more than 10 points above it is marked inflated. */
export const recordReScoreAction = defineAction({
  name: "evaluation.recordReScore",
  permission: "evaluation.review.finance",
  input: reScoreInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return recordReScore(db, actor, input);
  },
});
