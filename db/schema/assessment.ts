import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { gradeEnum } from "./enums";
import { users } from "./auth";
import { orgs, regions } from "./org";

// ── Assessment of performance-management work (绩效管理工作考核, DESIGN §3.10) ─────────────
// The closed sets of this area live here (not in enums.ts) so the area merges as one file.
export const FRAMEWORK_STATUSES = ["draft", "active", "retired"] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];
export const ASSESSMENT_ROUND_STATES = ["open", "computed", "released", "published"] as const;
export type AssessmentRoundState = (typeof ASSESSMENT_ROUND_STATES)[number];
/** 本级部门 (a department of the round's level) or 下级财政部门 (the finance department of a region below). */
export const ASSESSED_KINDS = ["department", "finance"] as const;
export type AssessedKind = (typeof ASSESSED_KINDS)[number];
export const OBJECTION_OUTCOMES = ["upheld", "dismissed"] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const frameworkStatusEnum = pgEnum("assessment_framework_status", FRAMEWORK_STATUSES);
export const assessmentRoundStateEnum = pgEnum("assessment_round_state", ASSESSMENT_ROUND_STATES);
export const assessedKindEnum = pgEnum("assessed_kind", ASSESSED_KINDS);
export const objectionOutcomeEnum = pgEnum("objection_outcome", OBJECTION_OUTCOMES);

/**
 * An assessment framework (考核办法) of one region and year, versioned like the scoring rule sets:
 * `framework` holds the classes, the indicators (kind, weight, method) and each subject's difficulty
 * coefficient (lib/assessment/framework.ts validates it). Once a round computed under it (`used`)
 * it is frozen: finance edits a copy.
 */
export const assessmentFrameworks = pgTable(
  "assessment_frameworks",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    number: smallint("number").notNull(),
    name: varchar("name", { length: 100 }).notNull(),
    status: frameworkStatusEnum("status").notNull().default("draft"),
    used: boolean("used").notNull().default(false),
    framework: jsonb("framework").notNull(),
    basedOnId: integer("based_on_id"),
    createdBy: integer("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("assessment_frameworks_number_uq").on(t.regionId, t.fiscalYear, t.number),
    uniqueIndex("assessment_frameworks_active_uq").on(t.regionId, t.fiscalYear).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * An assessment round (考核) finance opens for its region's fiscal year under one framework:
 * computed, judged, released to the assessed (objection deadline), published as a ranking.
 * `disclose` puts the published ranking on the public portal.
 */
export const assessmentRounds = pgTable(
  "assessment_rounds",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => assessmentFrameworks.id),
    state: assessmentRoundStateEnum("state").notNull().default("open"),
    objectionDeadline: date("objection_deadline").notNull(),
    disclose: boolean("disclose").notNull().default(false),
    /** Progress of the running (or last) computation: indicators done of all. */
    progressDone: smallint("progress_done").notNull().default(0),
    progressTotal: smallint("progress_total").notNull().default(0),
    computedAt: timestamp("computed_at", { withTimezone: true }),
    computeMs: integer("compute_ms"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_rounds_region_year_uq").on(t.regionId, t.fiscalYear)],
);

/**
 * One assessed organisation's result in a round: every indicator's figure with the numbers behind
 * it (`figures`), finance's judged scores with their evidence (`judged`), the difficulty
 * coefficient applied, the total, grade and rank; and its one objection with finance's decision.
 */
export const assessmentResults = pgTable(
  "assessment_results",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => assessmentRounds.id),
    orgId: integer("org_id")
      .notNull()
      .references(() => orgs.id),
    kind: assessedKindEnum("kind").notNull(),
    /** [{ code, points, value, numerator, denominator, rule, calc }] — decimal strings. */
    figures: jsonb("figures").notNull().default(sql`'[]'::jsonb`),
    /** { [code]: { score, evidence, by, at } } */
    judged: jsonb("judged").notNull().default(sql`'{}'::jsonb`),
    difficulty: numeric("difficulty", { precision: 4, scale: 2 }).notNull().default("1"),
    rawScore: numeric("raw_score", { precision: 6, scale: 2 }),
    finalScore: numeric("final_score", { precision: 6, scale: 2 }),
    grade: gradeEnum("grade"),
    rank: integer("rank"),
    objection: text("objection"),
    objectionAt: timestamp("objection_at", { withTimezone: true }),
    objectionBy: integer("objection_by").references(() => users.id),
    objectionOutcome: objectionOutcomeEnum("objection_outcome"),
    objectionReply: text("objection_reply"),
    objectionDecidedBy: integer("objection_decided_by").references(() => users.id),
    objectionDecidedAt: timestamp("objection_decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("assessment_results_round_org_uq").on(t.roundId, t.orgId), index("assessment_results_org_idx").on(t.orgId, t.roundId)],
);
