import { date, index, integer, numeric, pgTable, smallint, serial, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { fiscalYearStatusEnum } from "./enums";
import { regions } from "./org";

/**
 * A fiscal year of one region (a province's year applies to its cities and counties
 * unless they set their own): the windows and deadlines of the cycle and the
 * thresholds the rules use. Money is numeric, never float.
 */
export const fiscalYears = pgTable(
  "fiscal_years",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    year: integer("year").notNull(),
    status: fiscalYearStatusEnum("status").notNull().default("planning"),
    declarationStart: date("declaration_start").notNull(),
    declarationEnd: date("declaration_end").notNull(),
    reviewDeadline: date("review_deadline").notNull(),
    selfEvaluationDeadline: date("self_evaluation_deadline").notNull(),
    /** 事前评估金额门槛 (元): projects at or above it need an ex-ante appraisal. */
    appraisalThreshold: numeric("appraisal_threshold", { precision: 18, scale: 2 }).notNull(),
    /** 执行进度预警: index below red → red; below yellow → yellow. */
    warningRed: numeric("warning_red", { precision: 5, scale: 2 }).notNull().default("60"),
    warningYellow: numeric("warning_yellow", { precision: 5, scale: 2 }).notNull().default("80"),
    /** 评价为"中"的项目下年预算压减比例 (%). */
    gradeMediumCutPercent: numeric("grade_medium_cut_percent", { precision: 5, scale: 2 }).notNull().default("10"),
    /** 批复后公开期限: objectives are disclosed within this many days of their budget's 批复. */
    disclosureDays: smallint("disclosure_days").notNull().default(20),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("fiscal_years_region_year_uq").on(t.regionId, t.year), index("fiscal_years_year_idx").on(t.year)],
);
