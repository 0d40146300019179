"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { fireSelfEvaluationEvent } from "@/lib/evaluation/operations";
import { id, optionalText, version } from "@/lib/validation/common";

/** Public endpoint: finance accepts or returns a self-evaluation (a return needs a reason). */
export const reviewSelfEvaluationFinance = defineAction({
  name: "evaluation.reviewSelfEvaluationFinance",
  permission: "evaluation.review.finance",
  input: z.strictObject({ selfEvaluationId: id, version, event: z.enum(["finance_accept", "finance_return"]), reason: optionalText(2000) }),
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return fireSelfEvaluationEvent(db, actor, input, "evaluation.review.finance");
  },
});
