import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { bytea } from "./types";
import { gradeEnum } from "./enums";
import { users } from "./auth";
import { objectives, objectiveVersions } from "./objective";
import { orgs, regions } from "./org";
import { projects } from "./project";

// ── Evaluation (DESIGN §3.7) and result application (§3.8) ─────────────────────────
export const RULE_SET_STATUSES = ["draft", "active", "retired"] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];
export const SELF_EVALUATION_STATES = ["draft", "dept_review", "finance_review", "returned", "accepted"] as const;
export type SelfEvaluationState = (typeof SELF_EVALUATION_STATES)[number];
export const PROPOSAL_RULES = ["none", "cut", "as_requested", "priority"] as const;
export type ProposalRule = (typeof PROPOSAL_RULES)[number];
export const PROPOSAL_STATUSES = ["proposed", "confirmed", "overridden"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const ruleSetStatusEnum = pgEnum("rule_set_status", RULE_SET_STATUSES);
export const selfEvaluationStateEnum = pgEnum("self_evaluation_state", SELF_EVALUATION_STATES);
export const proposalRuleEnum = pgEnum("proposal_rule", PROPOSAL_RULES);
export const proposalStatusEnum = pgEnum("proposal_status", PROPOSAL_STATUSES);

/**
 * A scoring rule set (评分规则) of one region and fiscal year, versioned. `rules` holds the
 * weights, formulas and bands (lib/evaluation/rules.ts validates it). Once a score was computed
 * under it (`used`), it is frozen: finance edits a copy (a new draft version).
 */
export const evaluationRuleSets = pgTable(
  "evaluation_rule_sets",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    number: smallint("number").notNull(),
    name: varchar("name", { length: 100 }).notNull(),
    status: ruleSetStatusEnum("status").notNull().default("draft"),
    used: boolean("used").notNull().default(false),
    rules: jsonb("rules").notNull(),
    basedOnId: integer("based_on_id"),
    createdBy: integer("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("evaluation_rule_sets_number_uq").on(t.regionId, t.fiscalYear, t.number),
    uniqueIndex("evaluation_rule_sets_active_uq").on(t.regionId, t.fiscalYear).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * A self-evaluation (单位自评) of one approved objective: the actual values and deviation
 * analyses per indicator, the executed amount, and the score computed under a rule set with its
 * whole breakdown (which rule and numbers produced every figure).
 */
export const selfEvaluations = pgTable(
  "self_evaluations",
  {
    id: serial("id").primaryKey(),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    /** The approved version whose indicators are scored. */
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
    fiscalYear: smallint("fiscal_year").notNull(),
    state: selfEvaluationStateEnum("state").notNull().default("draft"),
    /** Adjusted budget (调整后预算) and executed amount (元). */
    budgetAmount: numeric("budget_amount", { precision: 18, scale: 2 }).notNull(),
    executedAmount: numeric("executed_amount", { precision: 18, scale: 2 }).notNull().default("0"),
    executionExplanation: text("execution_explanation"),
    /** [{ ordinal, actual, band, percent, deviation }] — values as typed, decimal strings. */
    actuals: jsonb("actuals").notNull().default(sql`'[]'::jsonb`),
    summary: text("summary"),
    ruleSetId: integer("rule_set_id").references(() => evaluationRuleSets.id),
    totalScore: numeric("total_score", { precision: 5, scale: 2 }),
    grade: gradeEnum("grade"),
    /** The engine's ScoreResult (lib/evaluation/scoring.ts). */
    breakdown: jsonb("breakdown"),
    returnReason: text("return_reason"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("self_evaluations_objective_uq").on(t.objectiveId),
    index("self_evaluations_region_year_idx").on(t.regionId, t.fiscalYear, t.state, t.id),
    index("self_evaluations_dept_idx").on(t.departmentOrgId, t.state),
    index("self_evaluations_owner_idx").on(t.ownerOrgId, t.fiscalYear),
  ],
);

/**
 * Result application (结果应用): the proposal for a continuing subject's next-year budget from its
 * grade, confirmed or overridden (with a reason) by a finance reviewer.
 */
export const budgetProposals = pgTable(
  "budget_proposals",
  {
    id: serial("id").primaryKey(),
    selfEvaluationId: integer("self_evaluation_id")
      .notNull()
      .references(() => selfEvaluations.id),
    projectId: integer("project_id").references(() => projects.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    /** The budget year the proposal is for (evaluated year + 1). */
    fiscalYear: smallint("fiscal_year").notNull(),
    grade: gradeEnum("grade").notNull(),
    rule: proposalRuleEnum("rule").notNull(),
    requestedAmount: numeric("requested_amount", { precision: 18, scale: 2 }).notNull(),
    proposedAmount: numeric("proposed_amount", { precision: 18, scale: 2 }).notNull(),
    cutPercent: numeric("cut_percent", { precision: 5, scale: 2 }),
    rectificationRequired: boolean("rectification_required").notNull().default(false),
    /** The rule set whose result-application rules produced the amount (lib/evaluation/proposal-rules.ts). */
    ruleSetId: integer("rule_set_id").references(() => evaluationRuleSets.id),
    /**
     * How the amount came about (ProposalBasis): the self grade, a key evaluation's grade (it
     * prevails), re-evaluation's corrected score, unrectified red warnings, the rule keys, the
     * percentages and the arithmetic. Null for proposals made before the rules were data.
     */
    basis: jsonb("basis"),
    /** A reviewer's change before the decision (with its reason); confirming takes it. */
    revisedAmount: numeric("revised_amount", { precision: 18, scale: 2 }),
    revisionReason: text("revision_reason"),
    revisedBy: integer("revised_by").references(() => users.id),
    revisedAt: timestamp("revised_at", { withTimezone: true }),
    /** 差: an exception finance records, with its reason, lets a budget be arranged. */
    exceptionReason: text("exception_reason"),
    status: proposalStatusEnum("status").notNull().default("proposed"),
    /** The decided amount (confirmed, or overridden): what finance sees as the suggested amount when next year's budget is arranged. */
    confirmedAmount: numeric("confirmed_amount", { precision: 18, scale: 2 }),
    overrideReason: text("override_reason"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("budget_proposals_evaluation_uq").on(t.selfEvaluationId), index("budget_proposals_region_year_idx").on(t.regionId, t.fiscalYear, t.status, t.id)],
);

export const SAMPLE_REASONS = ["random", "warning"] as const;
export const sampleReasonEnum = pgEnum("re_evaluation_reason", SAMPLE_REASONS);

/**
 * A re-evaluation sample (再评价抽样): finance draws a percentage of a year's self-evaluations at
 * random. The seed is recorded, so the same candidates and seed always give the same sample.
 */
export const reEvaluationSamples = pgTable(
  "re_evaluation_samples",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    percent: numeric("percent", { precision: 5, scale: 2 }).notNull(),
    seed: integer("seed").notNull(),
    /** The candidate self-evaluation ids, in the order the draw used (sorted ascending). */
    candidates: jsonb("candidates").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("re_evaluation_samples_region_year_idx").on(t.regionId, t.fiscalYear)],
);

/** One sampled self-evaluation, its re-score and whether the self-score was inflated (> 10 points above). */
export const reEvaluationItems = pgTable(
  "re_evaluation_items",
  {
    id: serial("id").primaryKey(),
    sampleId: integer("sample_id")
      .notNull()
      .references(() => reEvaluationSamples.id),
    selfEvaluationId: integer("self_evaluation_id")
      .notNull()
      .references(() => selfEvaluations.id),
    reason: sampleReasonEnum("reason").notNull(),
    selfScore: numeric("self_score", { precision: 5, scale: 2 }).notNull(),
    reScore: numeric("re_score", { precision: 5, scale: 2 }),
    inflated: boolean("inflated"),
    note: text("note"),
    scoredBy: integer("scored_by").references(() => users.id),
    scoredAt: timestamp("scored_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("re_evaluation_items_uq").on(t.sampleId, t.selfEvaluationId), index("re_evaluation_items_se_idx").on(t.selfEvaluationId)],
);

export const KEY_EVALUATION_STATES = ["assigned", "submitted", "accepted"] as const;
export type KeyEvaluationState = (typeof KEY_EVALUATION_STATES)[number];
export const keyEvaluationStateEnum = pgEnum("key_evaluation_state", KEY_EVALUATION_STATES);

/**
 * A key evaluation (重点评价) of one approved objective: run by finance itself or by the evaluator
 * of an engaged agency, on the 决策/过程/产出/效益 framework with weights set per evaluation.
 */
export const keyEvaluations = pgTable(
  "key_evaluations",
  {
    id: serial("id").primaryKey(),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => objectives.id),
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    /** The engaged agency; null when finance evaluates itself. */
    agencyOrgId: integer("agency_org_id").references(() => orgs.id),
    state: keyEvaluationStateEnum("state").notNull().default("assigned"),
    /** { decision, process, output, benefit } points, decimal strings adding up to 100. */
    weights: jsonb("weights").notNull(),
    /** { decision: { score, evidence }, … } */
    scores: jsonb("scores"),
    totalScore: numeric("total_score", { precision: 5, scale: 2 }),
    grade: gradeEnum("grade"),
    findings: text("findings"),
    recommendations: text("recommendations"),
    reason: varchar("reason", { length: 200 }),
    createdBy: integer("created_by").references(() => users.id),
    filledBy: integer("filled_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("key_evaluations_objective_uq").on(t.objectiveId), index("key_evaluations_region_year_idx").on(t.regionId, t.fiscalYear, t.state), index("key_evaluations_agency_idx").on(t.agencyOrgId, t.state)],
);

export const RECTIFICATION_TASK_STATES = ["open", "submitted", "closed"] as const;
export type RectificationTaskState = (typeof RECTIFICATION_TASK_STATES)[number];
export const rectificationTaskStateEnum = pgEnum("rectification_task_state", RECTIFICATION_TASK_STATES);

/** A rectification task (整改): what the unit must fix after a 中/差 result, by when, with its evidence. */
export const rectificationTasks = pgTable(
  "rectification_tasks",
  {
    id: serial("id").primaryKey(),
    selfEvaluationId: integer("self_evaluation_id")
      .notNull()
      .references(() => selfEvaluations.id),
    /** The unit that must rectify (the owner of the evaluated subject). */
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    requirement: text("requirement").notNull(),
    deadline: date("deadline").notNull(),
    state: rectificationTaskStateEnum("state").notNull().default("open"),
    evidence: text("evidence"),
    createdBy: integer("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rectification_tasks_owner_idx").on(t.ownerOrgId, t.state, t.deadline), index("rectification_tasks_region_idx").on(t.regionId, t.state, t.deadline)],
);

/** Evidence files (佐证材料) of one indicator's result in a self-evaluation, kept in the database. */
export const selfEvaluationEvidence = pgTable(
  "self_evaluation_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    selfEvaluationId: integer("self_evaluation_id")
      .notNull()
      .references(() => selfEvaluations.id),
    /** The indicator's ordinal in the evaluated version. */
    ordinal: smallint("ordinal").notNull(),
    filename: varchar("filename", { length: 200 }).notNull(),
    mime: varchar("mime", { length: 100 }).notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("self_evaluation_evidence_idx").on(t.selfEvaluationId, t.ordinal)],
);

/** The report (绩效评价报告) attached to a key evaluation — PDF or Word, kept in the database; one per evaluation, a new one replaces it. */
export const keyEvaluationReports = pgTable(
  "key_evaluation_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    keyEvaluationId: integer("key_evaluation_id")
      .notNull()
      .references(() => keyEvaluations.id),
    filename: varchar("filename", { length: 200 }).notNull(),
    mime: varchar("mime", { length: 100 }).notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("key_evaluation_reports_key_uq").on(t.keyEvaluationId)],
);
