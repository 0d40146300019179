"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { fireSelfEvaluationEvent } from "@/lib/evaluation/operations";
import { id, optionalText, version } from "@/lib/validation/common";

/** Public endpoint: the department passes or returns a unit's self-evaluation (a return needs a reason). */
export const reviewSelfEvaluationDepartment = defineAction({
  name: "evaluation.reviewSelfEvaluationDepartment",
  permission: "evaluation.review.department",
  input: z.strictObject({ selfEvaluationId: id, version, event: z.enum(["dept_pass", "dept_return"]), reason: optionalText(2000) }),
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return fireSelfEvaluationEvent(db, actor, input, "evaluation.review.department");
  },
});
