import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { objectives, projects, type ObjectiveState, type OrgKind, type ProjectState } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor, ObjectPlace } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import type { Role } from "@/db/schema/enums";
import { findObjectiveTransition, OBJECTIVE_TRANSITIONS, objectiveGuardHolds, type ObjectiveEvent, type ObjectiveTransition } from "./objective";
import { failedProjectGuards, findProjectTransition, PROJECT_TRANSITIONS, type ProjectEvent, type ProjectFacts, type ProjectTransition } from "./project";

/** An objective as the workflow sees it. */
export interface ObjectiveRef extends ObjectPlace {
  id: number;
  state: ObjectiveState;
  version: number;
  ownerKind: OrgKind;
  isAdjustment: boolean;
}

function actorMay(actor: Actor, t: { roles: readonly Role[]; permission: Permission }, place: ObjectPlace) {
  // Only the roles this row names count, each within its scope for the row's permission.
  const narrowed = { ...actor, roles: actor.roles.filter((r) => t.roles.includes(r)) };
  return canOn(narrowed, t.permission, place);
}

/** The events this actor may fire on this objective now: what the page draws as buttons. */
export function availableObjectiveEvents(actor: Actor, o: ObjectiveRef): ObjectiveEvent[] {
  const facts = { ownerKind: o.ownerKind, isAdjustment: o.isAdjustment };
  const events = OBJECTIVE_TRANSITIONS.filter(
    (t) => t.from.includes(o.state) && objectiveGuardHolds(t.guard, facts) && actorMay(actor, t, o),
  ).map((t) => t.event);
  return [...new Set(events)];
}

/**
 * THE only writer of objectives.state: checks the transition table, the actor's role and scope,
 * then a conditional update on the expected state and version, and the audit row — inside the
 * caller's transaction, so whatever else the caller writes (a review, a new version) commits with it.
 */
export async function transitionObjective(
  tx: Tx,
  actor: Actor,
  o: ObjectiveRef,
  event: ObjectiveEvent,
  expectedVersion: number,
  extra: { set?: Partial<typeof objectives.$inferInsert>; audit?: Record<string, unknown> } = {},
): Promise<{ transition: ObjectiveTransition; version: number }> {
  const t = findObjectiveTransition(event, o.state, { ownerKind: o.ownerKind, isAdjustment: o.isAdjustment });
  if (o.version !== expectedVersion) throw new ActionError("conflict");
  if (!t) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (!actorMay(actor, t, o)) throw new ActionError("forbidden", undefined, { type: "objective", id: o.id });
  const [row] = await tx
    .update(objectives)
    .set({ ...extra.set, state: t.to, version: sql`${objectives.version} + 1`, updatedAt: new Date() })
    .where(and(eq(objectives.id, o.id), eq(objectives.state, o.state), eq(objectives.version, expectedVersion)))
    .returning({ version: objectives.version });
  if (!row) throw new ActionError("conflict");
  await writeAudit(tx, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, {
    action: `objective.${event}`,
    objectType: "objective",
    objectId: o.id,
    before: { state: o.state, version: o.version },
    after: { state: t.to, version: row.version, ...extra.audit },
  });
  return { transition: t, version: row.version };
}

export interface ProjectRef extends ObjectPlace {
  id: number;
  state: ProjectState;
  version: number;
}

export function availableProjectEvents(actor: Actor, p: ProjectRef): ProjectEvent[] {
  return PROJECT_TRANSITIONS.filter((t) => t.from.includes(p.state) && actorMay(actor, t, p)).map((t) => t.event);
}

/** THE only writer of projects.state; guards are checked against facts the caller loaded in the same transaction. */
export async function transitionProject(
  tx: Tx,
  actor: Actor,
  p: ProjectRef,
  event: ProjectEvent,
  expectedVersion: number,
  facts: ProjectFacts,
  reason?: string | null,
): Promise<{ transition: ProjectTransition; version: number }> {
  const t = findProjectTransition(event, p.state);
  if (p.version !== expectedVersion) throw new ActionError("conflict");
  if (!t) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (!actorMay(actor, t, p)) throw new ActionError("forbidden", undefined, { type: "project", id: p.id });
  const failed = failedProjectGuards(t.guards, facts);
  if (failed.length) throw new ActionError("invalid_input", { _form: `workflow.guard.${failed[0]}` });
  const [row] = await tx
    .update(projects)
    .set({ state: t.to, version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, p.id), eq(projects.state, p.state), eq(projects.version, expectedVersion)))
    .returning({ version: projects.version });
  if (!row) throw new ActionError("conflict");
  await writeAudit(tx, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, {
    action: `project.${event}`,
    objectType: "project",
    objectId: p.id,
    before: { state: p.state },
    after: { state: t.to, reason: reason ?? undefined },
  });
  return { transition: t, version: row.version };
}
