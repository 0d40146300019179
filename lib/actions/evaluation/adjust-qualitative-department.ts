"use server";
import { defineAction } from "@/lib/actions/define";
import { adjustQualitative } from "@/lib/evaluation/operations";
import { adjustQualitativeInput } from "@/lib/validation/evaluation";

/** Public endpoint: the department reviewer changes a qualitative judgement during its review, with a reason; the score is recomputed. */
export const adjustQualitativeDepartment = defineAction({
  name: "evaluation.adjustQualitativeDepartment",
  permission: "evaluation.review.department",
  input: adjustQualitativeInput,
  success: "evaluation.saved",
  async run({ actor, db, input }) {
    return adjustQualitative(db, actor, input, "evaluation.review.department");
  },
});
