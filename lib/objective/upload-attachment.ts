import "server-only";
import { z } from "zod";
import { attachments } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadObjective } from "@/lib/objective/load";
import { MAX_ATTACHMENT_BYTES, recogniseAttachment } from "@/lib/objective/attachment-rules";
import { id, storable, UNSTORABLE_REF } from "@/lib/validation/common";
import { ATTACHMENT_KINDS } from "@/db/schema/enums";
import { EDITABLE_STATES } from "@/lib/workflow/objective";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/** The input of uploadAttachment (the action in lib/actions/objective/upload-attachment.ts). */
export const uploadAttachmentInput = z.strictObject({
    objectiveId: id,
    kind: z.enum(ATTACHMENT_KINDS),
    file: z
      .instanceof(File, { message: msg("rules.chooseFile") })
      .refine((f) => storable(f.name), UNSTORABLE_REF)
      .refine((f) => f.size > 0, msg("rules.emptyFile"))
      .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, msg("rules.fileTooBig")),
  });

/**
 * Step 4 — attach a feasibility study, an approval or other evidence. The type is
 * checked by name and content, the size against the limit; files are kept in the database so
 * every app process serves the same ones.
 */
export async function uploadAttachment(db: Db, actor: Actor, input: z.output<typeof uploadAttachmentInput>) {
  const loaded = await loadObjective(db, actor, "project.write", input.objectiveId);
  if (!EDITABLE_STATES.includes(loaded.objective.state)) throw new ActionError("forbidden", { _form: "workflow.notEditable" });
  const data = Buffer.from(await input.file.arrayBuffer());
  const type = recogniseAttachment(input.file.name, data.subarray(0, 8));
  if (!type) throw new ActionError("invalid_input", { file: msg("rules.fileTypes") });
  const filename = input.file.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(-200);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({ versionId: loaded.version.id, kind: input.kind, filename, mime: type.mime, size: data.length, data, uploadedBy: actor.userId })
      .returning({ id: attachments.id });
    await writeAudit(tx, actor, {
      action: "objective.uploadAttachment",
      objectType: "objective",
      objectId: loaded.objective.id,
      after: { attachmentId: row.id, filename, size: data.length, kind: input.kind },
    });
    return { id: row.id };
  });
}
