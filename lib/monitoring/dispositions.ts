import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { rectificationFiles, warningDispositions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { recogniseAttachment } from "@/lib/objective/attachment-rules";
import type { decideEvidenceInput, disposeWarningInput, submitEvidenceInput } from "@/lib/validation/monitoring";
import { warningRectificationWorkflow, warningWorkflow } from "@/lib/workflow/machines";
import { loadDisposition, loadWarning } from "./load";
import { move } from "@/lib/ledger/movements";
import { msg } from "@/lib/i18n/core";

/**
 * Finance disposes a warning — continue, rectify by a deadline, adjust the budget (new amount),
 * reclaim funds (amount), suspend funding (amount held) or stop; the money ones write their
 * ledger movement in the disposition's transaction. Once per warning (of two officers at once, one wins); a rectification opens a
 * task in the filer's inbox until its evidence is accepted.
 */
export async function disposeWarning(db: Db, actor: Actor, input: z.output<typeof disposeWarningInput>) {
  const loaded = await loadWarning(db, actor, "warning.dispose", input.warningId);
  if (loaded.disposition) throw new ActionError("conflict");
  const w = loaded.warning;
  const ref = { id: w.id, state: w.state, version: w.version, orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  const rectify = input.kind === "rectify";
  return db.transaction(async (tx) => {
    let dispositionId = 0;
    const { version } = await warningWorkflow.fire(tx, actor, ref, "dispose", input.version, {
      audit: { kind: input.kind, comment: input.comment, rectifyDeadline: rectify ? input.rectifyDeadline : undefined },
      alsoWrite: async () => {
        const [d] = await tx
          .insert(warningDispositions)
          .values({
            warningId: input.warningId,
            kind: input.kind,
            comment: input.comment,
            rectifyDeadline: rectify ? input.rectifyDeadline : null,
            rectificationState: rectify ? "open" : null,
            decidedBy: actor.userId,
          })
          .returning({ id: warningDispositions.id });
        dispositionId = d.id;
        // The money effect, in the same transaction: a refusal (over what is left, below what is executed) undoes the disposition.
        const objectiveId = w.objectiveId;
        const reason = input.comment;
        let movement = null;
        if (input.kind === "adjust_budget" && input.amount !== undefined) movement = await move(tx, actor, objectiveId, { kind: "adjust", newAmount: input.amount, reason, dispositionId: d.id });
        else if (input.kind === "reclaim" && input.amount !== undefined) movement = await move(tx, actor, objectiveId, { kind: "reclaim", amount: input.amount, reason, dispositionId: d.id });
        else if (input.kind === "suspend" && input.amount !== undefined) movement = await move(tx, actor, objectiveId, { kind: "hold", amount: input.amount, reason, dispositionId: d.id });
        return { audit: { dispositionId: d.id, movement: movement ? { kind: movement.kind, amount: movement.amount, budget: movement.current } : undefined } };
      },
    });
    return { dispositionId, version };
  });
}

/** The filer reports what was rectified (整改情况), with evidence files, for finance to accept. */
export async function submitRectificationEvidence(db: Db, actor: Actor, input: z.output<typeof submitEvidenceInput>) {
  const loaded = await loadDisposition(db, actor, "project.write", input.dispositionId);
  const d = loaded.disposition;
  if (d.kind !== "rectify" || !d.rectificationState) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  const files: { filename: string; mime: string; data: Buffer }[] = [];
  for (const [i, f] of input.files.entries()) {
    const data = Buffer.from(await f.arrayBuffer());
    const type = recogniseAttachment(f.name, data.subarray(0, 8));
    if (!type) throw new ActionError("invalid_input", { [`files.${i}`]: msg("rules.fileTypesNamed", { name: f.name }) });
    files.push({ filename: f.name.slice(-200), mime: type.mime, data });
  }
  const ref = { id: d.id, state: d.rectificationState, version: d.version, orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  return db.transaction(async (tx) => {
    const { version } = await warningRectificationWorkflow.fire(tx, actor, ref, "evidence", input.version, {
      set: { evidence: input.evidence, evidenceAt: new Date() },
      audit: { evidence: input.evidence, files: files.map((f) => ({ filename: f.filename, size: f.data.length })) },
      alsoWrite: async () => {
        if (files.length) {
          await tx.insert(rectificationFiles).values(files.map((f) => ({ dispositionId: input.dispositionId, ...f, size: f.data.length, uploadedBy: actor.userId })));
        }
      },
    });
    return { version };
  });
}

/** Finance accepts the rectification evidence (the task leaves the filer's inbox) or sends it back with a reason. */
export async function decideRectificationEvidence(db: Db, actor: Actor, input: z.output<typeof decideEvidenceInput>) {
  const loaded = await loadDisposition(db, actor, "warning.dispose", input.dispositionId);
  const d = loaded.disposition;
  if (!d.rectificationState) throw new ActionError("conflict");
  const ref = { id: d.id, state: d.rectificationState, version: d.version, orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  return db.transaction(async (tx) => {
    const { version, to } = await warningRectificationWorkflow.fire(tx, actor, ref, input.accept ? "accept" : "send_back", input.version, {
      set: { evidenceReview: input.comment },
      audit: { comment: input.comment },
    });
    return { version, state: to };
  });
}
