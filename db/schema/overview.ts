import { index, integer, numeric, pgTable, primaryKey, smallint } from "drizzle-orm/pg-core";

/**
 * The year at a glance (总览), kept by the database: one row per fiscal year, region and line
 * department, updated by triggers (migration 0024_overview) in the same transaction as the change
 * that moves a figure — an objective's state or amount, a disclosure or its withdrawal, a warning
 * raised or disposed, a self-evaluation accepted with its grade. The overview page sums a few
 * thousand of these rows instead of counting the province (lib/overview/figures.ts).
 * Never written by application code.
 */
export const overviewTallies = pgTable(
  "overview_tallies",
  {
    fiscalYear: smallint("fiscal_year").notNull(),
    regionId: integer("region_id").notNull(),
    departmentOrgId: integer("department_org_id").notNull(),
    nDraft: integer("n_draft").notNull().default(0),
    nDeptReview: integer("n_dept_review").notNull().default(0),
    nFinanceReview: integer("n_finance_review").notNull().default(0),
    nReturned: integer("n_returned").notNull().default(0),
    nApproved: integer("n_approved").notNull().default(0),
    nRejected: integer("n_rejected").notNull().default(0),
    nSuperseded: integer("n_superseded").notNull().default(0),
    /** Requested amounts of declared objectives (not draft, not superseded), 元. */
    amountDeclared: numeric("amount_declared", { precision: 18, scale: 2 }).notNull().default("0"),
    /** 批复安排: requested amounts of approved objectives, 元. */
    amountApproved: numeric("amount_approved", { precision: 18, scale: 2 }).notNull().default("0"),
    /** Live objective disclosures and their disclosed amounts. */
    nDisclosed: integer("n_disclosed").notNull().default(0),
    amountDisclosed: numeric("amount_disclosed", { precision: 18, scale: 2 }).notNull().default("0"),
    /** Monitoring warnings finance has not disposed of yet. */
    nRedOpen: integer("n_red_open").notNull().default(0),
    nYellowOpen: integer("n_yellow_open").notNull().default(0),
    /** Accepted self-evaluations by grade. */
    nExcellent: integer("n_excellent").notNull().default(0),
    nGood: integer("n_good").notNull().default(0),
    nFair: integer("n_fair").notNull().default(0),
    nPoor: integer("n_poor").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.fiscalYear, t.regionId, t.departmentOrgId] })],
);

/**
 * Budget execution per monitoring period and line department, kept by a trigger on
 * monitoring_reports: the accepted reports' budget in force and executed amount (元).
 */
export const overviewExecution = pgTable(
  "overview_execution",
  {
    periodId: integer("period_id").notNull(),
    departmentOrgId: integer("department_org_id").notNull(),
    regionId: integer("region_id").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    throughMonth: smallint("through_month").notNull(),
    nReports: integer("n_reports").notNull().default(0),
    /** Reports still to fill: draft or returned. */
    nToFill: integer("n_to_fill").notNull().default(0),
    nAccepted: integer("n_accepted").notNull().default(0),
    budgetAccepted: numeric("budget_accepted", { precision: 18, scale: 2 }).notNull().default("0"),
    executedAccepted: numeric("executed_accepted", { precision: 18, scale: 2 }).notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.departmentOrgId] }), index("overview_execution_year_idx").on(t.fiscalYear, t.regionId)],
);
