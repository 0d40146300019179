import { ActionError } from "@/lib/errors";
import { defineDownload, uuidParam } from "@/lib/http/download";
import { evidenceBytes, evidenceMeta, mayReadEvidence } from "@/lib/indicator/page-queries";

export const dynamic = "force-dynamic";

/**
 * Public entry point: download an evidence file (依据材料) of an indicator change request.
 * Signed-in users only; finance admins, or the organisation that proposed the request. Anyone
 * else gets 404, exactly like a missing file, and the refused reach is audited.
 */
export const GET = defineDownload<{ id: string }>({
  name: "indicator.evidence.download",
  load: async (_request, { actor, db, params }) => {
    const id = uuidParam(params.id);
    const meta = await evidenceMeta(db, id);
    if (!meta) throw new ActionError("not_found");
    if (!mayReadEvidence(actor, meta.proposerOrgId)) throw new ActionError("not_found", undefined, { type: "indicatorEvidence", id });
    // The bytes only once the reader is known to be allowed them.
    const data = await evidenceBytes(db, id);
    if (!data) throw new ActionError("not_found");
    return { filename: meta.filename, contentType: meta.mime, body: data };
  },
});
