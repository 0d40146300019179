import { pgEnum } from "drizzle-orm/pg-core";

// Every status and kind is a closed set: the tuple is the single source for the
// database enum, the TypeScript union and the zod schema.
export const REGION_LEVELS = ["province", "city", "county"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const ORG_KINDS = ["finance", "department", "unit", "agency", "oversight"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLES = [
  "unit_filer",
  "dept_reviewer",
  "finance_reviewer",
  "finance_admin",
  "evaluator",
  "observer",
] as const;
export type Role = (typeof ROLES)[number];

export const FISCAL_YEAR_STATUSES = ["planning", "open", "closed"] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];

export const regionLevelEnum = pgEnum("region_level", REGION_LEVELS);
export const orgKindEnum = pgEnum("org_kind", ORG_KINDS);
export const roleEnum = pgEnum("role", ROLES);
export const fiscalYearStatusEnum = pgEnum("fiscal_year_status", FISCAL_YEAR_STATUSES);

// ── Indicators (DESIGN §3.5) ─────────────────────────────────────────────────────────
export const INDICATOR_LEVEL1 = ["output", "benefit", "satisfaction", "cost"] as const;
export type IndicatorLevel1 = (typeof INDICATOR_LEVEL1)[number];
export const INDICATOR_LEVEL2 = [
  "quantity",
  "quality",
  "timeliness",
  "cost",
  "economic",
  "social",
  "ecological",
  "sustainable",
  "satisfaction",
] as const;
export type IndicatorLevel2 = (typeof INDICATOR_LEVEL2)[number];
/** Which 二级 classes belong under which 一级 class. */
export const LEVEL2_OF: Record<IndicatorLevel1, readonly IndicatorLevel2[]> = {
  output: ["quantity", "quality", "timeliness", "cost"],
  benefit: ["economic", "social", "ecological", "sustainable"],
  satisfaction: ["satisfaction"],
  cost: ["cost"],
};
export const COMPARISONS = ["gte", "lte", "eq", "qualitative"] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const INDICATOR_KINDS = ["common", "sector"] as const;
export const INDICATOR_STATUSES = ["active", "retired"] as const;
export const SUBJECT_KINDS = ["project", "department", "transfer"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

// ── Project pool (DESIGN §3.1) ───────────────────────────────────────────────────────
export const PROJECT_CATEGORIES = ["special_fund", "other_development", "operation", "transfer"] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const FUND_SOURCES = ["general_budget", "government_fund", "state_capital", "superior_transfer", "other"] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const PROJECT_STATES = ["reserve", "admitted", "budgeted", "executing", "completed", "withdrawn"] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

// ── Ex-ante appraisal (DESIGN §3.2) ──────────────────────────────────────────────────
export const APPRAISAL_DIMENSIONS = ["necessity", "economy", "objectives", "feasibility", "compliance"] as const;
export type AppraisalDimension = (typeof APPRAISAL_DIMENSIONS)[number];
export const APPRAISAL_CONCLUSIONS = ["support", "support_after_revision", "not_support"] as const;
export type AppraisalConclusion = (typeof APPRAISAL_CONCLUSIONS)[number];

// ── Objectives and review (DESIGN §3.3–3.4) ──────────────────────────────────────────
export const OBJECTIVE_STATES = ["draft", "dept_review", "finance_review", "returned", "approved", "rejected", "superseded"] as const;
export type ObjectiveState = (typeof OBJECTIVE_STATES)[number];
export const VERSION_KINDS = ["original", "adjustment"] as const;
export const REVIEW_STAGES = ["department", "finance"] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const REVIEW_RESULTS = ["pass", "return", "reject"] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const GRADES = ["excellent", "good", "fair", "poor"] as const;
export type Grade = (typeof GRADES)[number];
export const ATTACHMENT_KINDS = ["feasibility", "approval", "budget", "other"] as const;

export const indicatorLevel1Enum = pgEnum("indicator_level1", INDICATOR_LEVEL1);
export const indicatorLevel2Enum = pgEnum("indicator_level2", INDICATOR_LEVEL2);
export const comparisonEnum = pgEnum("comparison", COMPARISONS);
export const indicatorKindEnum = pgEnum("indicator_kind", INDICATOR_KINDS);
export const indicatorStatusEnum = pgEnum("indicator_status", INDICATOR_STATUSES);
export const subjectKindEnum = pgEnum("subject_kind", SUBJECT_KINDS);
export const projectCategoryEnum = pgEnum("project_category", PROJECT_CATEGORIES);
export const fundSourceEnum = pgEnum("fund_source", FUND_SOURCES);
export const projectStateEnum = pgEnum("project_state", PROJECT_STATES);
export const appraisalConclusionEnum = pgEnum("appraisal_conclusion", APPRAISAL_CONCLUSIONS);
export const objectiveStateEnum = pgEnum("objective_state", OBJECTIVE_STATES);
export const versionKindEnum = pgEnum("version_kind", VERSION_KINDS);
export const reviewStageEnum = pgEnum("review_stage", REVIEW_STAGES);
export const reviewResultEnum = pgEnum("review_result", REVIEW_RESULTS);
export const gradeEnum = pgEnum("grade", GRADES);
export const attachmentKindEnum = pgEnum("attachment_kind", ATTACHMENT_KINDS);

// ── Indicator change requests (DESIGN §3.5) ──────────────────────────────────────────
export const CHANGE_KINDS = ["add", "adjust", "retire"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_STATUSES = ["pending", "approved", "rejected"] as const;
export const changeKindEnum = pgEnum("change_kind", CHANGE_KINDS);
export const changeStatusEnum = pgEnum("change_status", CHANGE_STATUSES);

// ── Disclosure (DESIGN §3.9) ─────────────────────────────────────────────────────────
/** What a disclosure publishes: an approved objective now; an evaluation result once evaluation exists. */
export const DISCLOSURE_SUBJECTS = ["objective", "evaluation", "key_evaluation"] as const;
export type DisclosureSubject = (typeof DISCLOSURE_SUBJECTS)[number];
export const disclosureSubjectEnum = pgEnum("disclosure_subject", DISCLOSURE_SUBJECTS);
