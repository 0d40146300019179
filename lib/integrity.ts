import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { overviewRecount } from "@/lib/overview/verify";

export interface IntegrityFinding {
  check: string;
  description: string;
  /** How many rows break it (0 = holds). */
  violations: number;
  /** A few offending ids, to look at. */
  sample: number[];
}

/**
 * The data's own integrity rules, as queries: the app relies on them and nothing else enforces
 * them across tables (foreign keys hold only the single-column ones). Run after bulk loads
 * (`npm run gen`), after imports, and by the tests on the demo data.
 */
const CHECKS: { check: string; description: string; query: ReturnType<typeof sql> }[] = [
  {
    check: "current_version_belongs",
    description: "每个绩效目标的当前版本属于该目标 / an objective's current version is one of its own",
    query: sql`select o.id from objectives o left join objective_versions v on v.id = o.current_version_id
               where o.current_version_id is null or v.objective_id is distinct from o.id`,
  },
  {
    check: "approved_version_belongs",
    description: "已批复版本属于该目标，已批复的目标必有批复版本 / an approved version is the objective's own, and approved objectives have one",
    query: sql`select o.id from objectives o left join objective_versions v on v.id = o.approved_version_id
               where (o.approved_version_id is not null and v.objective_id is distinct from o.id)
                  or (o.state = 'approved' and o.approved_version_id is null)`,
  },
  {
    check: "objective_region_is_owner_region",
    description: "目标所属地区即填报单位所在地区 / an objective's region is its owner's (lists are scoped by it: lib/auth/scope.ts scopeWhereByIds)",
    query: sql`select o.id from objectives o join orgs g on g.id = o.owner_org_id where o.region_id <> g.region_id`,
  },
  {
    check: "requested_amount_matches",
    description: "目标申请金额等于当前版本申请金额 / the objective's amount equals its current version's",
    query: sql`select o.id from objectives o join objective_versions v on v.id = o.current_version_id
               where o.requested_amount <> v.requested_amount`,
  },
  {
    check: "funding_totals_match",
    description: "资金来源合计等于申请金额 / the funding table sums to the requested amount (objectives under review or approved)",
    query: sql`select v.objective_id as id from objective_versions v join objectives o on o.current_version_id = v.id
               where o.state in ('dept_review', 'finance_review', 'approved') and jsonb_array_length(v.funding) > 0
                 and v.requested_amount <> (select coalesce(sum((f->>'amount')::numeric), 0) from jsonb_array_elements(v.funding) f)`,
  },
  {
    check: "weights_sum_100",
    description: "指标权重合计为100或全部留空 / indicator weights sum to 100 or are all blank",
    query: sql`select v.objective_id as id from objective_indicators i join objective_versions v on v.id = i.version_id
               join objectives o on o.current_version_id = v.id
               where o.state in ('dept_review', 'finance_review', 'approved')
               group by v.objective_id, i.version_id
               having count(i.weight) > 0 and (count(i.weight) <> count(*) or sum(i.weight) <> 100)`,
  },
  {
    check: "submitted_have_indicators",
    description: "审核中和已批复的目标至少有产出和效益指标 / an objective under review or approved has output and benefit indicators",
    query: sql`select v.objective_id as id from objective_versions v join objectives o on o.current_version_id = v.id
               where o.state in ('dept_review', 'finance_review', 'approved') and not (
                 exists (select 1 from objective_indicators i where i.version_id = v.id and i.level1 = 'output')
                 and exists (select 1 from objective_indicators i where i.version_id = v.id and i.level1 = 'benefit'))`,
  },
  {
    check: "owner_under_department",
    description: "申报单位属于其主管部门 / the filing unit sits under the objective's department",
    query: sql`select o.id from objectives o join orgs u on u.id = o.owner_org_id join orgs d on d.id = o.department_org_id
               where u.path not like d.path || '%'`,
  },
  {
    check: "review_version_belongs",
    description: "审核意见针对的是该目标的版本 / every review concerns a version of its own objective",
    query: sql`select r.objective_id as id from reviews r join objective_versions v on v.id = r.version_id
               where v.objective_id <> r.objective_id`,
  },
  {
    check: "monitoring_report_matches_objective",
    description: "监控表对应目标的已批复版本、单位、部门与地区 / a monitoring report is on its objective's approved version, unit, department and region",
    query: sql`select m.id from monitoring_reports m join objectives o on o.id = m.objective_id
               join objective_versions v on v.id = m.version_id
               where v.objective_id <> o.id or m.owner_org_id <> o.owner_org_id or m.department_org_id <> o.department_org_id or m.region_id <> o.region_id`,
  },
  {
    check: "monitoring_lines_match_indicators",
    description: "监控表每项指标一行，与批复的指标表一致 / a monitoring report has one line per indicator of its version",
    query: sql`select m.id from monitoring_reports m
               where (select count(*) from monitoring_report_indicators l where l.report_id = m.id)
                  <> (select count(*) from objective_indicators i where i.version_id = m.version_id)`,
  },
  {
    check: "warning_matches_report",
    description: "预警属于其监控表的目标、监控期、单位与地区 / a warning belongs to its report's objective, period, unit and region",
    query: sql`select w.id from monitoring_warnings w join monitoring_reports m on m.id = w.report_id
               where w.objective_id <> m.objective_id or w.period_id <> m.period_id or w.region_id <> m.region_id
                  or w.owner_org_id <> m.owner_org_id`,
  },
  {
    check: "disclosure_is_approved_version",
    description: "公开的是目标的已批复版本 / a live disclosure shows its objective's approved version",
    query: sql`select d.id from disclosures d join objectives o on o.id = d.objective_id
               where d.withdrawn_at is null and d.subject_type = 'objective' and d.version_id is distinct from o.approved_version_id`,
  },
  {
    check: "overview_tallies_match",
    description: "年度总览的计数与明细重新统计一致 / the overview's tallies equal a recount (migration 0024_overview, lib/overview)",
    query: sql`select department_org_id as id from (${overviewRecount()}) q`,
  },
  {
    check: "overview_execution_match",
    description: "年度总览的预算执行与监控表重新统计一致 / the overview's execution equals a recount of the monitoring reports",
    query: sql`select coalesce(t.period_id, r.period_id) as id
               from overview_execution t
               full join (select m.period_id, m.department_org_id, count(*)::int as n, count(*) filter (where m.state in ('draft', 'returned'))::int as f,
                                 count(*) filter (where m.state = 'accepted')::int as a,
                                 coalesce(sum(coalesce(m.adjusted_budget, m.budget)) filter (where m.state = 'accepted'), 0) as b,
                                 coalesce(sum(coalesce(m.executed_amount, 0)) filter (where m.state = 'accepted'), 0) as e
                            from monitoring_reports m group by m.period_id, m.department_org_id) r
                 on r.period_id = t.period_id and r.department_org_id = t.department_org_id
               where (t.period_id is null and r.n > 0) or (r.period_id is null and t.n_reports <> 0)
                  or (r.period_id is not null and t.period_id is not null
                      and (t.n_reports, t.n_to_fill, t.n_accepted, t.budget_accepted, t.executed_accepted) is distinct from (r.n, r.f, r.a, r.b, r.e))`,
  },
];

export async function checkIntegrity(db: DbOrTx): Promise<IntegrityFinding[]> {
  const out: IntegrityFinding[] = [];
  for (const c of CHECKS) {
    const rows = await queryRows<{ id: number }>(db, sql`select id from (${c.query}) q order by id`);
    out.push({ check: c.check, description: c.description, violations: rows.length, sample: rows.slice(0, 5).map((r) => Number(r.id)) });
  }
  return out;
}
