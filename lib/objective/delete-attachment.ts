import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { attachments } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadObjective } from "@/lib/objective/load";
import { id } from "@/lib/validation/common";
import { EDITABLE_STATES } from "@/lib/workflow/objective";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The input of deleteAttachment (the action in lib/actions/objective/delete-attachment.ts). */
export const deleteAttachmentInput = z.strictObject({ objectiveId: id, attachmentId: z.uuid() });

/** Remove an attachment from the version being edited. */
export async function deleteAttachment(db: Db, actor: Actor, input: z.output<typeof deleteAttachmentInput>) {
  const loaded = await loadObjective(db, actor, "project.write", input.objectiveId);
  if (!EDITABLE_STATES.includes(loaded.objective.state)) throw new ActionError("forbidden", { _form: "workflow.notEditable" });
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, input.attachmentId), eq(attachments.versionId, loaded.version.id)))
      .returning({ filename: attachments.filename });
    if (!gone.length) throw new ActionError("not_found");
    await writeAudit(tx, actor, {
      action: "objective.deleteAttachment",
      objectType: "objective",
      objectId: loaded.objective.id,
      before: { attachmentId: input.attachmentId, filename: gone[0].filename },
    });
    return null;
  });
}
