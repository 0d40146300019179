import { eq } from "drizzle-orm";
import { keyEvaluationReports } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { getActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { loadKeyForReading } from "@/lib/evaluation/key-report";
import { id as idSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Public entry point: the report file attached to a key evaluation (by the evaluation's id), only for its readers; else 404 (audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) return notFound();
  const db = await getDb();
  try {
    await loadKeyForReading(db, actor, parsed.data);
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    await writeAudit(db, actor, { action: "access.denied", objectType: "key_evaluation_report", objectId: parsed.data, after: { code: "not_found" } });
    return notFound();
  }
  const [row] = await db.select().from(keyEvaluationReports).where(eq(keyEvaluationReports.keyEvaluationId, parsed.data));
  if (!row) return notFound();
  const fallback = row.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "report";
  return new Response(new Uint8Array(row.data), {
    status: 200,
    headers: {
      "Content-Type": row.mime,
      "Content-Disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
