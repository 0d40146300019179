import { eq } from "drizzle-orm";
import { z } from "zod";
import { selfEvaluationEvidence } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { getActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { loadSelfEvaluation } from "@/lib/evaluation/load";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Public entry point: one evidence file of a self-evaluation, only for readers of that self-evaluation; else 404 (audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFound();
  const db = await getDb();
  const [row] = await db.select().from(selfEvaluationEvidence).where(eq(selfEvaluationEvidence.id, id));
  if (!row) return notFound();
  try {
    await loadSelfEvaluation(db, actor, "project.read", row.selfEvaluationId);
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    await writeAudit(db, actor, { action: "access.denied", objectType: "self_evaluation_evidence", objectId: id, after: { code: "not_found" } });
    return notFound();
  }
  const fallback = row.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "evidence";
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
