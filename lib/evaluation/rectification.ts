import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { orgs, rectificationTasks, regions, type RectificationTaskState } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn, scopeWhere } from "@/lib/auth/scope";
import { todayIso } from "@/lib/format";
import { loadSelfEvaluation } from "./load";

/**
 * Rectification tasks (整改, DESIGN §3.8): finance sets one on an evaluated subject with a
 * requirement and a deadline; the unit answers with its evidence; finance closes it. A task past
 * its deadline and not closed is overdue.
 *
 *   open ─submit(evidence)─► submitted ─close─► closed
 *     ▲                          │
 *     └──────── reopen ──────────┘
 */
const MOVES: Record<"submit" | "close" | "reopen", { from: RectificationTaskState; to: RectificationTaskState; permission: Permission }> = {
  submit: { from: "open", to: "submitted", permission: "project.write" },
  close: { from: "submitted", to: "closed", permission: "evaluation.review.finance" },
  reopen: { from: "submitted", to: "open", permission: "evaluation.review.finance" },
};

export async function createRectification(db: Db, actor: Actor, input: { selfEvaluationId: number; requirement: string; deadline: string }) {
  const { se } = await loadSelfEvaluation(db, actor, "evaluation.review.finance", input.selfEvaluationId);
  if (se.state !== "accepted") throw new ActionError("invalid_input", { _form: "evaluation.rectification.notAccepted" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rectificationTasks)
      .values({ selfEvaluationId: se.id, ownerOrgId: se.ownerOrgId, regionId: se.regionId, requirement: input.requirement, deadline: input.deadline, createdBy: actor.userId })
      .returning();
    await writeAudit(tx, actor, { action: "rectification.create", objectType: "rectification_task", objectId: row.id, after: { selfEvaluationId: se.id, deadline: input.deadline } });
    return { id: row.id, version: row.version };
  });
}

export async function moveRectification(db: Db, actor: Actor, input: { taskId: number; version: number; move: keyof typeof MOVES; evidence: string | null }) {
  const m = MOVES[input.move];
  const [row] = await db
    .select({ task: rectificationTasks, orgPath: orgs.path, regionPath: regions.path })
    .from(rectificationTasks)
    .innerJoin(orgs, eq(orgs.id, rectificationTasks.ownerOrgId))
    .innerJoin(regions, eq(regions.id, rectificationTasks.regionId))
    .where(eq(rectificationTasks.id, input.taskId));
  if (!row || !canOn(actor, m.permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "rectification_task", id: input.taskId });
  }
  if (row.task.state !== m.from) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (row.task.version !== input.version) throw new ActionError("conflict");
  if (input.move === "submit" && !input.evidence) throw new ActionError("invalid_input", { evidence: "evaluation.rectification.evidenceRequired" });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(rectificationTasks)
      .set({ state: m.to, ...(input.move === "submit" ? { evidence: input.evidence } : {}), version: sql`${rectificationTasks.version} + 1` })
      .where(and(eq(rectificationTasks.id, row.task.id), eq(rectificationTasks.state, m.from), eq(rectificationTasks.version, input.version)))
      .returning({ version: rectificationTasks.version });
    if (!updated) throw new ActionError("conflict");
    await writeAudit(tx, actor, { action: `rectification.${input.move}`, objectType: "rectification_task", objectId: row.task.id, before: { state: m.from }, after: { state: m.to, evidence: input.evidence ?? undefined } });
    return { version: updated.version, state: m.to };
  });
}

/** Tasks the actor reaches (a unit its own; a department its units'; finance its region's), open ones by deadline, with the overdue flag. */
export async function listRectifications(db: DbOrTx, actor: Actor, today = todayIso()) {
  const rows = await db
    .select({ task: rectificationTasks, ownerName: orgs.name })
    .from(rectificationTasks)
    .innerJoin(orgs, eq(orgs.id, rectificationTasks.ownerOrgId))
    .innerJoin(regions, eq(regions.id, rectificationTasks.regionId))
    .where(scopeWhere(actor, "project.read", { orgPath: orgs.path, regionPath: regions.path }))
    .orderBy(sql`${rectificationTasks.state} = 'closed'`, asc(rectificationTasks.deadline), asc(rectificationTasks.id))
    .limit(200);
  return rows.map((r) => ({ ...r, overdue: r.task.state !== "closed" && r.task.deadline < today }));
}
