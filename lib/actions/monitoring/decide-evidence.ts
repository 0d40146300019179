"use server";
import { and, eq, sql } from "drizzle-orm";
import { warningDispositions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadDisposition } from "@/lib/monitoring/load";
import { decideEvidenceInput } from "@/lib/validation/monitoring";

/** Public endpoint: finance accepts the rectification evidence (the task leaves the filer's inbox) or sends it back with a reason. */
export const decideRectificationEvidence = defineAction({
  name: "monitoring.decideEvidence",
  permission: "warning.dispose",
  input: decideEvidenceInput,
  success: "monitoring.evidenceDecided",
  async run({ actor, db, input }) {
    const loaded = await loadDisposition(db, actor, "warning.dispose", input.dispositionId);
    const to = input.accept ? "accepted" : "open";
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(warningDispositions)
        .set({ rectificationState: to, evidenceReview: input.comment, version: sql`${warningDispositions.version} + 1` })
        .where(and(eq(warningDispositions.id, input.dispositionId), eq(warningDispositions.version, input.version), eq(warningDispositions.rectificationState, "evidence_submitted")))
        .returning({ version: warningDispositions.version });
      if (!row) throw new ActionError("conflict");
      await writeAudit(tx, actor, {
        action: input.accept ? "warning_disposition.accept" : "warning_disposition.send_back",
        objectType: "warning_disposition",
        objectId: input.dispositionId,
        before: { rectificationState: loaded.disposition.rectificationState },
        after: { rectificationState: to, comment: input.comment },
      });
      return { version: row.version, state: to };
    });
  },
});
