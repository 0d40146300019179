import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { selfEvaluations, type SelfEvaluationState } from "@/db/schema";
import type { OrgKind, Role } from "@/db/schema/enums";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor, ObjectPlace } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";

/**
 * THE self-evaluation workflow (DESIGN §3.7): filled by the unit, reviewed by its department,
 * accepted by finance. A department's own self-evaluation goes straight to finance. Pages draw
 * their buttons from this table and the writer below refuses anything it does not list.
 *
 *   draft ─submit─► dept_review ─dept_pass─► finance_review ─finance_accept─► accepted
 *     ▲                 │                        │
 *  returned ◄─dept_return┘◄──── finance_return ──┘   (returned ─submit─► again)
 */
export const SELF_EVALUATION_EVENTS = ["submit", "dept_pass", "dept_return", "finance_accept", "finance_return"] as const;
export type SelfEvaluationEvent = (typeof SELF_EVALUATION_EVENTS)[number];

export interface SelfEvaluationTransition {
  event: SelfEvaluationEvent;
  from: readonly SelfEvaluationState[];
  to: SelfEvaluationState;
  roles: readonly Role[];
  permission: Permission;
  owner?: OrgKind;
  /** A reason must be given (returns). */
  needsReason?: boolean;
}

const FILERS = ["unit_filer", "dept_reviewer"] as const;
const FINANCE = ["finance_reviewer", "finance_admin"] as const;

export const SELF_EVALUATION_TRANSITIONS: readonly SelfEvaluationTransition[] = [
  { event: "submit", from: ["draft", "returned"], to: "dept_review", roles: FILERS, permission: "project.write", owner: "unit" },
  { event: "submit", from: ["draft", "returned"], to: "finance_review", roles: FILERS, permission: "project.write", owner: "department" },
  { event: "dept_pass", from: ["dept_review"], to: "finance_review", roles: ["dept_reviewer"], permission: "evaluation.review.department" },
  { event: "dept_return", from: ["dept_review"], to: "returned", roles: ["dept_reviewer"], permission: "evaluation.review.department", needsReason: true },
  { event: "finance_accept", from: ["finance_review"], to: "accepted", roles: FINANCE, permission: "evaluation.review.finance" },
  { event: "finance_return", from: ["finance_review"], to: "returned", roles: FINANCE, permission: "evaluation.review.finance", needsReason: true },
];

export interface SelfEvaluationRef extends ObjectPlace {
  id: number;
  state: SelfEvaluationState;
  version: number;
  ownerKind: OrgKind;
}

function find(event: SelfEvaluationEvent, ref: SelfEvaluationRef) {
  return SELF_EVALUATION_TRANSITIONS.find((t) => t.event === event && t.from.includes(ref.state) && (!t.owner || t.owner === ref.ownerKind));
}

function actorMay(actor: Actor, t: SelfEvaluationTransition, place: ObjectPlace) {
  return canOn({ ...actor, roles: actor.roles.filter((r) => t.roles.includes(r)) }, t.permission, place);
}

/** Events this actor may fire now: the buttons a page shows. */
export function availableSelfEvaluationEvents(actor: Actor, ref: SelfEvaluationRef): SelfEvaluationEvent[] {
  return [...new Set(SELF_EVALUATION_TRANSITIONS.filter((t) => t.from.includes(ref.state) && (!t.owner || t.owner === ref.ownerKind) && actorMay(actor, t, ref)).map((t) => t.event))];
}

/**
 * THE only writer of self_evaluations.state: the table, the actor's role and scope, then a
 * conditional update on the expected state and version with its audit row, in the caller's transaction.
 */
export async function transitionSelfEvaluation(
  tx: Tx,
  actor: Actor,
  ref: SelfEvaluationRef,
  event: SelfEvaluationEvent,
  expectedVersion: number,
  extra: { set?: Partial<typeof selfEvaluations.$inferInsert>; audit?: Record<string, unknown>; reason?: string | null } = {},
) {
  const t = find(event, ref);
  if (ref.version !== expectedVersion) throw new ActionError("conflict");
  if (!t) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (!actorMay(actor, t, ref)) throw new ActionError("forbidden", undefined, { type: "self_evaluation", id: ref.id });
  if (t.needsReason && !extra.reason) throw new ActionError("invalid_input", { reason: "evaluation.errors.reasonRequired" });
  const [row] = await tx
    .update(selfEvaluations)
    .set({
      ...extra.set,
      ...(t.needsReason ? { returnReason: extra.reason } : {}),
      state: t.to,
      version: sql`${selfEvaluations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(selfEvaluations.id, ref.id), eq(selfEvaluations.state, ref.state), eq(selfEvaluations.version, expectedVersion)))
    .returning({ version: selfEvaluations.version });
  if (!row) throw new ActionError("conflict");
  await writeAudit(tx, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, {
    action: `selfEvaluation.${event}`,
    objectType: "self_evaluation",
    objectId: ref.id,
    before: { state: ref.state, version: ref.version },
    after: { state: t.to, version: row.version, reason: extra.reason ?? undefined, ...extra.audit },
  });
  return { transition: t, version: row.version };
}
