"use server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { attachments } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadObjective } from "@/lib/objective/load";
import { id } from "@/lib/validation/common";
import { EDITABLE_STATES } from "@/lib/workflow/objective";

/** Public endpoint: remove an attachment from the version being edited. */
export const deleteAttachment = defineAction({
  name: "objective.deleteAttachment",
  permission: "project.write",
  input: z.strictObject({ objectiveId: id, attachmentId: z.uuid() }),
  async run({ actor, db, input }) {
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
  },
});
