import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { indicators, objectiveIndicators, objectives, objectiveVersions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { stepChanges } from "@/lib/audit-diff";
import { canOn } from "@/lib/auth/scope";
import { loadIndicators, loadObjective } from "@/lib/objective/load";
import type { Db } from "@/db/client";
import { saveStepInput } from "@/lib/validation/objective";
import { EDITABLE_STATES } from "@/lib/workflow/objective";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/**
 * Save one step of the declaration wizard. Saves only while the objective is a
 * draft or returned, and only over the content the tab loaded: the version's edit counter must
 * match, so a stale second tab gets a conflict instead of overwriting newer work.
 * The state is checked again inside the transaction under a lock on the objective's row, which a
 * submission also takes (its conditional update): a save and a submission at once are one after
 * the other, so a save never lands on a version already submitted (it gets a conflict), and a
 * submission after a save re-checks the counter it checked completeness on (submit-objective.ts).
 */
export async function saveDeclarationStep(db: Db, actor: Actor, input: z.output<typeof saveStepInput>) {
  const { version, objective, ref } = await loadObjective(db, actor, "project.write", input.objectiveId);
  if (!canOn(actor, "project.write", ref) || !EDITABLE_STATES.includes(objective.state)) {
    throw new ActionError("forbidden", { _form: "workflow.notEditable" });
  }
  // A department-overall objective has its own first two steps; a project or transfer has the others.
  const department = objective.subjectKind === "department";
  if (department !== (input.step === "deptBasic" || input.step === "keyTasks") && input.step !== 3) {
    throw new ActionError("invalid_input", { _form: "deptObjective.wrongStep" });
  }
  if (input.step === 3) await refuseUnknownIndicators(db, input.data.indicators);
  return db.transaction(async (tx) => {
    const [now] = await tx
      .select({ state: objectives.state, currentVersionId: objectives.currentVersionId })
      .from(objectives)
      .where(eq(objectives.id, objective.id))
      .for("update");
    if (!now || !EDITABLE_STATES.includes(now.state) || now.currentVersionId !== version.id) {
      throw new ActionError("conflict", { _form: "workflow.notEditable" });
    }
    const oldIndicators = input.step === 3 ? await loadIndicators(tx, version.id) : [];
    const set: Partial<typeof objectiveVersions.$inferInsert> = { updatedAt: new Date() };
    if (input.step === 1) set.basic = input.data;
    if (input.step === "deptBasic") set.basic = { ...(version.basic as object), ...input.data };
    if (input.step === "keyTasks") {
      set.keyTasks = input.data.tasks;
      set.requestedAmount = input.data.requestedAmount;
    }
    if (input.step === 2) {
      set.funding = input.data.rows;
      set.requestedAmount = input.data.requestedAmount;
      set.fundUses = input.data.fundUses;
    }
    if (input.step === 3) {
      set.plan = input.data.plan;
      set.overallGoal = input.data.overallGoal;
      set.annualGoal = input.data.annualGoal;
    }
    const [row] = await tx
      .update(objectiveVersions)
      .set({ ...set, editVersion: sql`${objectiveVersions.editVersion} + 1` })
      .where(and(eq(objectiveVersions.id, version.id), eq(objectiveVersions.editVersion, input.editVersion)))
      .returning({ editVersion: objectiveVersions.editVersion });
    if (!row) throw new ActionError("conflict");
    if (input.step === 3) {
      await tx.delete(objectiveIndicators).where(eq(objectiveIndicators.versionId, version.id));
      if (input.data.indicators.length) {
        await tx.insert(objectiveIndicators).values(input.data.indicators.map((r, i) => ({ ...r, versionId: version.id, ordinal: i + 1 })));
      }
    }
    // Keep the list columns of the objective in step with its content.
    if (input.step !== 3) {
      await tx
        .update(objectives)
        .set(input.step === 1 || input.step === "deptBasic" ? { title: input.data.name } : { requestedAmount: input.data.requestedAmount })
        .where(eq(objectives.id, objective.id));
    }
    await writeAudit(tx, actor, {
      action: "objective.saveStep",
      objectType: "objective",
      objectId: objective.id,
      after: { step: input.step, versionNumber: version.number, editVersion: row.editVersion, ...stepChanges(version, oldIndicators, input) },
    });
    return { editVersion: row.editVersion };
  });
}

/** A row chosen from the bank names an indicator that exists: a message on that row, never a foreign-key error. */
async function refuseUnknownIndicators(db: Db, rows: readonly { indicatorId: number | null }[]) {
  const wanted = [...new Set(rows.map((r) => r.indicatorId).filter((v): v is number => v !== null))];
  if (!wanted.length) return;
  const found = new Set((await db.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, wanted))).map((r) => r.id));
  const errors: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r.indicatorId !== null && !found.has(r.indicatorId)) errors[`data.indicators.${i}.indicatorId`] = msg("rules.noSuchBankIndicator");
  });
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
}
