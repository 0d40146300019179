"use server";
import { defineAction } from "@/lib/actions/define";
import { assignAppraisal as run, assignAppraisalInput } from "@/lib/project/assign-appraisal";

/** Public endpoint: finance engages an agency (第三方机构) of its region for a project's ex-ante appraisal. */
export const assignAppraisal = defineAction({
  name: "project.assignAppraisal",
  permission: "appraisal.assign",
  input: assignAppraisalInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
