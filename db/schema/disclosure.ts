import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { disclosureSubjectEnum, gradeEnum, projectCategoryEnum } from "./enums";
import { users } from "./auth";
import { objectives, objectiveVersions } from "./objective";
import { keyEvaluations, selfEvaluations } from "./evaluation";
import { orgs, regions } from "./org";

/**
 * What finance has disclosed to the public (信息公开, DESIGN §3.9). The public portal reads ONLY
 * through this table (lib/disclosure/public.ts): a row with `withdrawn_at` null is live; anything
 * without a live row is unreachable. A row freezes what was published — the version, the title,
 * the budget amount, the department — so later changes to the objective never leak out and a
 * withdrawal takes it off every page at once.
 *
 * `subject_type` is "objective", "evaluation" (an accepted self-evaluation, `evaluation_id`) or
 * "key_evaluation" (an accepted key evaluation, `key_evaluation_id`).
 */
export const disclosures = pgTable(
  "disclosures",
  {
    id: serial("id").primaryKey(),
    subjectType: disclosureSubjectEnum("subject_type").notNull().default("objective"),
    objectiveId: integer("objective_id").references(() => objectives.id),
    /** The approved version that was disclosed (its content is frozen). */
    versionId: integer("version_id").references(() => objectiveVersions.id),
    /** An accepted self-evaluation's id, for subject_type "evaluation". */
    evaluationId: integer("evaluation_id").references(() => selfEvaluations.id),
    /** An accepted key evaluation's id, for subject_type "key_evaluation" (its report file is served only while this row is live). */
    keyEvaluationId: integer("key_evaluation_id").references(() => keyEvaluations.id),
    /** A disclosed evaluation result's frozen score and grade (subject_type "evaluation"). */
    score: numeric("score", { precision: 5, scale: 2 }),
    grade: gradeEnum("grade"),
    fiscalYear: smallint("fiscal_year").notNull(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    /** The region's materialised path, so "this region and below" is one indexed prefix match. */
    regionPath: text("region_path").notNull(),
    departmentOrgId: integer("department_org_id")
      .notNull()
      .references(() => orgs.id),
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    category: projectCategoryEnum("category"),
    title: varchar("title", { length: 200 }).notNull(),
    /** The budget disclosed with the objective (元). */
    amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
    /** Character bigrams of title, department, unit and goals (GIN index), for Chinese search. */
    searchGrams: text("search_grams").array().notNull().default(sql`'{}'::text[]`),
    /** The same text, for the substring check after the bigram match. */
    searchText: text("search_text").notNull().default(""),
    disclosedBy: integer("disclosed_by")
      .notNull()
      .references(() => users.id),
    disclosedAt: timestamp("disclosed_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
    withdrawReason: text("withdraw_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // key_evaluation_id is set exactly on "key_evaluation" rows, so the partial indexes below can test it instead of the enum
    // (::text: the enum value is added in the same migration, and PostgreSQL refuses a new enum value's use in its own transaction).
    check("disclosures_subject_ck", sql`((${t.subjectType} = 'objective' and ${t.objectiveId} is not null and ${t.versionId} is not null) or (${t.subjectType} = 'evaluation' and ${t.evaluationId} is not null) or (${t.subjectType}::text = 'key_evaluation' and ${t.objectiveId} is not null)) and ((${t.keyEvaluationId} is not null) = (${t.subjectType}::text = 'key_evaluation'))`),
    check("disclosures_withdrawn_ck", sql`(${t.withdrawnAt} is null) = (${t.withdrawReason} is null)`),
    // One live disclosure per objective (and, later, per evaluation).
    uniqueIndex("disclosures_live_objective_uq").on(t.objectiveId).where(sql`${t.subjectType} = 'objective' and ${t.withdrawnAt} is null`),
    uniqueIndex("disclosures_live_evaluation_uq").on(t.evaluationId).where(sql`${t.subjectType} = 'evaluation' and ${t.withdrawnAt} is null`),
    // One live disclosure per key evaluation; and the public detail's lookup of an objective's live key evaluation.
    uniqueIndex("disclosures_live_key_evaluation_uq").on(t.keyEvaluationId).where(sql`${t.keyEvaluationId} is not null and ${t.withdrawnAt} is null`),
    index("disclosures_live_key_evaluation_objective_idx").on(t.objectiveId).where(sql`${t.keyEvaluationId} is not null and ${t.withdrawnAt} is null`),
    // The public list and figures: live rows of a year under a region, newest first.
    index("disclosures_public_idx").using("btree", t.fiscalYear, sql`${t.regionPath} text_pattern_ops`, t.disclosedAt).where(sql`${t.withdrawnAt} is null`),
    index("disclosures_public_region_idx").using("btree", sql`${t.regionPath} text_pattern_ops`, t.disclosedAt).where(sql`${t.withdrawnAt} is null`),
    // The whole list, newest first (the default order), read in index order with LIMIT.
    index("disclosures_public_recent_idx").on(t.disclosedAt, t.id).where(sql`${t.withdrawnAt} is null`),
    index("disclosures_public_dept_idx").on(t.departmentOrgId, t.fiscalYear).where(sql`${t.withdrawnAt} is null`),
    index("disclosures_grams_idx").using("gin", t.searchGrams).where(sql`${t.withdrawnAt} is null`),
    index("disclosures_objective_idx").on(t.objectiveId),
    // Live evaluation results: an objective's grade (list filter, detail) and the grade counts of a year.
    index("disclosures_live_evaluation_objective_idx").on(t.objectiveId, t.grade).where(sql`${t.subjectType} = 'evaluation' and ${t.withdrawnAt} is null`),
    // The bulk files' validator (lib/opendata/fdp-validator.ts): how many withdrawals and the latest, from the withdrawn rows only.
    index("disclosures_withdrawn_idx").on(t.withdrawnAt).where(sql`${t.withdrawnAt} is not null`),
  ],
);
