import { eq } from "drizzle-orm";
import { z } from "zod";
import { attachments, objectiveVersions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { getActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { loadObjective } from "@/lib/objective/load";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "attachment";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Public entry point: download one attachment of a declaration. Signed-in users only, and only
 * attachments of objectives the reader may read (the same scope rule as every page); anything
 * else answers 404, exactly like a missing file, and a refused reach is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFound();

  const db = await getDb();
  const [row] = await db
    .select({
      filename: attachments.filename,
      mime: attachments.mime,
      objectiveId: objectiveVersions.objectiveId,
    })
    .from(attachments)
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, attachments.versionId))
    .where(eq(attachments.id, id));
  if (!row) return notFound();
  try {
    await loadObjective(db, actor, "project.read", row.objectiveId);
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    await writeAudit(db, actor, {
      action: "access.denied",
      objectType: "attachment",
      objectId: id,
      after: { action: "attachment.download", code: e.code },
    }).catch(() => {});
    return notFound();
  }

  // The bytes only once the reader is known to be allowed them.
  const [file] = await db.select({ data: attachments.data }).from(attachments).where(eq(attachments.id, id));
  if (!file) return notFound();
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": row.mime,
      "Content-Length": String(file.data.length),
      "Content-Disposition": contentDisposition(row.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
