import { eq } from "drizzle-orm";
import { attachments, objectiveVersions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { defineDownload, refusedAs, uuidParam } from "@/lib/http/download";
import { loadObjective } from "@/lib/objective/load";

export const dynamic = "force-dynamic";

/**
 * Public entry point: download one attachment of a declaration. Signed-in users only, and only
 * attachments of objectives the reader may read (the same scope rule as every page); anything
 * else answers 404, exactly like a missing file, and a refused reach is audited.
 */
export const GET = defineDownload<{ id: string }>({
  name: "attachment.download",
  load: async (_request, { actor, db, params }) => {
    const id = uuidParam(params.id);
    const [row] = await db
      .select({ filename: attachments.filename, mime: attachments.mime, objectiveId: objectiveVersions.objectiveId })
      .from(attachments)
      .innerJoin(objectiveVersions, eq(objectiveVersions.id, attachments.versionId))
      .where(eq(attachments.id, id));
    if (!row) throw new ActionError("not_found");
    await refusedAs({ type: "attachment", id }, loadObjective(db, actor, "project.read", row.objectiveId));
    // The bytes only once the reader is known to be allowed them.
    const [file] = await db.select({ data: attachments.data }).from(attachments).where(eq(attachments.id, id));
    if (!file) throw new ActionError("not_found");
    return { filename: row.filename, contentType: row.mime, body: file.data };
  },
});
