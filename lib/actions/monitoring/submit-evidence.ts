"use server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { warningDispositions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/actions/result";
import { auditActor } from "@/lib/admin/load";
import { writeAudit } from "@/lib/audit";
import { loadDisposition } from "@/lib/monitoring/load";
import { submitEvidenceInput } from "@/lib/validation/monitoring";

/** Public endpoint: the filer reports what was rectified (整改情况), for finance to accept. */
export const submitRectificationEvidence = defineAction({
  name: "monitoring.submitEvidence",
  permission: "project.write",
  input: submitEvidenceInput,
  success: "monitoring.evidenceSubmitted",
  async run({ actor, db, input }) {
    const loaded = await loadDisposition(db, actor, "project.write", input.dispositionId);
    if (loaded.disposition.kind !== "rectify") throw new ActionError("forbidden", { _form: "workflow.notNow" });
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(warningDispositions)
        .set({ rectificationState: "evidence_submitted", evidence: input.evidence, evidenceAt: new Date(), version: sql`${warningDispositions.version} + 1` })
        .where(
          and(
            eq(warningDispositions.id, input.dispositionId),
            eq(warningDispositions.version, input.version),
            inArray(warningDispositions.rectificationState, ["open"]),
          ),
        )
        .returning({ version: warningDispositions.version });
      if (!row) throw new ActionError("conflict");
      await writeAudit(tx, auditActor(actor), {
        action: "warning_disposition.evidence",
        objectType: "warning_disposition",
        objectId: input.dispositionId,
        before: { rectificationState: loaded.disposition.rectificationState },
        after: { rectificationState: "evidence_submitted", evidence: input.evidence },
      });
      return { version: row.version };
    });
  },
});
