import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { getActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { evidenceBytes, evidenceMeta, mayReadEvidence } from "@/lib/indicator/page-queries";

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
 * Public entry point: download an evidence file (依据材料) of an indicator change request.
 * Signed-in users only; finance admins, or the organisation that proposed the request. Anyone
 * else gets 404, exactly like a missing file, and the refused reach is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: TEXT });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFound();

  const db = await getDb();
  const meta = await evidenceMeta(db, id);
  if (!meta) return notFound();
  if (!mayReadEvidence(actor, meta.proposerOrgId)) {
    await writeAudit(db, actor, {
      action: "access.denied",
      objectType: "indicatorEvidence",
      objectId: id,
      after: { action: "indicator.evidence.download", requestId: meta.requestId },
    }).catch(() => {});
    return notFound();
  }

  // The bytes only once the reader is known to be allowed them.
  const data = await evidenceBytes(db, id);
  if (!data) return notFound();
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "Content-Type": meta.mime,
      "Content-Length": String(data.length),
      "Content-Disposition": contentDisposition(meta.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
