import { publishedRankings } from "@/lib/assessment/rounds";
import Decimal from "decimal.js";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { fiscalYears, monitoringPeriods, orgs, overviewExecution, overviewTallies, regions } from "@/db/schema";
import { provinceRegionId } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/format";

/**
 * The year at a glance (总览) of finance and the congress/audit readers: every figure is summed
 * from the tallies the database keeps (overview_tallies, overview_execution: triggers of
 * migration 0024_overview, updated in the transaction of each change), never by counting the
 * province's objectives on a request. Scope: the reader's region and the regions below it
 * (lib/auth/scope.ts, the rule of finance roles and observers), for the `overview.read` permission.
 */

/** The counts and amounts of one slice (the whole scope, a region, a department); amounts in 元 as strings. */
export interface Tally {
  draft: number;
  deptReview: number;
  financeReview: number;
  returned: number;
  approved: number;
  rejected: number;
  /** Submitted at least once and still in play: not draft, not superseded. */
  declared: number;
  disclosed: number;
  amountDeclared: string;
  amountApproved: string;
  amountDisclosed: string;
  redOpen: number;
  yellowOpen: number;
  grades: { excellent: number; good: number; fair: number; poor: number };
}

export interface RegionSlice extends Tally {
  regionId: number;
  name: string;
  /** The reader's own region counts its own level only; a region below rolls up its whole subtree. */
  own: boolean;
}

export interface DepartmentSlice extends Tally {
  departmentId: number;
  name: string;
}

export interface LateDepartment {
  departmentId: number;
  name: string;
  regionName: string;
  /** Declarations still in draft or returned after the declaration deadline. */
  unsubmitted: number;
}

export type OverdueKind = "objectiveDraft" | "deptReview" | "financeReview" | "monitoringToFill";

export interface OverviewFigures {
  year: number;
  deadlines: { declarationEnd: string; reviewDeadline: string } | null;
  totals: Tally;
  byRegion: RegionSlice[];
  byDepartment: DepartmentSlice[];
  execution: { budget: string; executed: string; reports: number; throughMonths: number[] };
  /** Overdue work of the scope, by the inbox's task kinds, each 0 before its deadline. */
  overdue: { kind: OverdueKind; count: number }[];
  late: LateDepartment[];
}

/** The roles this page is for: finance and the congress/audit readers (lib/auth/permissions.ts "overview.read"). */
export function readsOverview(actor: Pick<Actor, "roles">): boolean {
  return hasPermission(actor.roles, "overview.read");
}

/**
 * 考核 (assessment of performance management work): the published rankings of the reader's region
 * and below for the year (lib/assessment/rounds.ts) — of each round the top three and the bottom
 * three, each linking to its round. Empty until a round is published.
 */
export async function assessmentRankingForOverview(db: DbOrTx, actor: Pick<Actor, "regionPath">, year: number): Promise<{ name: string; score: string; rank: number; href: string }[]> {
  const rows = await publishedRankings(db, actor.regionPath, year);
  const byRound = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.roundId}:${r.kind}`;
    byRound.set(key, [...(byRound.get(key) ?? []), r]);
  }
  const picked = [...byRound.values()].flatMap((list) => (list.length <= 6 ? list : [...list.slice(0, 3), ...list.slice(-3)]));
  return picked.map((r) => ({ name: `${r.orgName}（${r.regionName}）`, score: r.finalScore ?? "", rank: r.rank ?? 0, href: `/assessment/${r.roundId}` }));
}

/** The province's fiscal years, newest first, and the default: the newest open one (else the newest). */
export async function overviewYears(db: DbOrTx, actor: Pick<Actor, "regionPath">): Promise<{ years: number[]; current: number | null }> {
  const province = provinceRegionId(actor.regionPath) ?? -1;
  const rows = await db.select({ year: fiscalYears.year, status: fiscalYears.status }).from(fiscalYears).where(eq(fiscalYears.regionId, province)).orderBy(desc(fiscalYears.year));
  const open = rows.find((r) => r.status === "open");
  return { years: rows.map((r) => r.year), current: open?.year ?? rows[0]?.year ?? null };
}

const SUMS = {
  draft: sql<number>`coalesce(sum(${overviewTallies.nDraft}), 0)::int`,
  deptReview: sql<number>`coalesce(sum(${overviewTallies.nDeptReview}), 0)::int`,
  financeReview: sql<number>`coalesce(sum(${overviewTallies.nFinanceReview}), 0)::int`,
  returned: sql<number>`coalesce(sum(${overviewTallies.nReturned}), 0)::int`,
  approved: sql<number>`coalesce(sum(${overviewTallies.nApproved}), 0)::int`,
  rejected: sql<number>`coalesce(sum(${overviewTallies.nRejected}), 0)::int`,
  disclosed: sql<number>`coalesce(sum(${overviewTallies.nDisclosed}), 0)::int`,
  amountDeclared: sql<string>`coalesce(sum(${overviewTallies.amountDeclared}), 0)::text`,
  amountApproved: sql<string>`coalesce(sum(${overviewTallies.amountApproved}), 0)::text`,
  amountDisclosed: sql<string>`coalesce(sum(${overviewTallies.amountDisclosed}), 0)::text`,
  redOpen: sql<number>`coalesce(sum(${overviewTallies.nRedOpen}), 0)::int`,
  yellowOpen: sql<number>`coalesce(sum(${overviewTallies.nYellowOpen}), 0)::int`,
  excellent: sql<number>`coalesce(sum(${overviewTallies.nExcellent}), 0)::int`,
  good: sql<number>`coalesce(sum(${overviewTallies.nGood}), 0)::int`,
  fair: sql<number>`coalesce(sum(${overviewTallies.nFair}), 0)::int`,
  poor: sql<number>`coalesce(sum(${overviewTallies.nPoor}), 0)::int`,
};
type SumRow = { [K in keyof typeof SUMS]: (typeof SUMS)[K]["_"]["type"] };

const money = (s: string) => new Decimal(s).toFixed(2);

function toTally(r: SumRow): Tally {
  return {
    draft: Number(r.draft),
    deptReview: Number(r.deptReview),
    financeReview: Number(r.financeReview),
    returned: Number(r.returned),
    approved: Number(r.approved),
    rejected: Number(r.rejected),
    declared: Number(r.deptReview) + Number(r.financeReview) + Number(r.returned) + Number(r.approved) + Number(r.rejected),
    disclosed: Number(r.disclosed),
    amountDeclared: money(r.amountDeclared),
    amountApproved: money(r.amountApproved),
    amountDisclosed: money(r.amountDisclosed),
    redOpen: Number(r.redOpen),
    yellowOpen: Number(r.yellowOpen),
    grades: { excellent: Number(r.excellent), good: Number(r.good), fair: Number(r.fair), poor: Number(r.poor) },
  };
}

/** The regions of the reader's scope (its region and below), as a condition on a region id column. */
function inScope(actor: Actor, regionId: typeof overviewTallies.regionId | typeof overviewExecution.regionId) {
  return sql`${regionId} in (select scope_region.id from ${regions} scope_region where scope_region.path like ${`${actor.regionPath}%`})`;
}

/**
 * Every figure of the overview for the reader and year: seven small queries at once over the
 * tallies (a province is about 2,100 tally rows a year), the regions and the province's fiscal year.
 */
export async function overviewFigures(db: DbOrTx, actor: Actor, year: number, opts: { now?: Date } = {}): Promise<OverviewFigures> {
  const today = todayIso(opts.now);
  const province = provinceRegionId(actor.regionPath) ?? -1;
  const own = actor.regionId;
  const ownLen = actor.regionPath.length;
  // The region a tally row counts under: the reader's own region for its own level, else the child region whose subtree holds it.
  const bucket = sql<number>`(case when ${overviewTallies.regionId} = ${own} then ${own} else split_part(substr(tally_region.path, ${ownLen + 1}), '/', 1)::int end)`;
  const yearIs = eq(overviewTallies.fiscalYear, year);

  const [children, fy, regionRows, deptRows, execRows, monitoringLate, lateRows] = await Promise.all([
    // The reader's region and the regions right below it: the rows of the by-region table.
    db
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(sql`${regions.id} = ${own} or ${regions.parentId} = ${own}`)
      .orderBy(sql`${regions.id} <> ${own}`, asc(regions.code)),
    db
      .select({ declarationEnd: fiscalYears.declarationEnd, reviewDeadline: fiscalYears.reviewDeadline })
      .from(fiscalYears)
      .where(and(eq(fiscalYears.regionId, province), eq(fiscalYears.year, year))),
    db
      .select({ bucket: bucket.as("bucket"), ...SUMS })
      .from(overviewTallies)
      .innerJoin(sql`${regions} tally_region`, sql`tally_region.id = ${overviewTallies.regionId}`)
      .where(and(yearIs, sql`tally_region.path like ${`${actor.regionPath}%`}`))
      .groupBy(sql`1`),
    db
      .select({ departmentId: overviewTallies.departmentOrgId, name: orgs.name, ...SUMS })
      .from(overviewTallies)
      .innerJoin(orgs, eq(orgs.id, overviewTallies.departmentOrgId))
      .where(and(yearIs, eq(overviewTallies.regionId, own)))
      .groupBy(overviewTallies.departmentOrgId, orgs.name, orgs.code)
      .orderBy(asc(orgs.code)),
    // Execution as of each region's latest period: accepted reports' budget in force and executed amount.
    db
      .select({
        budget: sql<string>`coalesce(sum(${overviewExecution.budgetAccepted}), 0)::text`,
        executed: sql<string>`coalesce(sum(${overviewExecution.executedAccepted}), 0)::text`,
        reports: sql<number>`coalesce(sum(${overviewExecution.nAccepted}), 0)::int`,
        months: sql<number[]>`coalesce(array_agg(distinct ${overviewExecution.throughMonth}), '{}')`,
      })
      .from(overviewExecution)
      .where(
        and(
          eq(overviewExecution.fiscalYear, year),
          inScope(actor, overviewExecution.regionId),
          sql`${overviewExecution.throughMonth} = (select max(latest.through_month) from ${overviewExecution} latest where latest.fiscal_year = ${year} and latest.region_id = ${overviewExecution.regionId})`,
        ),
      ),
    // Monitoring reports still to fill in periods whose deadline has passed (the inbox's monitoringToFill, overdue).
    db
      .select({ n: sql<number>`coalesce(sum(${overviewExecution.nToFill}), 0)::int` })
      .from(overviewExecution)
      .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, overviewExecution.periodId))
      .where(and(eq(overviewExecution.fiscalYear, year), inScope(actor, overviewExecution.regionId), sql`${monitoringPeriods.deadline} < ${today}`)),
    // Who is late: departments of the whole scope with the most declarations not submitted.
    db
      .select({
        departmentId: overviewTallies.departmentOrgId,
        name: orgs.name,
        regionName: regions.name,
        unsubmitted: sql<number>`sum(${overviewTallies.nDraft} + ${overviewTallies.nReturned})::int`,
      })
      .from(overviewTallies)
      .innerJoin(orgs, eq(orgs.id, overviewTallies.departmentOrgId))
      .innerJoin(regions, eq(regions.id, overviewTallies.regionId))
      .where(and(yearIs, sql`${regions.path} like ${`${actor.regionPath}%`}`))
      .groupBy(overviewTallies.departmentOrgId, orgs.name, regions.name)
      .having(sql`sum(${overviewTallies.nDraft} + ${overviewTallies.nReturned}) > 0`)
      .orderBy(sql`4 desc`, asc(overviewTallies.departmentOrgId))
      .limit(10),
  ]);

  const deadlines = fy[0] ? { declarationEnd: String(fy[0].declarationEnd), reviewDeadline: String(fy[0].reviewDeadline) } : null;
  const zero = toTally(Object.fromEntries(Object.keys(SUMS).map((k) => [k, k.startsWith("amount") ? "0" : 0])) as SumRow);
  const regionTallies = new Map(regionRows.map((r) => [Number(r.bucket), toTally(r)]));
  const byRegion: RegionSlice[] = children.map((r) => ({ ...(regionTallies.get(r.id) ?? zero), regionId: r.id, name: r.name, own: r.id === own }));
  const totals = sumTallies([...regionTallies.values()], zero);

  const declarationPast = deadlines !== null && deadlines.declarationEnd < today;
  const reviewPast = deadlines !== null && deadlines.reviewDeadline < today;
  const e = execRows[0];
  return {
    year,
    deadlines,
    totals,
    byRegion,
    byDepartment: deptRows.map((r) => ({ ...toTally(r), departmentId: r.departmentId, name: r.name })),
    execution: { budget: money(e?.budget ?? "0"), executed: money(e?.executed ?? "0"), reports: Number(e?.reports ?? 0), throughMonths: (e?.months ?? []).map(Number).sort((a, b) => a - b) },
    overdue: [
      { kind: "objectiveDraft", count: declarationPast ? totals.draft + totals.returned : 0 },
      { kind: "deptReview", count: reviewPast ? totals.deptReview : 0 },
      { kind: "financeReview", count: reviewPast ? totals.financeReview : 0 },
      { kind: "monitoringToFill", count: Number(monitoringLate[0]?.n ?? 0) },
    ],
    late: declarationPast ? lateRows.map((r) => ({ departmentId: r.departmentId, name: r.name, regionName: r.regionName, unsubmitted: Number(r.unsubmitted) })) : [],
  };
}

function sumTallies(list: Tally[], zero: Tally): Tally {
  const out: Tally = { ...zero, grades: { ...zero.grades } };
  const amounts = { amountDeclared: new Decimal(0), amountApproved: new Decimal(0), amountDisclosed: new Decimal(0) };
  for (const t of list) {
    for (const k of ["draft", "deptReview", "financeReview", "returned", "approved", "rejected", "declared", "disclosed", "redOpen", "yellowOpen"] as const) out[k] += t[k];
    for (const g of ["excellent", "good", "fair", "poor"] as const) out.grades[g] += t.grades[g];
    for (const k of ["amountDeclared", "amountApproved", "amountDisclosed"] as const) amounts[k] = amounts[k].plus(t[k]);
  }
  return { ...out, amountDeclared: amounts.amountDeclared.toFixed(2), amountApproved: amounts.amountApproved.toFixed(2), amountDisclosed: amounts.amountDisclosed.toFixed(2) };
}
