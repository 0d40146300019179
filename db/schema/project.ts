import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, numeric, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { appraisalConclusionEnum, fundSourceEnum, projectCategoryEnum, projectStateEnum } from "./enums";
import { orgs, regions } from "./org";
import { users } from "./auth";

/** The project pool (项目库). Tier 1 (一级项目, e.g. a special fund) contains tier-2 projects. */
export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 40 }).notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    tier: smallint("tier").notNull().default(2),
    parentId: integer("parent_id"),
    category: projectCategoryEnum("category").notNull(),
    /** The unit (or department) that owns and files for it. */
    ownerOrgId: integer("owner_org_id")
      .notNull()
      .references(() => orgs.id),
    /** The responsible line department (the owner itself when a department owns it). */
    departmentOrgId: integer("department_org_id")
      .notNull()
      .references(() => orgs.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    startYear: smallint("start_year").notNull(),
    endYear: smallint("end_year").notNull(),
    totalAmount: numeric("total_amount", { precision: 18, scale: 2 }).notNull(),
    /** [{ year, amount }] — amounts as decimal strings (元). */
    annualAmounts: jsonb("annual_amounts").notNull().default(sql`'[]'::jsonb`),
    fundSource: fundSourceEnum("fund_source").notNull(),
    policyBasis: text("policy_basis"),
    isNew: boolean("is_new").notNull().default(true),
    state: projectStateEnum("state").notNull().default("reserve"),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("projects_code_uq").on(t.code),
    index("projects_owner_idx").on(t.ownerOrgId, t.state),
    index("projects_dept_idx").on(t.departmentOrgId),
    index("projects_region_state_idx").on(t.regionId, t.state),
    index("projects_parent_idx").on(t.parentId),
  ],
);

/** Ex-ante performance appraisal (事前绩效评估) of a project for a fiscal year. */
export const appraisals = pgTable(
  "appraisals",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    /** [{ dimension, score, comment }] for the five dimensions; scores as decimal strings. */
    dimensions: jsonb("dimensions").notNull(),
    totalScore: numeric("total_score", { precision: 5, scale: 2 }).notNull(),
    conclusion: appraisalConclusionEnum("conclusion").notNull(),
    summary: text("summary"),
    appraiserId: integer("appraiser_id")
      .notNull()
      .references(() => users.id),
    agencyOrgId: integer("agency_org_id").references(() => orgs.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appraisals_project_idx").on(t.projectId, t.fiscalYear, t.id)],
);

/** Finance engages an agency (第三方机构) to carry out a project's ex-ante appraisal. */
export const appraisalAssignments = pgTable(
  "appraisal_assignments",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    fiscalYear: smallint("fiscal_year").notNull(),
    agencyOrgId: integer("agency_org_id")
      .notNull()
      .references(() => orgs.id),
    assignedBy: integer("assigned_by")
      .notNull()
      .references(() => users.id),
    /** Set when the agency has recorded its appraisal. */
    appraisalId: integer("appraisal_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("appraisal_assignments_uq").on(t.projectId, t.fiscalYear, t.agencyOrgId), index("appraisal_assignments_agency_idx").on(t.agencyOrgId)],
);
