import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { indicatorChangeRequests, indicatorEvidence } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { MAX_ATTACHMENT_BYTES, recogniseAttachment } from "@/lib/objective/attachment-rules";
import { id, storable, UNSTORABLE_REF } from "@/lib/validation/common";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/** The input of uploadChangeEvidence (the action in lib/actions/indicator/upload-evidence.ts). */
export const uploadChangeEvidenceInput = z.strictObject({
    requestId: id,
    file: z
      .instanceof(File, { message: msg("rules.chooseFile") })
      .refine((f) => storable(f.name), UNSTORABLE_REF)
      .refine((f) => f.size > 0, msg("rules.emptyFile"))
      .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, msg("rules.fileTooBig")),
  });

/** Attach an evidence file (依据材料) to one's own pending change request. */
export async function uploadChangeEvidence(db: Db, actor: Actor, input: z.output<typeof uploadChangeEvidenceInput>) {
  const [req] = await db.select().from(indicatorChangeRequests).where(eq(indicatorChangeRequests.id, input.requestId));
  if (!req || req.proposerOrgId !== actor.orgId) throw new ActionError("not_found", undefined, { type: "indicatorChange", id: input.requestId });
  if (req.status !== "pending") throw new ActionError("forbidden", { _form: "workflow.notNow" });
  const data = Buffer.from(await input.file.arrayBuffer());
  const type = recogniseAttachment(input.file.name, data.subarray(0, 8));
  if (!type) throw new ActionError("invalid_input", { file: msg("rules.fileTypes") });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorEvidence)
      .values({ requestId: req.id, filename: input.file.name.slice(-200), mime: type.mime, size: data.length, data })
      .returning({ id: indicatorEvidence.id });
    await writeAudit(tx, actor, {
      action: "indicator.evidence",
      objectType: "indicator",
      objectId: req.indicatorCode ?? `request:${req.id}`,
      after: { requestId: req.id, filename: input.file.name, size: data.length },
    });
    return { id: row.id };
  });
}
