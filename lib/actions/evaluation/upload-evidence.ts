"use server";
import { defineAction } from "@/lib/actions/define";
import { uploadSelfEvaluationEvidence as run, uploadSelfEvaluationEvidenceInput } from "@/lib/evaluation/upload-evidence";

/**
 * Public endpoint: the filer attaches an evidence file (佐证材料) to one indicator's result while
 * the self-evaluation is being filled. Type checked by name and content, size against the limit.
 */
export const uploadSelfEvaluationEvidence = defineAction({
  name: "evaluation.uploadEvidence",
  permission: "project.write",
  input: uploadSelfEvaluationEvidenceInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
