import { sql } from "drizzle-orm";

/**
 * The tally rows (overview_tallies) that differ from a recount of the objectives, disclosures,
 * warnings and self-evaluations they summarise: empty when the triggers of migration
 * 0024_overview kept every figure. A check of lib/integrity.ts; the tests run it after changes.
 */
export function overviewRecount() {
  return sql`
    with r as (
      select fiscal_year, region_id, department_org_id,
             count(*) filter (where state = 'draft') as n_draft, count(*) filter (where state = 'dept_review') as n_dept_review,
             count(*) filter (where state = 'finance_review') as n_finance_review, count(*) filter (where state = 'returned') as n_returned,
             count(*) filter (where state = 'approved') as n_approved, count(*) filter (where state = 'rejected') as n_rejected,
             count(*) filter (where state = 'superseded') as n_superseded,
             coalesce(sum(requested_amount) filter (where state not in ('draft', 'superseded')), 0) as amount_declared,
             coalesce(sum(requested_amount) filter (where state = 'approved'), 0) as amount_approved,
             0 as n_disclosed, 0 as amount_disclosed, 0 as n_red_open, 0 as n_yellow_open, 0 as n_excellent, 0 as n_good, 0 as n_fair, 0 as n_poor
        from objectives group by 1, 2, 3
      union all
      select fiscal_year, region_id, department_org_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), sum(amount), 0, 0, 0, 0, 0, 0
        from disclosures where subject_type = 'objective' and withdrawn_at is null group by 1, 2, 3
      union all
      select p.fiscal_year, w.region_id, w.department_org_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
             count(*) filter (where w.light = 'red'), count(*) filter (where w.light = 'yellow'), 0, 0, 0, 0
        from monitoring_warnings w join monitoring_periods p on p.id = w.period_id
       where w.state = 'open' and w.light in ('red', 'yellow') group by 1, 2, 3
      union all
      select fiscal_year, region_id, department_org_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
             count(*) filter (where grade = 'excellent'), count(*) filter (where grade = 'good'), count(*) filter (where grade = 'fair'), count(*) filter (where grade = 'poor')
        from self_evaluations where state = 'accepted' and grade is not null group by 1, 2, 3
    ),
    recount as (
      select fiscal_year, region_id, department_org_id,
             sum(n_draft)::int as n_draft, sum(n_dept_review)::int as n_dept_review, sum(n_finance_review)::int as n_finance_review, sum(n_returned)::int as n_returned,
             sum(n_approved)::int as n_approved, sum(n_rejected)::int as n_rejected, sum(n_superseded)::int as n_superseded,
             sum(amount_declared)::numeric(18, 2) as amount_declared, sum(amount_approved)::numeric(18, 2) as amount_approved,
             sum(n_disclosed)::int as n_disclosed, sum(amount_disclosed)::numeric(18, 2) as amount_disclosed,
             sum(n_red_open)::int as n_red_open, sum(n_yellow_open)::int as n_yellow_open,
             sum(n_excellent)::int as n_excellent, sum(n_good)::int as n_good, sum(n_fair)::int as n_fair, sum(n_poor)::int as n_poor
        from r group by 1, 2, 3
    ),
    tally as (
      select fiscal_year, region_id, department_org_id, n_draft, n_dept_review, n_finance_review, n_returned, n_approved, n_rejected, n_superseded,
             amount_declared, amount_approved, n_disclosed, amount_disclosed, n_red_open, n_yellow_open, n_excellent, n_good, n_fair, n_poor
        from overview_tallies
       -- a slice whose every count went back to zero keeps its row: it equals no row of the recount
       where (n_draft, n_dept_review, n_finance_review, n_returned, n_approved, n_rejected, n_superseded, n_disclosed, n_red_open, n_yellow_open, n_excellent, n_good, n_fair, n_poor)
             is distinct from (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
          or amount_declared <> 0 or amount_approved <> 0 or amount_disclosed <> 0
    )
    select coalesce(t.fiscal_year, c.fiscal_year) as fiscal_year, coalesce(t.region_id, c.region_id) as region_id, coalesce(t.department_org_id, c.department_org_id) as department_org_id
      from tally t full join recount c on c.fiscal_year = t.fiscal_year and c.region_id = t.region_id and c.department_org_id = t.department_org_id
     where t is distinct from c`;
}
