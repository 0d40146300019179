"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { attachKeyReport } from "@/lib/evaluation/key-report";
import { MAX_ATTACHMENT_BYTES } from "@/lib/objective/attachment-rules";
import { id, storable, UNSTORABLE_REF } from "@/lib/validation/common";
import { msg } from "@/lib/i18n/core";

/** Public endpoint: the engaged agency's evaluator attaches the key evaluation report (PDF or Word). Type checked by name and content, size against the limit. */
export const attachKeyReportAction = defineAction({
  name: "evaluation.attachKeyReport",
  permission: "evaluation.key.fill",
  input: z.strictObject({
    keyEvaluationId: id,
    file: z
      .instanceof(File, { message: msg("rules.chooseFile") })
      .refine((f) => storable(f.name), UNSTORABLE_REF)
      .refine((f) => f.size > 0, msg("rules.emptyFile"))
      .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, msg("rules.fileTooBig")),
  }),
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return attachKeyReport(db, actor, "evaluator", input);
  },
});
