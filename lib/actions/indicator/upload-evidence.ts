"use server";
import { defineAction } from "@/lib/actions/define";
import { uploadChangeEvidence as run, uploadChangeEvidenceInput } from "@/lib/indicator/upload-evidence";

/** Public endpoint: attach an evidence file (依据材料) to one's own pending change request. */
export const uploadChangeEvidence = defineAction({
  name: "indicator.uploadEvidence",
  permission: "indicator.propose",
  input: uploadChangeEvidenceInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
