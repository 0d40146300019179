import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import type { AssessedKind } from "@/db/schema/assessment";
import type { MetricKey } from "./framework";

/**
 * The figures of an assessment computed from the system's own records (DESIGN §3.10). Each metric
 * is ONE grouped query over all assessed organisations of a kind: a department's figures are its
 * subjects' (`department_org_id`), a lower-level finance department's are its own region's
 * (`region_id`). A ratio is numerator ÷ denominator; a value is numerator ÷ denominator too (an
 * average per object). Dates are compared in China time.
 */
export interface MetricContext {
  fiscalYear: number;
  /** The province's declaration period end and review deadline of that fiscal year (yyyy-MM-dd). */
  declarationEnd: string;
  reviewDeadline: string;
}

/** numerator / denominator as exact decimal strings, by the group key (org id or region id). */
export type MetricRows = Map<number, { numerator: string; denominator: string }>;

const CN = "'Asia/Shanghai'";
const cnDate = (col: SQL) => sql`((${col}) at time zone ${sql.raw(CN)})::date`;
/** Days an approved objective has to be disclosed (by law: within 20 days of the budget's approval). */
export const DISCLOSE_WITHIN_DAYS = 20;
/** Points of a key evaluation's grade, as a share of the indicator's weight. */
export const GRADE_SHARE = { excellent: "1", good: "0.8", fair: "0.6", poor: "0" } as const;

/** The text patterns of the quality warnings the wizard raises (lib/objective/completeness.ts qualityWarnings), as SQL. */
const VAGUE = "(明显|显著|大幅|进一步|有所|逐步|不断|较大|一定程度|稳步)";
const BENEFIT_WORDS = "(带动|促进|拉动|效益|增收|推动)";

type KeyOf = (alias: "o" | "r" | "w" | "se" | "t") => SQL;

function keyOf(kind: AssessedKind): KeyOf {
  return (alias) => (kind === "department" ? sql.raw(`${alias}.department_org_id`) : sql.raw(`${alias}.region_id`));
}

/** Each objective of the year with review decisions: any other than pass, returns, finance's first decision — one grouped pass over the reviews. */
const reviewsOfYear = (c: MetricContext) => sql`
  select r.objective_id, bool_or(r.result <> 'pass') as refused, count(*) filter (where r.result = 'return') as returns, min(r.created_at) filter (where r.stage = 'finance') as first_finance
  from reviews r join objectives yo on yo.id = r.objective_id
  where yo.fiscal_year = ${c.fiscalYear}
  group by r.objective_id`;

const QUERIES: Record<MetricKey, (k: KeyOf, keys: SQL, c: MetricContext) => SQL> = {
  // Objectives of the year; on time: the first submission (of version 1, the declaration) by the declaration period's last day.
  declaredOnTime: (k, keys, c) => sql`
    select ${k("o")} as k, count(*) filter (where v.submitted_at is not null and ${cnDate(sql`v.submitted_at`)} <= ${c.declarationEnd}::date)::text as numerator, count(*)::text as denominator
    from objectives o left join objective_versions v on v.objective_id = o.id and v.number = 1
    where o.fiscal_year = ${c.fiscalYear} and o.state <> 'superseded' and ${k("o")} = any(${keys})
    group by 1`,
  // Objectives that got any review decision; first pass: approved with no decision other than pass.
  firstPassRate: (k, keys, c) => sql`
    select ${k("o")} as k, count(*) filter (where o.approved_version_id is not null and not rv.refused)::text as numerator, count(*)::text as denominator
    from objectives o join (${reviewsOfYear(c)}) rv on rv.objective_id = o.id
    where o.fiscal_year = ${c.fiscalYear} and ${k("o")} = any(${keys})
    group by 1`,
  // Returns (退回修改) over the objectives submitted at least once.
  returnsPerObjective: (k, keys, c) => sql`
    select ${k("o")} as k, coalesce(sum(rv.returns), 0)::text as numerator, count(*)::text as denominator
    from objectives o left join (${reviewsOfYear(c)}) rv on rv.objective_id = o.id
    where o.fiscal_year = ${c.fiscalYear} and ${k("o")} = any(${keys}) and o.submitted_at is not null
    group by 1`,
  // Quality warnings in the approved versions' indicators, over the approved objectives.
  warningsPerObjective: (k, keys, c) => sql`
    select ${k("o")} as k,
      count(i.id) filter (where (i.comparison = 'qualitative' and i.annual_target ~ ${VAGUE} and i.annual_target !~ '[0-9]')
                              or (i.level2 = 'quality' and i.name ~ ${BENEFIT_WORDS})
                              or (i.level1 = 'benefit' and i.name like '%满意%'))::text as numerator,
      count(distinct o.id)::text as denominator
    from objectives o left join objective_indicators i on i.version_id = o.approved_version_id
    where o.fiscal_year = ${c.fiscalYear} and ${k("o")} = any(${keys}) and o.approved_version_id is not null
    group by 1`,
  // Objectives that reached finance; on time: finance's first decision by the review deadline.
  financeReviewOnTime: (k, keys, c) => sql`
    select ${k("o")} as k, count(*) filter (where rv.first_finance is not null and ${cnDate(sql`rv.first_finance`)} <= ${c.reviewDeadline}::date)::text as numerator, count(*)::text as denominator
    from objectives o left join (${reviewsOfYear(c)}) rv on rv.objective_id = o.id
    where o.fiscal_year = ${c.fiscalYear} and ${k("o")} = any(${keys}) and (rv.first_finance is not null or o.state = 'finance_review')
    group by 1`,
  // Monitoring reports of the year's periods; on time: submitted by the period's deadline.
  monitoringOnTime: (k, keys, c) => sql`
    select ${k("r")} as k, count(*) filter (where r.submitted_at is not null and ${cnDate(sql`r.submitted_at`)} <= p.deadline)::text as numerator, count(*)::text as denominator
    from monitoring_reports r join monitoring_periods p on p.id = r.period_id
    where p.fiscal_year = ${c.fiscalYear} and ${k("r")} = any(${keys})
    group by 1`,
  // Red warnings finance ordered rectified (限期整改); on time: evidence accepted, sent by the deadline.
  redRectifiedOnTime: (k, keys, c) => sql`
    select ${k("w")} as k,
      count(*) filter (where d.rectification_state = 'accepted' and ${cnDate(sql`d.evidence_at`)} <= d.rectify_deadline)::text as numerator,
      count(*)::text as denominator
    from monitoring_warnings w join monitoring_periods p on p.id = w.period_id join warning_dispositions d on d.warning_id = w.id
    where p.fiscal_year = ${c.fiscalYear} and w.light = 'red' and d.kind = 'rectify' and ${k("w")} = any(${keys})
    group by 1`,
  // Approved objectives; covered: a self-evaluation submitted.
  selfEvalCoverage: (k, keys, c) => sql`
    select ${k("o")} as k, count(se.id) filter (where se.submitted_at is not null)::text as numerator, count(*)::text as denominator
    from objectives o left join self_evaluations se on se.objective_id = o.id
    where o.fiscal_year = ${c.fiscalYear} and ${k("o")} = any(${keys}) and o.approved_version_id is not null
    group by 1`,
  // Re-scored samples: the points the self-score stood above the re-score (0 when below), averaged.
  selfScoreGap: (k, keys, c) => sql`
    select ${k("se")} as k, sum(greatest(i.self_score - i.re_score, 0))::text as numerator, count(*)::text as denominator
    from re_evaluation_items i join self_evaluations se on se.id = i.self_evaluation_id
    where se.fiscal_year = ${c.fiscalYear} and i.re_score is not null and ${k("se")} = any(${keys})
    group by 1`,
  // Rectification tasks of the year's evaluations; on time: closed (the audited close) by the deadline.
  rectificationOnTime: (k, keys, c) => sql`
    select ${k("se")} as k, count(*) filter (where t.state = 'closed' and ${cnDate(sql`c.closed_at`)} <= t.deadline)::text as numerator, count(*)::text as denominator
    from rectification_tasks t join self_evaluations se on se.id = t.self_evaluation_id
    left join (select object_id, min(at) as closed_at from audit_log where action = 'rectification.close' group by object_id) c on c.object_id = t.id::text
    where se.fiscal_year = ${c.fiscalYear} and ${k("se")} = any(${keys})
    group by 1`,
  // Approved objectives; complete and on time: live in the portal (one live row per objective), disclosed within 20 days of approval.
  disclosureOnTime: (k, keys, c) => sql`
    select ${k("o")} as k, count(d.id) filter (where ${cnDate(sql`d.disclosed_at`)} <= ${cnDate(sql`v.approved_at`)} + ${DISCLOSE_WITHIN_DAYS}::int)::text as numerator, count(*)::text as denominator
    from objectives o join objective_versions v on v.id = o.approved_version_id
    left join disclosures d on d.objective_id = o.id and d.subject_type = 'objective' and d.withdrawn_at is null
    where o.fiscal_year = ${c.fiscalYear} and ${k("o")} = any(${keys})
    group by 1`,
  // Accepted key evaluations: the share of the points their grades earn (优 1, 良 0.8, 中 0.6, 差 0), summed.
  keyEvalGrades: (k, keys, c) => sql`
    select ${k("o")} as k,
      sum(case ke.grade when 'excellent' then ${GRADE_SHARE.excellent}::numeric when 'good' then ${GRADE_SHARE.good}::numeric when 'fair' then ${GRADE_SHARE.fair}::numeric else 0 end)::text as numerator,
      count(*)::text as denominator
    from key_evaluations ke join objectives o on o.id = ke.objective_id
    where ke.fiscal_year = ${c.fiscalYear} and ke.state = 'accepted' and ${k("o")} = any(${keys})
    group by 1`,
};

/** One metric for every assessed organisation of a kind, in one query: group keys are org ids (department) or region ids (finance). */
export async function computeMetric(db: DbOrTx, metric: MetricKey, kind: AssessedKind, keys: readonly number[], c: MetricContext): Promise<MetricRows> {
  const out: MetricRows = new Map();
  if (!keys.length) return out;
  const array = sql`${`{${keys.join(",")}}`}::int[]`;
  // keyEvalGrades reads the objective's department or region (key_evaluations has no department column).
  const rows = await queryRows<{ k: number; numerator: string | null; denominator: string }>(db, QUERIES[metric](keyOf(kind), array, c));
  for (const r of rows) out.set(Number(r.k), { numerator: normal(r.numerator ?? "0"), denominator: normal(r.denominator) });
  return out;
}

/** "3.00" → "3", "0.80" → "0.8": numerator and denominator as the basis shows them. */
function normal(v: string): string {
  return v.includes(".") ? v.replace(/0+$/, "").replace(/\.$/, "") : v;
}
