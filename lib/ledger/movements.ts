import Decimal from "decimal.js";
import { eq, sql } from "drizzle-orm";
import { queryRows, type DbOrTx, type Tx } from "@/db/client";
import { budgetMovements, objectives, objectiveVersions } from "@/db/schema";
import type { BudgetMovementKind } from "@/db/schema/ledger";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/**
 * THE writer of the budget ledger (budget_movements, DESIGN §3.11). Every movement goes through
 * `move`, inside the caller's transaction: it locks the subject's objective row (SELECT … FOR
 * UPDATE), so two movements of one subject at once run one after the other and the second sees
 * the first's sums; it checks the movement against those sums, inserts it (the table's trigger adds
 * it to objectives.budget_current / budget_held in the same statement) and writes the audit row.
 * A refusal throws before anything is written; the caller's transaction rolls back with it.
 */

export interface SubjectMoney {
  objectiveId: number;
  fiscalYear: number;
  /** Current budget (元): arranged + adjusted + reclaimed + issued. */
  current: string;
  /** Held (暂缓) and not yet released (元). */
  held: string;
  /** The first 安排's document date, or null: nothing arranged yet. */
  arrangedOn: string | null;
  /** The amount requested in the approved version (a regional part: its allocated amount). */
  requested: string;
  /** Executed so far (元): the largest executed amount reported in a submitted monitoring report or self-evaluation. */
  executed: string;
}

/** The subject's money, read under its row lock (call inside the transaction that moves it). */
export async function lockSubject(tx: Tx, objectiveId: number): Promise<SubjectMoney> {
  const [o] = await tx
    .select({ fiscalYear: objectives.fiscalYear, current: objectives.budgetCurrent, held: objectives.budgetHeld, arrangedOn: objectives.budgetArrangedOn, allocated: objectives.allocatedAmount, approvedVersionId: objectives.approvedVersionId })
    .from(objectives)
    .where(eq(objectives.id, objectiveId))
    .for("update");
  if (!o) throw new ActionError("not_found", undefined, { type: "objective", id: objectiveId });
  const [v] = o.approvedVersionId ? await tx.select({ requested: objectiveVersions.requestedAmount }).from(objectiveVersions).where(eq(objectiveVersions.id, o.approvedVersionId)) : [];
  return {
    objectiveId,
    fiscalYear: o.fiscalYear,
    current: o.current,
    held: o.held,
    arrangedOn: o.arrangedOn,
    requested: o.allocated ?? v?.requested ?? "0",
    executed: await executedOf(tx, objectiveId),
  };
}

/** What has been executed of a subject's budget: the largest figure a submitted report or self-evaluation gave. */
export async function executedOf(db: DbOrTx, objectiveId: number): Promise<string> {
  const [r] = await queryRows<{ executed: string }>(db, sql`
    select greatest(
      coalesce((select max(executed_amount) from monitoring_reports where objective_id = ${objectiveId} and state <> 'draft'), 0),
      coalesce((select max(executed_amount) from self_evaluations where objective_id = ${objectiveId} and state <> 'draft'), 0)
    )::text as executed`);
  return new Decimal(r?.executed ?? "0").toFixed(2);
}

/** A movement as asked for: amounts are positive 元 strings as typed (the sign follows the kind). */
export type MovementRequest =
  | { kind: "arrange"; amount: string; documentNo: string; documentDate: string; reason?: string | null; approvalId?: number | null }
  | { kind: "adjust"; newAmount: string; reason: string; documentNo?: string | null; documentDate?: string | null; dispositionId?: number | null }
  | { kind: "reclaim"; amount: string; reason: string; dispositionId?: number | null }
  | { kind: "hold"; amount: string; reason: string; dispositionId?: number | null }
  | { kind: "release"; amount: string; reason?: string | null; dispositionId?: number | null }
  | { kind: "issue"; amount: string; reason?: string | null };

export interface MovementResult {
  movementId: number;
  kind: BudgetMovementKind;
  /** Signed 元. */
  amount: string;
  /** The subject's sums after the movement. */
  current: string;
  held: string;
}

/** The field a refusal is shown on: `amount` unless the caller's form names it otherwise. */
function refuse(field: string, key: Parameters<typeof msg>[0], vars?: Record<string, string | number>): never {
  throw new ActionError("invalid_input", { [field]: msg(key, vars) });
}

const wan = (yuan: Decimal) => yuan.div(10_000).toFixed();

/**
 * Record one movement on a subject (inside `tx`). `field` names the form field an amount refusal
 * goes to. Checks, on the locked sums:
 * - arrange: once (a second is a conflict: adjust instead); more than requested needs a reason;
 * - adjust: a new amount different from the current, not below what is executed or held;
 * - reclaim: at most what is neither executed nor held (current − max(executed, held) … see below);
 * - hold: at most what is neither executed nor held already; release: at most what is held;
 * - every kind but arrange needs an arranged budget first.
 */
export async function move(tx: Tx, actor: Actor, objectiveId: number, req: MovementRequest, field = "amount"): Promise<MovementResult> {
  const s = await lockSubject(tx, objectiveId);
  const current = new Decimal(s.current);
  const held = new Decimal(s.held);
  const executed = new Decimal(s.executed);
  let signed: Decimal;
  if (req.kind === "arrange") {
    if (s.arrangedOn) throw new ActionError("conflict", { [field]: msg("ledger.alreadyArranged") });
    signed = new Decimal(req.amount);
    if (signed.lte(0)) refuse(field, "ledger.positive");
    if (signed.gt(s.requested) && !req.reason?.trim()) refuse("reason", "ledger.reasonOverRequested", { requested: wan(new Decimal(s.requested)) });
  } else {
    if (!s.arrangedOn && req.kind !== "issue") refuse(field, "ledger.notArranged");
    if (req.kind === "adjust") {
      const target = new Decimal(req.newAmount);
      if (target.lt(0)) refuse(field, "ledger.positive");
      if (target.eq(current)) refuse(field, "ledger.adjustSame");
      if (target.lt(executed)) refuse(field, "ledger.belowExecuted", { executed: wan(executed) });
      if (target.lt(held)) refuse(field, "ledger.belowHeld", { held: wan(held) });
      signed = target.minus(current);
    } else {
      const amount = new Decimal(req.amount);
      if (amount.lte(0)) refuse(field, "ledger.positive");
      if (req.kind === "reclaim") {
        // What may go back to the pool: the budget neither executed nor held (held money is released first).
        const left = Decimal.max(current.minus(executed).minus(held), 0);
        if (amount.gt(left)) refuse(field, "ledger.reclaimTooMuch", { left: wan(left) });
        signed = amount.neg();
      } else if (req.kind === "hold") {
        const free = Decimal.max(current.minus(executed).minus(held), 0);
        if (amount.gt(free)) refuse(field, "ledger.holdTooMuch", { free: wan(free) });
        signed = amount;
      } else if (req.kind === "release") {
        if (amount.gt(held)) refuse(field, "ledger.releaseTooMuch", { held: wan(held) });
        signed = amount.neg();
      } else {
        signed = amount;
      }
    }
  }
  const row = {
    objectiveId,
    fiscalYear: s.fiscalYear,
    kind: req.kind,
    amount: signed.toFixed(2),
    documentNo: "documentNo" in req ? (req.documentNo ?? null) : null,
    documentDate: "documentDate" in req ? (req.documentDate ?? null) : null,
    reason: req.reason?.trim() ? req.reason.trim() : null,
    approvalId: req.kind === "arrange" ? (req.approvalId ?? null) : null,
    dispositionId: "dispositionId" in req ? (req.dispositionId ?? null) : null,
    createdBy: actor.userId,
  };
  const [m] = await tx.insert(budgetMovements).values(row).returning({ id: budgetMovements.id });
  const [after] = await tx.select({ current: objectives.budgetCurrent, held: objectives.budgetHeld }).from(objectives).where(eq(objectives.id, objectiveId));
  await writeAudit(tx, actor, {
    action: `ledger.${req.kind}`,
    objectType: "objective",
    objectId: objectiveId,
    before: { budget: current.toFixed(2), held: held.toFixed(2) },
    after: { movementId: m.id, kind: req.kind, amount: row.amount, documentNo: row.documentNo, documentDate: row.documentDate, reason: row.reason, budget: after.current, held: after.held },
  });
  return { movementId: m.id, kind: req.kind, amount: row.amount, current: after.current, held: after.held };
}
