import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import type { Role } from "@/db/schema/enums";
import { writeAudit, type AuditAction } from "@/lib/audit";
import type { Actor, ObjectPlace } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import { ActionError } from "@/lib/errors";

/**
 * One row of a transition table: `event` takes an object from any state of `from` to `to`, for an
 * actor holding one of `roles` with `permission` over the object's place in the org tree.
 */
export interface Transition<S extends string = string, E extends string = string> {
  event: E;
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  permission: Permission;
  /** The row applies only when this named guard holds on the object (e.g. a unit's objective vs a department's). */
  guard?: string;
  /** Preconditions on facts the caller loads in its transaction; a failing one refuses with `workflow.guard.<name>`. */
  requires?: readonly string[];
}

/** An object as a workflow sees it: its id, state and version, and its place in the org tree. */
export interface WorkflowRef<S extends string = string> extends ObjectPlace {
  id: number;
  state: S;
  version: number;
}

type StateOf<T extends Transition> = T["to"] | T["from"][number];
type EventOf<T extends Transition> = T["event"];
type GuardOf<T extends Transition> = NonNullable<T["guard"]>;
type RequirementOf<T extends Transition> = NonNullable<T["requires"]>[number];
type Row<Tb extends PgTable> = Tb["$inferSelect"];
type Insert<Tb extends PgTable> = Tb["$inferInsert"];

export interface WorkflowSpec<Tb extends PgTable, T extends Transition, R extends WorkflowRef<StateOf<T>>, Q> {
  /** The audit action prefix: a fired event is audited as `${name}.${event}` (registered in lib/audit-actions.ts). */
  name: string;
  /** The audit log's object type of the rows this workflow moves. */
  objectType: string;
  /** What the state diagram is titled (docs/ARCHITECTURE.md). */
  title: string;
  table: Tb;
  stateColumn: keyof Row<Tb> & string;
  idColumn?: keyof Row<Tb> & string;
  versionColumn?: keyof Row<Tb> & string;
  /** Stamped with the time on every fired event, if the table has one. */
  updatedAtColumn?: keyof Row<Tb> & string;
  /** Where an object starts (drawn as [*] --> initial). */
  initial: StateOf<T>;
  transitions: readonly T[];
  /** The named guards the rows use, on the object as the caller loaded it. */
  guards?: Record<GuardOf<T>, (ref: R) => boolean>;
  /** The named preconditions the rows require, on facts loaded by the caller. */
  requirements?: Record<RequirementOf<T>, (facts: Q) => boolean>;
  /**
   * Whether the actor may fire a row on this object. Default: one of the row's roles grants the
   * row's permission over the object's place (lib/auth/scope.ts canOn, narrowed to those roles).
   */
  may?: (actor: Actor, t: T, ref: R) => boolean;
  /** The refusal when no row takes the event from the object's state; default forbidden with workflow.notNow. */
  notNow?: () => ActionError;
}

export interface FireOptions<Tb extends PgTable, T extends Transition, Q> {
  /** More columns written by the same conditional update (a row of the transition may decide them). */
  set?: Partial<Insert<Tb>> | ((t: T) => Partial<Insert<Tb>>);
  /** More facts for the audit row's `after` (and `before`). */
  audit?: Record<string, unknown>;
  auditBefore?: Record<string, unknown>;
  /** The audit row's action, object type or id when the workflow's own naming does not fit. */
  auditAs?: { action?: AuditAction; objectType?: string; objectId?: string | number };
  /** Facts the row's `requires` are checked on, loaded by the caller in the same transaction. */
  facts?: Q;
  /** A last check of the chosen row before anything is written (e.g. a return needs its reason). */
  check?: (t: T) => void;
  /**
   * More writes of the same step, after the state changed and before the audit row (e.g. the
   * disposition a warning's disposal records); what it returns joins the audit row.
   */
  alsoWrite?: (row: Row<Tb>) => Promise<{ audit?: Record<string, unknown>; objectId?: string | number } | void>;
}

export interface Workflow<Tb extends PgTable, T extends Transition, R extends WorkflowRef<StateOf<T>>, Q> {
  readonly name: string;
  readonly title: string;
  readonly objectType: string;
  readonly initial: StateOf<T>;
  readonly transitions: readonly T[];
  /** The row `event` takes from the object's state, given its guards; undefined when the table has none. */
  find(event: EventOf<T>, ref: Omit<R, "id" | "version" | "orgPath" | "regionPath">): T | undefined;
  /** Whether this actor may fire this row on this object (roles, permission, org-tree scope). */
  mayFire(actor: Actor, t: T, ref: R): boolean;
  /**
   * The refusals of `fire`, without writing: a stale version (conflict), no row from this state
   * (notNow), an actor out of role or scope (forbidden), a failing precondition (invalid_input).
   * For callers that check their input after the state (so a decided object is told so first).
   */
  assert(actor: Actor, ref: R, event: EventOf<T>, expectedVersion: number, facts?: Q): T;
  /** The events this actor may fire on this object now: what a page draws as buttons. */
  available(actor: Actor, ref: R): EventOf<T>[];
  /**
   * THE only writer of the state column: the table, the actor's role and scope, the row's
   * preconditions, then a conditional update on the expected state and version and the audit
   * row — in the caller's transaction, so whatever else the caller writes commits with it.
   */
  fire(tx: Tx, actor: Actor, ref: R, event: EventOf<T>, expectedVersion: number, options?: FireOptions<Tb, T, Q>): Promise<{ transition: T; to: StateOf<T>; version: number; row: Row<Tb> }>;
}

/** Declares a state machine: its table, its transitions, who may fire them; answers and fires events. */
export function defineWorkflow<Tb extends PgTable, T extends Transition, R extends WorkflowRef<StateOf<T>> = WorkflowRef<StateOf<T>>, Q = never>(
  spec: WorkflowSpec<Tb, T, R, Q>,
): Workflow<Tb, T, R, Q> {
  const columns = spec.table as unknown as Record<string, PgColumn>;
  const col = (name: string | undefined) => {
    const c = name ? columns[name] : undefined;
    if (!c) throw new Error(`workflow ${spec.name}: no column ${name}`);
    return c;
  };
  const stateCol = col(spec.stateColumn);
  const idCol = col(spec.idColumn ?? "id");
  const versionKey = spec.versionColumn ?? "version";
  const versionCol = col(versionKey);
  for (const t of spec.transitions) {
    if (t.guard && !(spec.guards && t.guard in spec.guards)) throw new Error(`workflow ${spec.name}: guard ${t.guard} is not declared`);
    for (const q of t.requires ?? []) if (!(spec.requirements && q in spec.requirements)) throw new Error(`workflow ${spec.name}: requirement ${q} is not declared`);
  }

  const guardHolds = (t: T, ref: unknown) => !t.guard || (spec.guards as Record<string, (r: unknown) => boolean>)[t.guard](ref);
  const find: Workflow<Tb, T, R, Q>["find"] = (event, ref) =>
    spec.transitions.find((t) => t.event === event && t.from.includes(ref.state) && guardHolds(t, ref));
  const mayFire = (actor: Actor, t: T, ref: R) =>
    spec.may ? spec.may(actor, t, ref) : canOn({ ...actor, roles: actor.roles.filter((r) => t.roles.includes(r)) }, t.permission, ref);

  function assert(actor: Actor, ref: R, event: EventOf<T>, expectedVersion: number, facts?: Q): T {
    const t = find(event, ref);
    if (ref.version !== expectedVersion) throw new ActionError("conflict");
    if (!t) throw spec.notNow ? spec.notNow() : new ActionError("forbidden", { _form: "workflow.notNow" });
    if (!mayFire(actor, t, ref)) throw new ActionError("forbidden", undefined, { type: spec.objectType, id: ref.id });
    if (t.requires?.length) {
      const requirements = spec.requirements as Record<string, (facts: Q) => boolean>;
      if (facts === undefined) throw new Error(`workflow ${spec.name}: ${event} needs facts`);
      const failed = t.requires.find((q) => !requirements[q](facts));
      if (failed) throw new ActionError("invalid_input", { _form: `workflow.guard.${failed}` });
    }
    return t;
  }

  return {
    name: spec.name,
    title: spec.title,
    objectType: spec.objectType,
    initial: spec.initial,
    transitions: spec.transitions,
    find,
    mayFire,
    available(actor, ref) {
      const events = spec.transitions.filter((t) => t.from.includes(ref.state) && guardHolds(t, ref) && mayFire(actor, t, ref)).map((t) => t.event as EventOf<T>);
      return [...new Set(events)];
    },
    assert,
    async fire(tx, actor, ref, event, expectedVersion, options = {}) {
      const t = assert(actor, ref, event, expectedVersion, options.facts);
      options.check?.(t);
      const set = typeof options.set === "function" ? options.set(t) : options.set;
      const values: Record<string, unknown> = { ...set, [spec.stateColumn]: t.to, [versionKey]: sql`${versionCol} + 1` };
      if (spec.updatedAtColumn) values[spec.updatedAtColumn] = new Date();
      const where: SQL = and(eq(idCol, ref.id), eq(stateCol, ref.state), eq(versionCol, expectedVersion))!;
      // The generic table loses drizzle's column typing; the values are keyed by the spec's own column names.
      const rows = (await tx.update(spec.table).set(values as never).where(where).returning()) as Row<Tb>[];
      const row = rows[0];
      if (!row) throw new ActionError("conflict");
      const version = (row as Record<string, unknown>)[versionKey] as number;
      const more = (await options.alsoWrite?.(row)) ?? {};
      await writeAudit(tx, actor, {
        action: options.auditAs?.action ?? (`${spec.name}.${event}` as AuditAction),
        objectType: options.auditAs?.objectType ?? spec.objectType,
        objectId: more.objectId ?? options.auditAs?.objectId ?? ref.id,
        before: { state: ref.state, version: ref.version, ...options.auditBefore },
        after: { state: t.to, version, ...options.audit, ...more.audit },
      });
      return { transition: t, to: t.to as StateOf<T>, version, row };
    },
  };
}

/** Every row of a table as mermaid's stateDiagram-v2 lines. */
export function mermaidOf(w: { initial: string; transitions: readonly Transition[] }): string[] {
  return [
    "stateDiagram-v2",
    `  [*] --> ${w.initial}`,
    ...w.transitions.flatMap((t) => {
      const conditions = [t.guard, ...(t.requires ?? [])].filter(Boolean);
      return t.from.map((f) => `  ${f} --> ${t.to}: ${t.event}${conditions.length ? ` [${conditions.join(", ")}]` : ""} (${t.roles.join(", ")})`);
    }),
  ];
}
