import { eq } from "drizzle-orm";
import { selfEvaluationEvidence } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { loadSelfEvaluation } from "@/lib/evaluation/load";
import { defineDownload, refusedAs, uuidParam } from "@/lib/http/download";

export const dynamic = "force-dynamic";

/** Public entry point: one evidence file of a self-evaluation, only for readers of that self-evaluation; else 404 (audited). */
export const GET = defineDownload<{ id: string }>({
  name: "evaluation.evidence.download",
  load: async (_request, { actor, db, params }) => {
    const id = uuidParam(params.id);
    const [row] = await db.select().from(selfEvaluationEvidence).where(eq(selfEvaluationEvidence.id, id));
    if (!row) throw new ActionError("not_found");
    await refusedAs({ type: "self_evaluation_evidence", id }, loadSelfEvaluation(db, actor, "project.read", row.selfEvaluationId));
    return { filename: row.filename, contentType: row.mime, body: row.data };
  },
});
