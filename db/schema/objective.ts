import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { bytea } from "./types";
import {
  attachmentKindEnum,
  comparisonEnum,
  gradeEnum,
  indicatorLevel1Enum,
  indicatorLevel2Enum,
  objectiveStateEnum,
  reviewResultEnum,
  reviewStageEnum,
  subjectKindEnum,
  versionKindEnum,
} from "./enums";
import { users } from "./auth";
import { indicators } from "./indicator";
import { orgs, regions } from "./org";
import { projects } from "./project";

/**
 * A performance objective (绩效目标) of one subject for one fiscal year. The workflow state
 * lives here (lib/workflow is its only writer); the content lives in versions. An approved
 * version stays in force (approvedVersionId) while an adjustment goes through review.
 */
export const objectives = pgTable(
  "objectives",
  {
    id: serial("id").primaryKey(),
    subjectKind: subjectKindEnum("subject_kind").notNull(),
    projectId: integer("project_id").references(() => projects.id),
    /** The unit or department that files it. */
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    /** The line department that reviews it first (equal to the owner for a department's own). */
    departmentOrgId: integer("department_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    title: varchar("title", { length: 200 }).notNull(),
    requestedAmount: numeric("requested_amount", { precision: 18, scale: 2 }).notNull().default("0"),
    state: objectiveStateEnum("state").notNull().default("draft"),
    currentVersionId: integer("current_version_id"),
    approvedVersionId: integer("approved_version_id"),
    /** 重点审核: finance marks subjects for expert review. */
    isKey: boolean("is_key").notNull().default(false),
    grade: gradeEnum("grade"),
    /** For a transfer payment's regional objective: the overall objective and the amount allocated. */
    parentObjectiveId: integer("parent_objective_id"),
    allocatedAmount: numeric("allocated_amount", { precision: 18, scale: 2 }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /**
     * The ledger's sums (db/schema/ledger.ts), maintained by the database: a trigger on
     * budget_movements adds each movement in the movement's own statement. Never written by code.
     * budget_current = arranged + adjusted + reclaimed + issued; budget_held = held − released;
     * budget_arranged_on = the first 安排's document date (null: no budget arranged).
     */
    budgetCurrent: numeric("budget_current", { precision: 18, scale: 2 }).notNull().default("0"),
    budgetHeld: numeric("budget_held", { precision: 18, scale: 2 }).notNull().default("0"),
    budgetArrangedOn: date("budget_arranged_on"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("objectives_project_year_uq").on(t.projectId, t.fiscalYear).where(sql`${t.projectId} is not null and ${t.parentObjectiveId} is null`),
    uniqueIndex("objectives_dept_year_uq").on(t.ownerOrgId, t.fiscalYear).where(sql`${t.subjectKind} = 'department'`),
    index("objectives_dept_state_idx").on(t.departmentOrgId, t.state, t.submittedAt),
    index("objectives_region_state_idx").on(t.regionId, t.state, t.submittedAt),
    // The review queues: one state, oldest submission first — a page is the first rows of this index (docs/PERFORMANCE.md).
    index("objectives_state_submitted_idx").on(t.state, t.submittedAt, t.id),
    index("objectives_owner_idx").on(t.ownerOrgId, t.fiscalYear),
    index("objectives_parent_idx").on(t.parentObjectiveId),
    // A transfer payment issues one regional objective per recipient: two requests at once cannot both add one.
    uniqueIndex("objectives_parent_recipient_uq").on(t.parentObjectiveId, t.ownerOrgId).where(sql`${t.parentObjectiveId} is not null`),
    // Year over year (lib/objective/history.ts): a recipient region's regional objectives of one transfer payment across
    // years share the project and the recipient, not the parent (each year's overall objective is a new row).
    index("objectives_regional_subject_idx").on(t.projectId, t.ownerOrgId, t.fiscalYear).where(sql`${t.parentObjectiveId} is not null`),
    // The ledger never drives a budget below zero, nor holds more than there is.
    check("objectives_budget_ck", sql`${t.budgetCurrent} >= 0 and ${t.budgetHeld} >= 0 and ${t.budgetHeld} <= ${t.budgetCurrent}`),
  ],
);

/** One version of an objective's content: the original declaration or an adjustment (目标调整). */
export const objectiveVersions = pgTable(
  "objective_versions",
  {
    id: serial("id").primaryKey(),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    number: smallint("number").notNull(),
    kind: versionKindEnum("kind").notNull().default("original"),
    /** Step 1: basic information (name, category, contact, years, policy basis…). */
    basic: jsonb("basic").notNull().default(sql`'{}'::jsonb`),
    /** Step 2: [{ source, year, amount }] with amounts as decimal strings; and the uses of funds. */
    funding: jsonb("funding").notNull().default(sql`'[]'::jsonb`),
    fundUses: text("fund_uses"),
    requestedAmount: numeric("requested_amount", { precision: 18, scale: 2 }).notNull().default("0"),
    /** Step 3: implementation plan [{ start, end, content }], overall and annual objective. */
    plan: jsonb("plan").notNull().default(sql`'[]'::jsonb`),
    overallGoal: text("overall_goal"),
    annualGoal: text("annual_goal"),
    /**
     * A department-overall objective's step 2 (年度主要任务 / 重点工作): [{ name, content, amount }],
     * amounts in 元 as decimal strings, summing to the department's budget (requestedAmount).
     * Empty for a project. Step 1 of a department keeps its duties (部门职责) in `basic`.
     */
    keyTasks: jsonb("key_tasks").notNull().default(sql`'[]'::jsonb`),
    adjustmentReason: text("adjustment_reason"),
    /** Bumped by every save: a stale wizard tab is refused instead of overwriting. */
    editVersion: integer("edit_version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("objective_versions_number_uq").on(t.objectiveId, t.number)],
);

/** The indicator table of a version: one row per 三级 indicator. */
export const objectiveIndicators = pgTable(
  "objective_indicators",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => objectiveVersions.id),
    ordinal: smallint("ordinal").notNull(),
    fundUse: varchar("fund_use", { length: 200 }),
    level1: indicatorLevel1Enum("level1").notNull(),
    level2: indicatorLevel2Enum("level2").notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    comparison: comparisonEnum("comparison").notNull(),
    annualTarget: varchar("annual_target", { length: 200 }),
    periodTarget: varchar("period_target", { length: 200 }),
    unit: varchar("unit", { length: 30 }),
    weight: numeric("weight", { precision: 6, scale: 2 }),
    explanation: text("explanation"),
    formula: text("formula"),
    /** The bank indicator (exact version) it was picked from; null for a custom indicator. */
    indicatorId: integer("indicator_id").references(() => indicators.id),
    customReason: text("custom_reason"),
    /** Why a quantity/quality target is less demanding than the same project's last year (lib/objective/year-compare.ts). */
    changeReason: text("change_reason"),
  },
  (t) => [index("objective_indicators_version_idx").on(t.versionId, t.ordinal), index("objective_indicators_bank_idx").on(t.indicatorId)],
);

/** A review decision (审核意见) at the department or finance stage. */
export const reviews = pgTable(
  "reviews",
  {
    id: serial("id").primaryKey(),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    versionId: integer("version_id")
      .notNull()
      .references(() => objectiveVersions.id),
    stage: reviewStageEnum("stage").notNull(),
    result: reviewResultEnum("result").notNull(),
    grade: gradeEnum("grade"),
    score: numeric("score", { precision: 5, scale: 2 }),
    reasons: text("reasons"),
    /** { [objective_indicators.ordinal]: comment } */
    indicatorComments: jsonb("indicator_comments").notNull().default(sql`'{}'::jsonb`),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reviews_objective_idx").on(t.objectiveId, t.id)],
);

/** Step 4 attachments, kept in the database so every app process sees the same files. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: integer("version_id")
      .notNull()
      .references(() => objectiveVersions.id),
    kind: attachmentKindEnum("kind").notNull(),
    filename: varchar("filename", { length: 200 }).notNull(),
    mime: varchar("mime", { length: 100 }).notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_version_idx").on(t.versionId)],
);

