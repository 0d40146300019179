import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { bytea } from "./types";
import { users } from "./auth";
import { objectives, objectiveVersions } from "./objective";
import { orgs, regions } from "./org";

// ── Double monitoring (DESIGN §3.6) ─────────────────────────────────────────────────
// The closed sets of this area live here (not in enums.ts) so the area merges as one file.
export const MONITORING_REPORT_STATES = ["draft", "dept_review", "returned", "accepted"] as const;
export type MonitoringReportState = (typeof MONITORING_REPORT_STATES)[number];
/** will be met / probably / will not — for a qualitative indicator 达成 / 部分达成 / 未达成. */
export const TARGET_JUDGEMENTS = ["met", "probably", "not_met"] as const;
export type TargetJudgement = (typeof TARGET_JUDGEMENTS)[number];
export const WARNING_RULES = ["execution", "target", "idle"] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
export const LIGHTS = ["green", "yellow", "red"] as const;
export type Light = (typeof LIGHTS)[number];
export const WARNING_STATES = ["open", "disposed"] as const;
export type WarningState = (typeof WARNING_STATES)[number];
export const DISPOSITION_KINDS = ["continue", "rectify", "adjust_budget", "suspend", "stop", "reclaim"] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];
/** A rectification (限期整改): open until the filer sends evidence, then accepted — or sent back. */
export const RECTIFICATION_STATES = ["open", "evidence_submitted", "accepted"] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export const monitoringReportStateEnum = pgEnum("monitoring_report_state", MONITORING_REPORT_STATES);
export const targetJudgementEnum = pgEnum("target_judgement", TARGET_JUDGEMENTS);
export const warningRuleEnum = pgEnum("warning_rule", WARNING_RULES);
export const lightEnum = pgEnum("light", LIGHTS);
export const warningStateEnum = pgEnum("warning_state", WARNING_STATES);
export const dispositionKindEnum = pgEnum("disposition_kind", DISPOSITION_KINDS);
export const rectificationStateEnum = pgEnum("rectification_state", RECTIFICATION_STATES);

/** A monitoring period (监控期) a finance department opens for its region's fiscal year: data up to the end of `throughMonth`. */
export const monitoringPeriods = pgTable(
  "monitoring_periods",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    /** 1–12: the period covers January to the end of this month; time progress = throughMonth / 12. */
    throughMonth: smallint("through_month").notNull(),
    deadline: date("deadline").notNull(),
    openedBy: integer("opened_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("monitoring_periods_uq").on(t.regionId, t.fiscalYear, t.throughMonth)],
);

/** One subject's report (监控表) for one period: budget execution and, per indicator, the target progress. */
export const monitoringReports = pgTable(
  "monitoring_reports",
  {
    id: serial("id").primaryKey(),
    periodId: integer("period_id")
      .notNull()
      .references(() => monitoringPeriods.id),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    /** The approved version in force when the period opened: its indicators are the ones reported on. */
    versionId: integer("version_id")
      .notNull()
      .references(() => objectiveVersions.id),
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    departmentOrgId: integer("department_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    state: monitoringReportStateEnum("state").notNull().default("draft"),
    /** 年初预算数: the approved amount. */
    budget: numeric("budget", { precision: 18, scale: 2 }).notNull(),
    /** 调整后预算数 (全年预算数), when it differs. */
    adjustedBudget: numeric("adjusted_budget", { precision: 18, scale: 2 }),
    executedAmount: numeric("executed_amount", { precision: 18, scale: 2 }),
    /** Set at submission by the rules: index = execution rate ÷ time progress × 100, and its light. */
    executionIndex: numeric("execution_index", { precision: 12, scale: 2 }),
    executionLight: lightEnum("execution_light"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewComment: text("review_comment"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("monitoring_reports_period_objective_uq").on(t.periodId, t.objectiveId),
    index("monitoring_reports_objective_idx").on(t.objectiveId, t.periodId),
    index("monitoring_reports_owner_state_idx").on(t.ownerOrgId, t.state),
    index("monitoring_reports_dept_state_idx").on(t.departmentOrgId, t.state),
  ],
);

/** A report's line per indicator of the approved version. */
export const monitoringReportIndicators = pgTable(
  "monitoring_report_indicators",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => monitoringReports.id),
    ordinal: smallint("ordinal").notNull(),
    valueReached: varchar("value_reached", { length: 200 }),
    expectedValue: varchar("expected_value", { length: 200 }),
    judgement: targetJudgementEnum("judgement"),
    deviationReason: text("deviation_reason"),
    correctiveMeasure: text("corrective_measure"),
  },
  (t) => [uniqueIndex("monitoring_report_indicators_uq").on(t.reportId, t.ordinal)],
);

/** A warning (预警) a rule raised on a submitted report; `facts` holds the numbers behind it. */
export const monitoringWarnings = pgTable(
  "monitoring_warnings",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => monitoringReports.id),
    periodId: integer("period_id")
      .notNull()
      .references(() => monitoringPeriods.id),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    departmentOrgId: integer("department_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    rule: warningRuleEnum("rule").notNull(),
    light: lightEnum("light").notNull(),
    indicatorOrdinal: smallint("indicator_ordinal"),
    facts: jsonb("facts").notNull().default(sql`'{}'::jsonb`),
    state: warningStateEnum("state").notNull().default("open"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("monitoring_warnings_region_idx").on(t.regionId, t.light, t.createdAt),
    index("monitoring_warnings_dept_idx").on(t.departmentOrgId, t.light),
    index("monitoring_warnings_report_idx").on(t.reportId),
    // The warnings table's default order (most severe, newest first): a page is the end of this index.
    index("monitoring_warnings_light_idx").on(t.light, t.createdAt, t.id),
  ],
);

/** Finance's decision on a warning; a rectification carries its deadline and the filer's evidence until accepted. */
export const warningDispositions = pgTable(
  "warning_dispositions",
  {
    id: serial("id").primaryKey(),
    warningId: integer("warning_id")
      .notNull()
      .references(() => monitoringWarnings.id),
    kind: dispositionKindEnum("kind").notNull(),
    comment: text("comment").notNull(),
    rectifyDeadline: date("rectify_deadline"),
    rectificationState: rectificationStateEnum("rectification_state"),
    evidence: text("evidence"),
    evidenceAt: timestamp("evidence_at", { withTimezone: true }),
    evidenceReview: text("evidence_review"),
    decidedBy: integer("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("warning_dispositions_warning_uq").on(t.warningId), index("warning_dispositions_rect_idx").on(t.rectificationState)],
);

/** Evidence files (整改佐证材料) the filer sends with a rectification; kept in the database like attachments. */
export const rectificationFiles = pgTable(
  "rectification_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dispositionId: integer("disposition_id")
      .notNull()
      .references(() => warningDispositions.id),
    filename: varchar("filename", { length: 200 }).notNull(),
    mime: varchar("mime", { length: 100 }).notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rectification_files_disposition_idx").on(t.dispositionId)],
);
