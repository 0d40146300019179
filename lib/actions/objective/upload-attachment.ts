"use server";
import { defineAction } from "@/lib/actions/define";
import { uploadAttachment as run, uploadAttachmentInput } from "@/lib/objective/upload-attachment";

/**
 * Public endpoint: step 4 — attach a feasibility study, an approval or other evidence. The type is
 * checked by name and content, the size against the limit; files are kept in the database so
 * every app process serves the same ones.
 */
export const uploadAttachment = defineAction({
  name: "objective.uploadAttachment",
  permission: "project.write",
  input: uploadAttachmentInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
