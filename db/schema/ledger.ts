import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, numeric, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { objectives } from "./objective";
import { orgs, regions } from "./org";
import { warningDispositions } from "./monitoring";

/**
 * The money line (DESIGN §3.11): every subject's budget for a year is a ledger of movements.
 * A subject-year is an objective row (a project's, a department's overall, a transfer payment's
 * overall or one region's part), so the ledger hangs on `objective_id`.
 *
 * Kinds and signs (checked by the table):
 * - arrange  安排  > 0, with 批复文号 and date
 * - adjust   调整  ≠ 0, with a reason
 * - reclaim  收回  < 0 (back to the fund pool)
 * - hold     暂缓  > 0: an amount held (not spendable) — counts in `held`, not in the budget
 * - release  恢复  < 0: a held amount released
 * - issue    下达  > 0: a transfer payment's part issued to a region (on the regional objective)
 */
export const BUDGET_MOVEMENT_KINDS = ["arrange", "adjust", "reclaim", "hold", "release", "issue"] as const;
export type BudgetMovementKind = (typeof BUDGET_MOVEMENT_KINDS)[number];
export const budgetMovementKindEnum = pgEnum("budget_movement_kind", BUDGET_MOVEMENT_KINDS);

/** Finance's 批复 of one department's budget for a year: one act, its objectives with their arranged amounts. */
export const budgetApprovals = pgTable(
  "budget_approvals",
  {
    id: serial("id").primaryKey(),
    departmentOrgId: integer("department_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    documentNo: varchar("document_no", { length: 60 }).notNull(),
    documentDate: date("document_date").notNull(),
    /** document_date + the fiscal year's disclosure_days: the objectives must be public by then. */
    disclosureDeadline: date("disclosure_deadline").notNull(),
    approvedBy: integer("approved_by")
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One 批复 per department and year: two officers at once → one wins, the other is told.
  (t) => [uniqueIndex("budget_approvals_dept_year_uq").on(t.departmentOrgId, t.fiscalYear), index("budget_approvals_region_year_idx").on(t.regionId, t.fiscalYear)],
);

/** One money movement; append-only (triggers refuse UPDATE/DELETE/TRUNCATE, migration `ledger`). */
export const budgetMovements = pgTable(
  "budget_movements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    kind: budgetMovementKindEnum("kind").notNull(),
    /** Signed 元. */
    amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
    documentNo: varchar("document_no", { length: 60 }),
    /** China date of the document (批复/调整 文件). */
    documentDate: date("document_date"),
    reason: text("reason"),
    approvalId: integer("approval_id").references(() => budgetApprovals.id),
    dispositionId: integer("disposition_id").references(() => warningDispositions.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("budget_movements_objective_idx").on(t.objectiveId, t.id),
    index("budget_movements_disposition_idx").on(t.dispositionId).where(sql`${t.dispositionId} is not null`),
    index("budget_movements_approval_idx").on(t.approvalId).where(sql`${t.approvalId} is not null`),
    check(
      "budget_movements_sign_ck",
      sql`case ${t.kind}::text when 'arrange' then ${t.amount} > 0 and ${t.documentNo} is not null and ${t.documentDate} is not null when 'adjust' then ${t.amount} <> 0 and ${t.reason} is not null when 'reclaim' then ${t.amount} < 0 when 'hold' then ${t.amount} > 0 when 'release' then ${t.amount} < 0 else ${t.amount} > 0 end`,
    ),
  ],
);
