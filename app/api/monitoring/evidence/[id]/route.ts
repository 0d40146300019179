import { eq } from "drizzle-orm";
import { rectificationFiles } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { defineDownload, refusedAs, uuidParam } from "@/lib/http/download";
import { loadDisposition } from "@/lib/monitoring/load";

export const dynamic = "force-dynamic";

/**
 * Public entry point: download a rectification evidence file. Readers of the subject (its unit,
 * department, finance of its region) only; anyone else gets 404 like a missing file, and the
 * refused reach is audited.
 */
export const GET = defineDownload<{ id: string }>({
  name: "monitoring.evidence.download",
  permission: "project.read",
  load: async (_request, { actor, db, params }) => {
    const id = uuidParam(params.id);
    const [meta] = await db
      .select({ dispositionId: rectificationFiles.dispositionId, filename: rectificationFiles.filename, mime: rectificationFiles.mime })
      .from(rectificationFiles)
      .where(eq(rectificationFiles.id, id));
    if (!meta) throw new ActionError("not_found");
    await refusedAs({ type: "rectification_file", id }, loadDisposition(db, actor, "project.read", meta.dispositionId));
    // The bytes only once the reader is known to be allowed them.
    const [file] = await db.select({ data: rectificationFiles.data }).from(rectificationFiles).where(eq(rectificationFiles.id, id));
    if (!file) throw new ActionError("not_found");
    return { filename: meta.filename, contentType: meta.mime, body: file.data };
  },
});
