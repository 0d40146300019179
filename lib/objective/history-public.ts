import Decimal from "decimal.js";
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import type { Comparison, Grade, IndicatorLevel1, IndicatorLevel2 } from "@/db/schema/enums";
import { likeEscape } from "@/lib/paging";

/**
 * The public portal's year-over-year views (往年对比), read like every public query: FROM live
 * disclosures only (withdrawn_at is null), content only through a live row's frozen version, so a
 * year that was never disclosed, or was withdrawn, is not there — not even as an empty column.
 * Plain JSON, because the pages cache it (lib/objective/history-cached.ts).
 */

export interface PublicYearIndicator {
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  comparison: Comparison;
  annualTarget: string | null;
  unit: string | null;
}

export interface PublicSubjectYear {
  disclosureId: number;
  fiscalYear: number;
  title: string;
  /** The budget disclosed with the objective (元). */
  amount: string;
  /** The prevailing disclosed grade (key evaluation's, else self-evaluation's), if a result is disclosed. */
  grade: Grade | null;
  gradeSource: "key" | "self" | null;
  indicators: PublicYearIndicator[];
}

/**
 * The disclosed years of the subject of a live disclosure, oldest first (the current one among
 * them); [] when the disclosure is not live. ONE query: the subject's objectives through the
 * index of its kind (objectives_project_year_uq, objectives_dept_year_uq,
 * objectives_regional_subject_idx — one branch per kind, only the matching one returns rows),
 * each one's live disclosure (disclosures_live_objective_uq), its frozen indicators
 * (objective_indicators_version_idx) and its live result grades (the partial indexes of evaluation
 * and key-evaluation disclosures).
 */
export async function publicSubjectYears(db: DbOrTx, disclosureId: number): Promise<PublicSubjectYear[]> {
  const rows = await queryRows<{
    disclosure_id: number;
    fiscal_year: number;
    title: string;
    amount: string;
    key_grade: Grade | null;
    self_grade: Grade | null;
    indicators: PublicYearIndicator[] | null;
  }>(
    db,
    sql`with cur as (
          select o.subject_kind, o.project_id, o.owner_org_id, o.parent_objective_id
          from disclosures d join objectives o on o.id = d.objective_id
          where d.id = ${disclosureId} and d.subject_type = 'objective' and d.withdrawn_at is null
        ), same as (
          select o.id from cur join objectives o on o.project_id = cur.project_id and o.owner_org_id = cur.owner_org_id and o.parent_objective_id is not null
          where cur.parent_objective_id is not null
          union all
          select o.id from cur join objectives o on o.owner_org_id = cur.owner_org_id and o.subject_kind = 'department'
          where cur.parent_objective_id is null and cur.subject_kind = 'department'
          union all
          select o.id from cur join objectives o on o.project_id = cur.project_id and o.parent_objective_id is null
          where cur.parent_objective_id is null and cur.subject_kind <> 'department'
        )
        select d.id as disclosure_id, d.fiscal_year, d.title, d.amount::text as amount,
          (select k.grade from disclosures k where k.key_evaluation_id is not null and k.withdrawn_at is null and k.objective_id = d.objective_id order by k.id desc limit 1) as key_grade,
          (select e.grade from disclosures e where e.subject_type = 'evaluation' and e.withdrawn_at is null and e.objective_id = d.objective_id order by e.id desc limit 1) as self_grade,
          (select json_agg(json_build_object('name', i.name, 'level1', i.level1, 'level2', i.level2, 'comparison', i.comparison, 'annualTarget', i.annual_target, 'unit', i.unit) order by i.ordinal)
             from objective_indicators i where i.version_id = d.version_id) as indicators
        from same join disclosures d on d.objective_id = same.id and d.subject_type = 'objective' and d.withdrawn_at is null
        order by d.fiscal_year, d.id`,
  );
  return rows.map((r) => ({
    disclosureId: Number(r.disclosure_id),
    fiscalYear: Number(r.fiscal_year),
    title: r.title,
    amount: new Decimal(r.amount).toFixed(2),
    grade: r.key_grade ?? r.self_grade,
    gradeSource: r.key_grade ? "key" : r.self_grade ? "self" : null,
    indicators: r.indicators ?? [],
  }));
}

export interface PublicRegionYear {
  fiscalYear: number;
  /** Objectives disclosed and their budgets (元). */
  count: number;
  amount: string;
  /** Evaluation results (self-evaluations) disclosed for that year. */
  results: number;
}

/**
 * A region's (and the regions below) disclosures by fiscal year, newest first: ONE aggregate over
 * the live rows under the region's path (a text_pattern_ops prefix range of the partial indexes on
 * live rows, disclosures_public_idx or disclosures_public_region_idx, index only).
 */
export async function publicRegionYears(db: DbOrTx, regionPath: string): Promise<PublicRegionYear[]> {
  const rows = await queryRows<{ fiscal_year: number; count: number; amount: string | null; results: number }>(
    db,
    sql`select d.fiscal_year,
          count(*) filter (where d.subject_type = 'objective')::int as count,
          (sum(d.amount) filter (where d.subject_type = 'objective'))::text as amount,
          count(*) filter (where d.subject_type = 'evaluation')::int as results
        from disclosures d
        where d.withdrawn_at is null and d.region_path like ${`${likeEscape(regionPath)}%`}
        group by d.fiscal_year
        order by d.fiscal_year desc`,
  );
  return rows
    .map((r) => ({ fiscalYear: Number(r.fiscal_year), count: Number(r.count), amount: new Decimal(r.amount ?? "0").toFixed(2), results: Number(r.results) }))
    .filter((r) => r.count > 0 || r.results > 0);
}
