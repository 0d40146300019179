import { asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { orgs, rectificationTasks, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn, scopeWhere } from "@/lib/auth/scope";
import { todayIso } from "@/lib/format";
import { rectificationWorkflow } from "@/lib/workflow/machines";
import type { RectificationEvent } from "@/lib/workflow/evaluation";
import { loadSelfEvaluation } from "./load";

/**
 * Rectification tasks (整改, DESIGN §3.8): finance sets one on an evaluated subject with a
 * requirement and a deadline; the unit answers with its evidence; finance closes it. A task past
 * its deadline and not closed is overdue.
 *
 *   open ─submit(evidence)─► submitted ─close─► closed
 *     ▲                          │
 *     └──────── reopen ──────────┘
 * (the table: lib/workflow/evaluation.ts; the engine moves it: rectificationWorkflow)
 */

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

export async function moveRectification(db: Db, actor: Actor, input: { taskId: number; version: number; move: RectificationEvent; evidence: string | null }) {
  // Out of the scope of the move's permission, the task reads as missing.
  const permission = rectificationWorkflow.transitions.find((t) => t.event === input.move)!.permission;
  const [row] = await db
    .select({ task: rectificationTasks, orgPath: orgs.path, regionPath: regions.path })
    .from(rectificationTasks)
    .innerJoin(orgs, eq(orgs.id, rectificationTasks.ownerOrgId))
    .innerJoin(regions, eq(regions.id, rectificationTasks.regionId))
    .where(eq(rectificationTasks.id, input.taskId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "rectification_task", id: input.taskId });
  }
  const ref = { id: row.task.id, state: row.task.state, version: row.task.version, orgPath: row.orgPath, regionPath: row.regionPath };
  return db.transaction(async (tx) => {
    const { version, to } = await rectificationWorkflow.fire(tx, actor, ref, input.move, input.version, {
      check: () => {
        if (input.move === "submit" && !input.evidence) throw new ActionError("invalid_input", { evidence: "evaluation.rectification.evidenceRequired" });
      },
      set: input.move === "submit" ? { evidence: input.evidence } : {},
      audit: { evidence: input.evidence ?? undefined },
    });
    return { version, state: to };
  });
}

/** Tasks the actor reaches (a unit its own; a department its units'; finance its region's), open ones by deadline, with the overdue flag. */
export async function listRectifications(db: DbOrTx, actor: Actor, today = todayIso()) {
  const rows = await db
    .select({ task: rectificationTasks, ownerName: orgs.name, orgPath: orgs.path, regionPath: regions.path })
    .from(rectificationTasks)
    .innerJoin(orgs, eq(orgs.id, rectificationTasks.ownerOrgId))
    .innerJoin(regions, eq(regions.id, rectificationTasks.regionId))
    .where(scopeWhere(actor, "project.read", { orgPath: orgs.path, regionPath: regions.path }))
    .orderBy(sql`${rectificationTasks.state} = 'closed'`, asc(rectificationTasks.deadline), asc(rectificationTasks.id))
    .limit(200);
  return rows.map((r) => ({ ...r, overdue: r.task.state !== "closed" && r.task.deadline < today }));
}
