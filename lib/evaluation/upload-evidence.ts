import "server-only";
import { z } from "zod";
import { selfEvaluationEvidence } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadSelfEvaluation } from "@/lib/evaluation/load";
import { indicatorsOf } from "@/lib/evaluation/self-evaluation";
import { MAX_ATTACHMENT_BYTES, recogniseAttachment } from "@/lib/objective/attachment-rules";
import { id, storable, UNSTORABLE_REF } from "@/lib/validation/common";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/** The input of uploadSelfEvaluationEvidence (the action in lib/actions/evaluation/upload-evidence.ts). */
export const uploadSelfEvaluationEvidenceInput = z.strictObject({
    selfEvaluationId: id,
    ordinal: z.coerce.number().int().min(1).max(500),
    file: z
      .instanceof(File, { message: msg("rules.chooseFile") })
      .refine((f) => storable(f.name), UNSTORABLE_REF)
      .refine((f) => f.size > 0, msg("rules.emptyFile"))
      .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, msg("rules.fileTooBig")),
  });

/**
 * The filer attaches an evidence file (佐证材料) to one indicator's result while
 * the self-evaluation is being filled. Type checked by name and content, size against the limit.
 */
export async function uploadSelfEvaluationEvidence(db: Db, actor: Actor, input: z.output<typeof uploadSelfEvaluationEvidenceInput>) {
  const { se } = await loadSelfEvaluation(db, actor, "project.write", input.selfEvaluationId);
  if (se.state !== "draft" && se.state !== "returned") throw new ActionError("forbidden", { _form: "evaluation.errors.notEditable" });
  if (!(await indicatorsOf(db, se.versionId)).some((i) => i.ordinal === input.ordinal)) throw new ActionError("invalid_input", { ordinal: "errors.not_found" });
  const data = Buffer.from(await input.file.arrayBuffer());
  const type = recogniseAttachment(input.file.name, data.subarray(0, 8));
  if (!type) throw new ActionError("invalid_input", { file: msg("rules.fileTypes") });
  const filename = input.file.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(-200);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selfEvaluationEvidence)
      .values({ selfEvaluationId: se.id, ordinal: input.ordinal, filename, mime: type.mime, size: data.length, data, uploadedBy: actor.userId })
      .returning({ id: selfEvaluationEvidence.id });
    await writeAudit(tx, actor, { action: "selfEvaluation.uploadEvidence", objectType: "self_evaluation", objectId: se.id, after: { evidenceId: row.id, ordinal: input.ordinal, filename, size: data.length } });
    return { id: row.id };
  });
}
