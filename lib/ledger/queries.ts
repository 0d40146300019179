import "server-only";
import Decimal from "decimal.js";
import { asc, eq, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { budgetMovements, objectives, users } from "@/db/schema";

/**
 * One subject's ledger for its page (the caller has already loaded the objective scoped to the
 * reader): its sums as the database keeps them, the original arrangement (安排 + 下达) and every
 * movement, oldest first.
 */
export async function ledgerOf(db: DbOrTx, objectiveId: number) {
  const [[o], rows] = await Promise.all([
    db.select({ current: objectives.budgetCurrent, held: objectives.budgetHeld, arrangedOn: objectives.budgetArrangedOn }).from(objectives).where(eq(objectives.id, objectiveId)),
    db
      .select({
        id: budgetMovements.id,
        kind: budgetMovements.kind,
        amount: budgetMovements.amount,
        documentNo: budgetMovements.documentNo,
        documentDate: budgetMovements.documentDate,
        reason: budgetMovements.reason,
        dispositionId: budgetMovements.dispositionId,
        createdAt: budgetMovements.createdAt,
        byName: users.displayName,
      })
      .from(budgetMovements)
      .innerJoin(users, eq(users.id, budgetMovements.createdBy))
      .where(eq(budgetMovements.objectiveId, objectiveId))
      .orderBy(asc(budgetMovements.id)),
  ]);
  const original = rows.filter((m) => m.kind === "arrange" || m.kind === "issue").reduce((s, m) => s.plus(m.amount), new Decimal(0));
  return { current: o?.current ?? "0.00", held: o?.held ?? "0.00", arrangedOn: o?.arrangedOn ?? null, original: original.toFixed(2), movements: rows };
}
export type Ledger = Awaited<ReturnType<typeof ledgerOf>>;

/**
 * What finance sees beside the 安排预算 form of a subject: the amount requested in its approved
 * version (a region's part: its allocation), the latest ex-ante appraisal's conclusion of its
 * project, and the confirmed result-application proposal for that year (the suggested amount).
 */
export async function arrangeContext(db: DbOrTx, objectiveId: number) {
  const rows = await queryRows<{ requested: string | null; conclusion: string | null; suggested: string | null; fiscal_year: number; arranged_on: string | null; approved: boolean }>(
    db,
    sql`select coalesce(o.allocated_amount, v.requested_amount)::text as requested,
          (select a.conclusion::text from appraisals a where a.project_id = o.project_id order by a.fiscal_year desc, a.id desc limit 1) as conclusion,
          (select bp.confirmed_amount::text from budget_proposals bp where bp.project_id = o.project_id and bp.fiscal_year = o.fiscal_year and bp.confirmed_amount is not null order by bp.id desc limit 1) as suggested,
          o.fiscal_year, o.budget_arranged_on::text as arranged_on, o.approved_version_id is not null as approved
        from objectives o left join objective_versions v on v.id = o.approved_version_id where o.id = ${objectiveId}`,
  );
  const r = rows[0];
  return r ? { objectiveId, fiscalYear: Number(r.fiscal_year), requested: r.requested ?? "0.00", conclusion: r.conclusion, suggested: r.suggested, arrangedOn: r.arranged_on, approved: r.approved } : null;
}
export type ArrangeContext = NonNullable<Awaited<ReturnType<typeof arrangeContext>>>;
