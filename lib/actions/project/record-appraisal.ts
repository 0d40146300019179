"use server";
import { defineAction } from "@/lib/actions/define";
import { recordAppraisal as run } from "@/lib/project/record-appraisal";
import { recordAppraisalInput } from "@/lib/validation/project";

/**
 * Public endpoint: finance, or the evaluator of an agency finance engaged, records an ex-ante
 * appraisal: five dimensions (20 points each) with comments, and a conclusion.
 */
export const recordAppraisal = defineAction({
  name: "project.recordAppraisal",
  permission: "appraisal.record",
  input: recordAppraisalInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
