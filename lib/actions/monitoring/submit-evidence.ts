"use server";
import { defineAction } from "@/lib/actions/define";
import { submitRectificationEvidence as run } from "@/lib/monitoring/dispositions";
import { submitEvidenceInput } from "@/lib/validation/monitoring";

/** Public endpoint: the filer reports what was rectified (整改情况), with evidence files, for finance to accept. */
export const submitRectificationEvidence = defineAction({
  name: "monitoring.submitEvidence",
  permission: "project.write",
  input: submitEvidenceInput,
  success: "monitoring.evidenceSubmitted",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
