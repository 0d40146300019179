"use server";
import { defineAction } from "@/lib/actions/define";
import { deleteAttachment as run, deleteAttachmentInput } from "@/lib/objective/delete-attachment";

/** Public endpoint: remove an attachment from the version being edited. */
export const deleteAttachment = defineAction({
  name: "objective.deleteAttachment",
  permission: "project.write",
  input: deleteAttachmentInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
