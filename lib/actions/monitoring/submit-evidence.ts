"use server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { rectificationFiles, warningDispositions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadDisposition } from "@/lib/monitoring/load";
import { recogniseAttachment } from "@/lib/objective/attachment-rules";
import { submitEvidenceInput } from "@/lib/validation/monitoring";
import { msg } from "@/lib/i18n/core";

/** Public endpoint: the filer reports what was rectified (整改情况), with evidence files, for finance to accept. */
export const submitRectificationEvidence = defineAction({
  name: "monitoring.submitEvidence",
  permission: "project.write",
  input: submitEvidenceInput,
  success: "monitoring.evidenceSubmitted",
  async run({ actor, db, input }) {
    const loaded = await loadDisposition(db, actor, "project.write", input.dispositionId);
    if (loaded.disposition.kind !== "rectify") throw new ActionError("forbidden", { _form: "workflow.notNow" });
    const files: { filename: string; mime: string; data: Buffer }[] = [];
    for (const [i, f] of input.files.entries()) {
      const data = Buffer.from(await f.arrayBuffer());
      const type = recogniseAttachment(f.name, data.subarray(0, 8));
      if (!type) throw new ActionError("invalid_input", { [`files.${i}`]: msg("rules.fileTypesNamed", { name: f.name }) });
      files.push({ filename: f.name.slice(-200), mime: type.mime, data });
    }
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
      if (files.length) {
        await tx.insert(rectificationFiles).values(files.map((f) => ({ dispositionId: input.dispositionId, ...f, size: f.data.length, uploadedBy: actor.userId })));
      }
      await writeAudit(tx, actor, {
        action: "warning_disposition.evidence",
        objectType: "warning_disposition",
        objectId: input.dispositionId,
        before: { rectificationState: loaded.disposition.rectificationState },
        after: { rectificationState: "evidence_submitted", evidence: input.evidence, files: files.map((f) => ({ filename: f.filename, size: f.data.length })) },
      });
      return { version: row.version };
    });
  },
});
