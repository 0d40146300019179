import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryRows } from "@/db/client";
import { auditLog, indicatorChangeRequests, indicators, orgs, users, type IndicatorLevel1, type IndicatorLevel2 } from "@/db/schema";
import { indicatorTextMatch } from "./search";
import { countRows, direction, pageWindow } from "@/lib/paging";

export interface IndicatorListParams {
  q?: string;
  sector?: string;
  level1?: IndicatorLevel1;
  level2?: IndicatorLevel2;
  kind?: "common" | "sector";
  status?: "active" | "retired";
  ownerOrgId?: number;
  sort?: "code" | "name" | "sector" | "level";
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

/** The bank's current indicators, filtered, sorted and paged in the database. */
export async function listIndicators(db: DbOrTx, p: IndicatorListParams) {
  const where = and(
    eq(indicators.isCurrent, true),
    indicatorTextMatch(p.q),
    p.sector ? eq(indicators.sector, p.sector) : undefined,
    p.level1 ? eq(indicators.level1, p.level1) : undefined,
    p.level2 ? eq(indicators.level2, p.level2) : undefined,
    p.kind ? eq(indicators.kind, p.kind) : undefined,
    p.status ? eq(indicators.status, p.status) : undefined,
    p.ownerOrgId ? eq(indicators.ownerOrgId, p.ownerOrgId) : undefined,
  );
  const order = direction(p.dir);
  const sortCols: Record<NonNullable<IndicatorListParams["sort"]>, SQL[]> = {
    code: [sql`${indicators.code}`],
    name: [sql`${indicators.name}`],
    sector: [sql`coalesce(${indicators.sector}, '')`],
    level: [sql`${indicators.level1}`, sql`${indicators.level2}`],
  };
  const pageSize = Math.min(p.pageSize ?? 20, 100);
  const { total } = await countRows(db, db.select({ one: sql`1` }).from(indicators).where(where).$dynamic(), { cap: false });
  const { page, limit, offset } = pageWindow(Math.max(p.page ?? 1, 1), pageSize, total);
  const rows = await db
    .select({ i: indicators, ownerName: orgs.name })
    .from(indicators)
    .leftJoin(orgs, eq(orgs.id, indicators.ownerOrgId))
    .where(where)
    .orderBy(...sortCols[p.sort ?? "code"].map((c) => order(c)), asc(indicators.code))
    .limit(limit)
    .offset(offset);
  return { rows, total, page, pageSize };
}

/** Every version of an indicator, newest first, and its audit trail. */
export async function indicatorHistory(db: DbOrTx, code: string) {
  const versions = await db.select().from(indicators).where(eq(indicators.code, code)).orderBy(desc(indicators.version));
  const trail = await db.select().from(auditLog).where(and(eq(auditLog.objectType, "indicator"), eq(auditLog.objectId, code))).orderBy(desc(auditLog.id)).limit(200);
  const requests = await db
    .select({ r: indicatorChangeRequests, proposer: users.displayName, org: orgs.name })
    .from(indicatorChangeRequests)
    .innerJoin(users, eq(users.id, indicatorChangeRequests.proposerId))
    .innerJoin(orgs, eq(orgs.id, indicatorChangeRequests.proposerOrgId))
    .where(eq(indicatorChangeRequests.indicatorCode, code))
    .orderBy(desc(indicatorChangeRequests.id));
  return { versions, trail, requests };
}

export interface UsageRow {
  fiscal_year: number;
  objectives: number;
  numeric_targets: number;
  q1: string | null;
  median: string | null;
  q3: string | null;
}

/**
 * Where an indicator is used: per fiscal year, how many objectives' current versions picked any
 * version of it, and the distribution (quartiles) of the numeric annual targets they set.
 */
export async function indicatorUsage(db: DbOrTx, code: string): Promise<UsageRow[]> {
  return queryRows<UsageRow>(
    db,
    sql`
    select o.fiscal_year::int as fiscal_year,
           count(distinct o.id)::int as objectives,
           count(oi.annual_target) filter (where oi.annual_target ~ '^-?[0-9]+(\\.[0-9]+)?$')::int as numeric_targets,
           (percentile_cont(0.25) within group (order by case when oi.annual_target ~ '^-?[0-9]+(\\.[0-9]+)?$' then oi.annual_target::numeric end))::numeric(20,2)::text as q1,
           (percentile_cont(0.5) within group (order by case when oi.annual_target ~ '^-?[0-9]+(\\.[0-9]+)?$' then oi.annual_target::numeric end))::numeric(20,2)::text as median,
           (percentile_cont(0.75) within group (order by case when oi.annual_target ~ '^-?[0-9]+(\\.[0-9]+)?$' then oi.annual_target::numeric end))::numeric(20,2)::text as q3
    from objective_indicators oi
    join indicators i on i.id = oi.indicator_id
    join objectives o on o.current_version_id = oi.version_id
    where i.code = ${code}
    group by o.fiscal_year
    order by o.fiscal_year desc`,
  );
}

/**
 * For the wizard's "far from its peers" warning: per bank indicator code, the median of the
 * numeric annual targets other objectives set, and how many there are.
 */
export async function peerMedians(db: DbOrTx, indicatorIds: number[], excludeObjectiveId: number) {
  if (!indicatorIds.length) return new Map<number, { median: string; count: number }>();
  const rows = await queryRows<{ id: number; median: string | null; n: number }>(
    db,
    sql`
    select picked.id, peers.median, peers.n from
      (select id, code from indicators where id in (${sql.join(indicatorIds.map((x) => sql`${x}`), sql`, `)})) picked
    cross join lateral (
      select (percentile_cont(0.5) within group (order by oi.annual_target::numeric))::numeric(20,2)::text as median, count(*)::int as n
      from objective_indicators oi
      join indicators i on i.id = oi.indicator_id and i.code = picked.code
      join objectives o on o.current_version_id = oi.version_id and o.id <> ${excludeObjectiveId}
      where oi.annual_target ~ '^-?[0-9]+(\\.[0-9]+)?$'
    ) peers`,
  );
  return new Map(rows.filter((r) => r.median !== null).map((r) => [Number(r.id), { median: r.median!, count: Number(r.n) }]));
}

