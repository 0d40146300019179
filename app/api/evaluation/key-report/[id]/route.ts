import { eq } from "drizzle-orm";
import { keyEvaluationReports } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { loadKeyForReading } from "@/lib/evaluation/key-report";
import { defineDownload, idParam, refusedAs } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/** Public entry point: the report file attached to a key evaluation (by the evaluation's id), only for its readers; else 404 (audited). */
export const GET = defineDownload<{ id: string }>({
  name: "evaluation.keyReport.download",
  load: async (_request, { actor, db, params }) => {
    const id = idParam(params.id);
    await refusedAs({ type: "key_evaluation_report", id }, loadKeyForReading(db, actor, id));
    const [row] = await db.select().from(keyEvaluationReports).where(eq(keyEvaluationReports.keyEvaluationId, id));
    if (!row) throw new ActionError("not_found");
    return { filename: row.filename, contentType: row.mime, body: row.data };
  },
});
