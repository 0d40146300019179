import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Discloses, in one INSERT … SELECT, every approved objective (of `fiscalYear`, or of every year)
 * that has no live disclosure — for the province-scale generator and the benchmark, where going
 * through the action 200,000 times is pointless. It writes the same rows as the action
 * (disclosureRow in disclose.ts): the approved version, its amount, the owner's region path and
 * the search text with its Han bigrams, computed in SQL. No audit rows: this is test data, not
 * an act of a finance department. `share` (0–1] discloses that fraction (by id, deterministic).
 */
export async function bulkDiscloseApproved(db: DbOrTx, opts: { by: number; fiscalYear?: number; share?: number }): Promise<number> {
  const modulo = Math.max(1, Math.round(1 / Math.min(1, Math.max(opts.share ?? 1, 0.001))));
  const result = await db.execute(sql`
    insert into disclosures (subject_type, objective_id, version_id, fiscal_year, region_id, region_path, department_org_id, owner_org_id,
                             category, title, amount, search_text, search_grams, disclosed_by)
    select 'objective', o.id, o.approved_version_id, o.fiscal_year, o.region_id, r.path, o.department_org_id, o.owner_org_id,
           p.category, o.title, v.requested_amount, st.txt,
           array(select distinct substr(st.txt, i, 2) from generate_series(1, greatest(char_length(st.txt) - 1, 0)) i
                 where substr(st.txt, i, 2) ~ '^[一-鿿]{2}$'),
           ${opts.by}
    from objectives o
    join objective_versions v on v.id = o.approved_version_id
    join regions r on r.id = o.region_id
    join orgs w on w.id = o.owner_org_id
    join orgs d on d.id = o.department_org_id
    left join projects p on p.id = o.project_id
    cross join lateral (select normalize(concat_ws(' ', o.title, d.name, w.name, nullif(v.overall_goal, ''), nullif(v.annual_goal, '')), NFKC) as txt) st
    where o.approved_version_id is not null
      and (${opts.fiscalYear ?? null}::int is null or o.fiscal_year = ${opts.fiscalYear ?? null}::int)
      and o.id % ${modulo} = 0
      and not exists (select 1 from disclosures x where x.objective_id = o.id and x.subject_type = 'objective' and x.withdrawn_at is null)
  `);
  return (result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0;
}
