import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { bytea } from "./types";
import {
  comparisonEnum,
  indicatorKindEnum,
  indicatorLevel1Enum,
  indicatorLevel2Enum,
  indicatorStatusEnum,
} from "./enums";
import { orgs } from "./org";
import { users } from "./auth";
import { changeKindEnum, changeStatusEnum } from "./enums";

/** The sector tree (行业领域) indicators are filed under. */
export const sectors = pgTable("sectors", {
  code: varchar("code", { length: 20 }).primaryKey(),
  name: varchar("name", { length: 40 }).notNull(),
  parentCode: varchar("parent_code", { length: 20 }),
  ordinal: smallint("ordinal").notNull().default(0),
});

/**
 * The indicator bank (指标库). One row per indicator and version: a change publishes a new
 * row with version + 1, and objectives keep pointing at the row they picked.
 */
export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 40 }).notNull(),
    version: integer("version").notNull().default(1),
    name: varchar("name", { length: 200 }).notNull(),
    level1: indicatorLevel1Enum("level1").notNull(),
    level2: indicatorLevel2Enum("level2").notNull(),
    kind: indicatorKindEnum("kind").notNull(),
    sector: varchar("sector", { length: 40 }),
    unit: varchar("unit", { length: 30 }),
    comparison: comparisonEnum("comparison").notNull(),
    explanation: text("explanation"),
    formula: text("formula"),
    scoringRule: text("scoring_rule"),
    /** { historical?: string, standard?: string, plan?: string } — numbers as decimal strings. */
    referenceValues: jsonb("reference_values"),
    subjectKinds: varchar("subject_kinds", { length: 60 }).notNull().default("project,department,transfer"),
    ownerOrgId: integer("owner_org_id").references(() => orgs.id),
    status: indicatorStatusEnum("status").notNull().default("active"),
    /** The version in force; older versions stay for the objectives that picked them. */
    isCurrent: boolean("is_current").notNull().default(true),
    /** Character bigrams of name, explanation and formula (lib/indicator/grams.ts): Chinese search without a tokenizer. */
    searchGrams: text("search_grams").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("indicators_code_version_uq").on(t.code, t.version),
    index("indicators_status_level_idx").on(t.status, t.level1, t.level2),
    index("indicators_current_name_idx").on(t.name, t.code).where(sql`${t.isCurrent}`),
    uniqueIndex("indicators_current_code_uq").on(t.code).where(sql`${t.isCurrent}`),
    index("indicators_grams_idx").using("gin", t.searchGrams),
    index("indicators_current_idx").on(t.isCurrent, t.status, t.level1, t.sector),
  ],
);

/** A department's proposal to add, adjust or retire an indicator of its sector (finance decides). */
export const indicatorChangeRequests = pgTable(
  "indicator_change_requests",
  {
    id: serial("id").primaryKey(),
    kind: changeKindEnum("kind").notNull(),
    /** The indicator changed (adjust, retire): its code and the version the proposal was made against. */
    indicatorCode: varchar("indicator_code", { length: 40 }),
    baseVersion: integer("base_version"),
    /** The proposed fields (add, adjust). */
    proposed: jsonb("proposed"),
    reason: text("reason").notNull(),
    status: changeStatusEnum("status").notNull().default("pending"),
    decisionReason: text("decision_reason"),
    proposerId: integer("proposer_id")
      .notNull()
      .references(() => users.id),
    proposerOrgId: integer("proposer_org_id")
      .notNull()
      .references(() => orgs.id),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("indicator_changes_status_idx").on(t.status, t.createdAt),
    index("indicator_changes_code_idx").on(t.indicatorCode),
    // One open proposal per indicator: a second would be decided against a version the first replaces.
    uniqueIndex("indicator_changes_one_pending_uq").on(t.indicatorCode).where(sql`${t.status} = 'pending' and ${t.indicatorCode} is not null`),
  ],
);

/** Evidence files (依据材料) of a change request. */
export const indicatorEvidence = pgTable(
  "indicator_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: integer("request_id")
      .notNull()
      .references(() => indicatorChangeRequests.id),
    filename: varchar("filename", { length: 200 }).notNull(),
    mime: varchar("mime", { length: 100 }).notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicator_evidence_request_idx").on(t.requestId)],
);
