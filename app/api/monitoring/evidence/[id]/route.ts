import { eq } from "drizzle-orm";
import { z } from "zod";
import { rectificationFiles } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { getActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { loadDisposition } from "@/lib/monitoring/load";

export const dynamic = "force-dynamic";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
const notFound = () => new Response("Not found", { status: 404, headers: TEXT });

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "evidence";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Public entry point: download a rectification evidence file. Readers of the subject (its unit,
 * department, finance of its region) only; anyone else gets 404 like a missing file, and the
 * refused reach is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: TEXT });
  if (!hasPermission(actor.roles, "project.read")) return new Response("Forbidden", { status: 403, headers: TEXT });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFound();
  const db = await getDb();
  const [meta] = await db
    .select({ dispositionId: rectificationFiles.dispositionId, filename: rectificationFiles.filename, mime: rectificationFiles.mime })
    .from(rectificationFiles)
    .where(eq(rectificationFiles.id, id));
  if (!meta) return notFound();
  try {
    await loadDisposition(db, actor, "project.read", meta.dispositionId);
  } catch (e) {
    if (!(e instanceof ActionError && e.code === "not_found")) throw e;
    await writeAudit(db, actor, {
      action: "access.denied",
      objectType: "rectification_file",
      objectId: id,
      after: { action: "monitoring.evidence.download", dispositionId: meta.dispositionId },
    }).catch(() => {});
    return notFound();
  }
  const [file] = await db.select({ data: rectificationFiles.data }).from(rectificationFiles).where(eq(rectificationFiles.id, id));
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": meta.mime,
      "Content-Disposition": contentDisposition(meta.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
