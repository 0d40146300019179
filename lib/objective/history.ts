import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { objectives } from "@/db/schema";
import type { Comparison, Grade, IndicatorLevel1, IndicatorLevel2, ObjectiveState } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhereByIds } from "@/lib/auth/scope";
import type { EarlierYear } from "./year-compare";

/**
 * A subject's earlier years (同一主体历年), for its page and the review screen: the same project's
 * objectives of earlier fiscal years, a department's earlier department-overall objectives, or a
 * recipient region's earlier regional objectives of the same transfer payment. Objectives carry no
 * link to last year's; the project (which spans years) and the owner are the link:
 *
 * | subject                          | same subject                                       | index                            |
 * |----------------------------------|----------------------------------------------------|----------------------------------|
 * | project / transfer (overall)     | project_id, parent_objective_id is null            | objectives_project_year_uq       |
 * | department overall               | subject_kind = 'department', owner_org_id          | objectives_dept_year_uq          |
 * | transfer, one region's objective | project_id, owner_org_id, parent_objective_id set  | objectives_regional_subject_idx  |
 *
 * ONE query per page, whatever the number of years or indicators: each year's approved
 * indicators (objective_indicators_version_idx), its self-evaluation (self_evaluations_objective_uq),
 * its accepted key evaluation (key_evaluations_objective_uq) and its latest accepted monitoring
 * report with its lines (monitoring_reports_objective_idx, monitoring_report_indicators_uq) come as
 * JSON columns of the year's row. Only years the reader may read (the org-tree rule as SQL).
 */

export const HISTORY_YEARS = 10;

export interface SubjectRef {
  id: number;
  subjectKind: "project" | "department" | "transfer";
  projectId: number | null;
  ownerOrgId: number;
  parentObjectiveId: number | null;
  fiscalYear: number;
}

export interface HistoryIndicator {
  ordinal: number;
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  comparison: Comparison;
  annualTarget: string | null;
  unit: string | null;
}

export interface HistoryYear {
  objectiveId: number;
  fiscalYear: number;
  title: string;
  state: ObjectiveState;
  /** Finance's grade of the objective (优良中差) when decided. */
  grade: Grade | null;
  /** The budget: the approved version's amount, else the objective's request (元). */
  amount: string;
  approved: boolean;
  indicators: HistoryIndicator[];
  selfEvaluation: {
    id: number;
    state: string;
    score: string | null;
    grade: Grade | null;
    budgetAmount: string;
    executedAmount: string;
    actuals: { ordinal: number; actual: string | null; band: string | null }[];
  } | null;
  keyEvaluation: { id: number; score: string | null; grade: Grade | null } | null;
  monitoring: { reportId: number; throughMonth: number; executedAmount: string | null; lines: { ordinal: number; valueReached: string | null }[] } | null;
}

/** The condition naming the same subject as `o` (on the `objectives` table), or null when it has none to follow. */
export function sameSubject(o: SubjectRef): SQL | null {
  if (o.parentObjectiveId !== null) {
    return o.projectId === null
      ? null
      : sql`${objectives.projectId} = ${o.projectId} and ${objectives.ownerOrgId} = ${o.ownerOrgId} and ${objectives.parentObjectiveId} is not null`;
  }
  if (o.subjectKind === "department") return sql`${objectives.subjectKind} = 'department' and ${objectives.ownerOrgId} = ${o.ownerOrgId}`;
  return o.projectId === null ? null : sql`${objectives.projectId} = ${o.projectId} and ${objectives.parentObjectiveId} is null`;
}

interface Row {
  objective_id: number;
  fiscal_year: number;
  title: string;
  state: ObjectiveState;
  grade: Grade | null;
  amount: string;
  approved: boolean;
  indicators: HistoryIndicator[] | null;
  se: HistoryYear["selfEvaluation"];
  ke: HistoryYear["keyEvaluation"];
  mr: HistoryYear["monitoring"];
}

/** The subject's earlier years the reader may read, newest first (at most HISTORY_YEARS). */
export async function subjectHistory(db: DbOrTx, actor: Actor, o: SubjectRef): Promise<HistoryYear[]> {
  const same = sameSubject(o);
  if (!same) return [];
  const rows = await queryRows<Row>(
    db,
    sql`select ${objectives.id} as objective_id, ${objectives.fiscalYear} as fiscal_year, ${objectives.title} as title, ${objectives.state} as state,
          ${objectives.grade} as grade, coalesce(v.requested_amount, ${objectives.requestedAmount})::text as amount, v.id is not null as approved,
          (select json_agg(json_build_object('ordinal', i.ordinal, 'name', i.name, 'level1', i.level1, 'level2', i.level2, 'comparison', i.comparison,
                  'annualTarget', i.annual_target, 'unit', i.unit) order by i.ordinal)
             from objective_indicators i where i.version_id = v.id) as indicators,
          (select json_build_object('id', se.id, 'state', se.state, 'score', se.total_score::text, 'grade', se.grade, 'budgetAmount', se.budget_amount::text,
                  'executedAmount', se.executed_amount::text,
                  'actuals', (select coalesce(json_agg(json_build_object('ordinal', (a->>'ordinal')::int, 'actual', a->>'actual', 'band', a->>'band')), '[]'::json)
                                from jsonb_array_elements(se.actuals) a))
             from self_evaluations se where se.objective_id = ${objectives.id}) as se,
          (select json_build_object('id', ke.id, 'score', ke.total_score::text, 'grade', ke.grade)
             from key_evaluations ke where ke.objective_id = ${objectives.id} and ke.state = 'accepted') as ke,
          (select json_build_object('reportId', r.id, 'throughMonth', p.through_month, 'executedAmount', r.executed_amount::text,
                  'lines', (select coalesce(json_agg(json_build_object('ordinal', l.ordinal, 'valueReached', l.value_reached)), '[]'::json)
                              from monitoring_report_indicators l where l.report_id = r.id))
             from monitoring_reports r join monitoring_periods p on p.id = r.period_id
             where r.objective_id = ${objectives.id} and r.state = 'accepted'
             order by p.through_month desc, r.id desc limit 1) as mr
        from ${objectives}
        left join objective_versions v on v.id = ${objectives.approvedVersionId}
        where ${same} and ${objectives.fiscalYear} < ${o.fiscalYear} and ${objectives.id} <> ${o.id}
          and ${scopeWhereByIds(actor, "project.read", { ownerOrgId: objectives.ownerOrgId, regionId: objectives.regionId })}
        order by ${objectives.fiscalYear} desc
        limit ${HISTORY_YEARS}`,
  );
  return rows.map((r) => ({
    objectiveId: Number(r.objective_id),
    fiscalYear: Number(r.fiscal_year),
    title: r.title,
    state: r.state,
    grade: r.grade,
    amount: r.amount,
    approved: r.approved,
    indicators: r.indicators ?? [],
    selfEvaluation: r.se,
    keyEvaluation: r.ke,
    monitoring: r.mr,
  }));
}

/**
 * What a year reached, by ordinal of its approved indicators: the finance-accepted
 * self-evaluation's actual, else the latest accepted monitoring report's value reached.
 */
export function reachedOf(y: HistoryYear): EarlierYear["reached"] {
  const out: EarlierYear["reached"] = {};
  if (y.monitoring) {
    for (const l of y.monitoring.lines) if (l.valueReached?.trim()) out[l.ordinal] = { value: l.valueReached, source: "monitoring" };
  }
  if (y.selfEvaluation?.state === "accepted") {
    for (const a of y.selfEvaluation.actuals) if (a.actual?.trim()) out[a.ordinal] = { value: a.actual, source: "self" };
  }
  return out;
}

/** The history in the shape of the year-over-year rule (lib/objective/year-compare.ts). */
export function earlierYears(history: readonly HistoryYear[]): EarlierYear[] {
  return history.map((y) => ({ fiscalYear: y.fiscalYear, objectiveId: y.objectiveId, indicators: y.approved ? y.indicators : [], reached: reachedOf(y) }));
}
