import Link from "next/link";
import Decimal from "decimal.js";
import { z } from "zod";
import { GRADES, type Grade } from "@/db/schema/enums";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { todayIso } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { formatWan } from "@/lib/money";
import { assessmentRankingForOverview, overviewFigures, overviewYears, type Tally } from "@/lib/overview/figures";
import { overviewListHref } from "@/lib/overview/links";
import { pageTitle } from "@/lib/page-title";
import { FilterBar } from "@/app/_components/filter-bar";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { OverviewPrintButton, OverviewPrintStyles } from "./print";

export const generateMetadata = pageTitle("overview.title");

const query = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

type T = Awaited<ReturnType<typeof getT>>;
const GRADE_FILL: Record<Grade, string> = { excellent: "#047857", good: "#2563eb", fair: "#d97706", poor: "#dc2626" };
const STAGE_FILL = { declared: "#94a3b8", approved: "#1e3a8a", disclosed: "#059669" } as const;

/** The address of the objective list a figure counts, with the figure's filters. */
const listHref = overviewListHref;

/** A figure: its number, its label, and the list it counts one click away. */
function Figure({ label, value, href, testId, big }: { label: string; value: string; href: string; testId: string; big?: boolean }) {
  return (
    <a href={href} data-figure={testId} className="block rounded-sm border border-slate-200 bg-white px-4 py-3 hover:border-accent print:border-slate-400">
      <span className="block text-sm text-slate-500">{label}</span>
      <span className={`block font-semibold tabular-nums text-accent ${big ? "text-3xl" : "text-xl"}`} data-value>
        {value}
      </span>
    </a>
  );
}

/** Three bars of one row — declared, approved, disclosed — drawn on the server, scaled to the largest row. */
function StageBars({ tally, max, label }: { tally: Tally; max: number; label: string }) {
  const w = 140;
  const bar = (n: number) => (max > 0 ? Math.max(n > 0 ? 1 : 0, (n / max) * w) : 0);
  return (
    <svg width={w} height="24" viewBox={`0 0 ${w} 24`} role="img" aria-label={label} className="max-w-full">
      <rect x="0" y="0" width={bar(tally.declared)} height="7" fill={STAGE_FILL.declared} />
      <rect x="0" y="8" width={bar(tally.approved)} height="7" fill={STAGE_FILL.approved} />
      <rect x="0" y="16" width={bar(tally.disclosed)} height="7" fill={STAGE_FILL.disclosed} />
    </svg>
  );
}

/** A horizontal bar chart of a few labelled counts, each bar a link to the list it counts. */
function BarList({ items, caption }: { items: { key: string; label: string; n: number; fill: string; href: string }[]; caption: string }) {
  const max = Math.max(1, ...items.map((i) => i.n));
  const w = 220;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {items.map((i) => (
          <tr key={i.key} className="border-t border-slate-100 first:border-0">
            <th scope="row" className="w-20 py-1.5 pr-2 text-left font-normal">
              {i.label}
            </th>
            <td className="py-1.5">
              <svg width={w} height="14" viewBox={`0 0 ${w} 14`} aria-hidden="true" className="max-w-full">
                <rect x="0" y="0" width={i.n ? Math.max(2, (i.n / max) * w) : 0} height="14" fill={i.fill} />
              </svg>
            </td>
            <td className="w-16 py-1.5 text-right tabular-nums">
              <a href={i.href} className={cls.link} data-figure={i.key}>
                {i.n.toLocaleString()}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SliceTable({ t, year, caption, rows }: { t: T; year: number; caption: string; rows: { key: string; name: string; tally: Tally; filters: Record<string, number | undefined> }[] }) {
  const max = Math.max(0, ...rows.map((r) => r.tally.declared));
  // Plain anchors, not <Link>: a province's table has some fifty rows of three links each, and a
  // client component per link is most of what the page would cost to render (docs/PERFORMANCE.md).
  const n = (v: number, href: string, fig: string) => (
    <a href={href} className={cls.link} data-figure={fig}>
      {v.toLocaleString()}
    </a>
  );
  return (
    <div className="overflow-x-auto">
    <table className="data-table w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("overview.columns.name")}</th>
          <th scope="col" className="text-right">
            {t("overview.columns.declared")}
          </th>
          <th scope="col" className="text-right">
            {t("overview.columns.approved")}
          </th>
          <th scope="col" className="text-right">
            {t("overview.columns.disclosed")}
          </th>
          <th scope="col" className="text-right">
            {t("overview.columns.amountApproved")}
          </th>
          <th scope="col" className="print-narrow">
            {t("overview.columns.chart")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-slice={r.key}>
            <th scope="row" className="min-w-32 text-left align-middle font-normal">
              {r.name}
            </th>
            <td className="text-right tabular-nums">{n(r.tally.declared, listHref(year, { ...r.filters, stage: "declared" }), `${r.key}-declared`)}</td>
            <td className="text-right tabular-nums">{n(r.tally.approved, listHref(year, { ...r.filters, state: "approved" }), `${r.key}-approved`)}</td>
            <td className="text-right tabular-nums">{n(r.tally.disclosed, listHref(year, { ...r.filters, stage: "disclosed" }), `${r.key}-disclosed`)}</td>
            <td className="text-right tabular-nums">{formatWan(r.tally.amountApproved)}</td>
            <td className="print-narrow">
              <StageBars tally={r.tally} max={max} label={t("overview.chart.label", { name: r.name, declared: r.tally.declared, approved: r.tally.approved, disclosed: r.tally.disclosed })} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/**
 * 年度总览: the landing page of finance and the congress/audit readers — the year's objectives
 * declared, approved and disclosed by region and department, the money, the warnings still
 * waiting, the grades, the assessment ranking and what is overdue; every figure a link to the
 * list it counts. Read from the tallies the database keeps (lib/overview/figures.ts); printable on A4.
 */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("overview.read");
  const params = parseSearchParams(query, await searchParams);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const { years, current } = await overviewYears(db, actor);
  const year = params.year && years.includes(params.year) ? params.year : current;
  if (year === null) {
    return (
      <>
        <PageHeader title={t("overview.title")} />
        <Card>
          <p className="text-slate-600">{t("overview.noYear")}</p>
        </Card>
      </>
    );
  }
  const [f, ranking] = await Promise.all([overviewFigures(db, actor, year), assessmentRankingForOverview(db, actor, year)]);
  const tot = f.totals;
  const rate = new Decimal(f.execution.budget).gt(0) ? new Decimal(f.execution.executed).div(f.execution.budget).times(100).toFixed(2) : null;
  const regionRows = f.byRegion.map((r) => ({
    key: `region-${r.regionId}`,
    name: r.own ? t("overview.ownLevel", { name: r.name }) : r.name,
    tally: r,
    filters: r.own ? { regionId: r.regionId } : { underRegionId: r.regionId },
  }));
  const deptRows = f.byDepartment.map((d) => ({ key: `dept-${d.departmentId}`, name: d.name, tally: d, filters: { departmentId: d.departmentId } }));
  const overdueHref: Record<string, string> = {
    objectiveDraft: listHref(year, { stage: "unsubmitted" }),
    deptReview: listHref(year, { state: "dept_review" }),
    financeReview: listHref(year, { state: "finance_review" }),
    monitoringToFill: "/monitoring",
  };
  const gradeTotal = GRADES.reduce((s, g) => s + tot.grades[g], 0);

  return (
    <div className="overview-page">
      <OverviewPrintStyles />
      <PageHeader title={t("overview.title")} subtitle={t("overview.subtitle", { year, region: actor.regionName })}>
        <span className="print-hide flex items-end gap-2">
          <Link href="/inbox" className={cls.button}>
            {t("overview.toInbox")}
          </Link>
          <OverviewPrintButton label={t("overview.print")} />
        </span>
      </PageHeader>
      <div className="print-hide">
        <FilterBar filters={[{ name: "year", label: t("overview.year"), options: years.map((y) => ({ value: String(y), label: String(y) })) }]} values={{ year: String(year) }} />
      </div>
      <p className="mb-4 text-xs text-slate-500">{t("overview.asOf", { date: todayIso() })}</p>

      <section aria-label={t("overview.title")} className="overview-figures mb-5 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Figure big label={t("overview.figures.declared")} value={tot.declared.toLocaleString()} href={listHref(year, { stage: "declared" })} testId="declared" />
        <Figure big label={t("overview.figures.approved")} value={tot.approved.toLocaleString()} href={listHref(year, { state: "approved" })} testId="approved" />
        <Figure big label={t("overview.figures.disclosed")} value={tot.disclosed.toLocaleString()} href={listHref(year, { stage: "disclosed" })} testId="disclosed" />
        <Figure label={t("overview.figures.draft")} value={tot.draft.toLocaleString()} href={listHref(year, { state: "draft" })} testId="draft" />
        <Figure label={t("overview.figures.deptReview")} value={tot.deptReview.toLocaleString()} href={listHref(year, { state: "dept_review" })} testId="dept_review" />
        <Figure label={t("overview.figures.financeReview")} value={tot.financeReview.toLocaleString()} href={listHref(year, { state: "finance_review" })} testId="finance_review" />
        <Figure label={t("overview.figures.returned")} value={tot.returned.toLocaleString()} href={listHref(year, { state: "returned" })} testId="returned" />
        <Figure label={t("overview.figures.rejected")} value={tot.rejected.toLocaleString()} href={listHref(year, { state: "rejected" })} testId="rejected" />
      </section>

      <div className="overview-grid mb-5 grid gap-5 lg:grid-cols-3">
        <Card title={`${t("overview.money.title")}（${t("overview.money.unit")}）`} className="print-card">
          <div className="grid grid-cols-2 gap-3">
            <Figure label={t("overview.money.declared")} value={formatWan(tot.amountDeclared)} href={listHref(year, { stage: "declared" })} testId="amount-declared" />
            <Figure label={t("overview.money.approved")} value={formatWan(tot.amountApproved)} href={listHref(year, { state: "approved" })} testId="amount-approved" />
            <Figure label={t("overview.money.disclosed")} value={formatWan(tot.amountDisclosed)} href={listHref(year, { stage: "disclosed" })} testId="amount-disclosed" />
            <Figure label={t("overview.money.executed")} value={formatWan(f.execution.executed)} href="/warnings/charts" testId="amount-executed" />
          </div>
          <p className="mt-2 text-xs text-slate-500">
            {rate === null ? t("overview.money.executedNone") : t("overview.money.rate", { rate, n: f.execution.reports, months: f.execution.throughMonths.join("、") })}
          </p>
        </Card>
        <Card title={t("overview.warnings.title")} className="print-card">
          {tot.redOpen + tot.yellowOpen === 0 ? <p className="mb-2 text-sm text-slate-500">{t("overview.warnings.none")}</p> : null}
          <BarList
            caption={t("overview.warnings.title")}
            items={(["red", "yellow"] as const).map((l) => ({
              key: `warnings-${l}`,
              label: t(`overview.warnings.${l}`),
              n: l === "red" ? tot.redOpen : tot.yellowOpen,
              fill: l === "red" ? "#dc2626" : "#d97706",
              href: `/warnings?year=${year}&light=${l}&state=open`,
            }))}
          />
        </Card>
        <Card title={t("overview.grades.title")} className="print-card">
          {gradeTotal === 0 ? <p className="mb-2 text-sm text-slate-500">{t("overview.grades.none")}</p> : null}
          <BarList
            caption={t("overview.grades.title")}
            items={GRADES.map((g) => ({ key: `grade-${g}`, label: t(`overview.grades.${g}`), n: tot.grades[g], fill: GRADE_FILL[g], href: `/evaluation?year=${year}&state=accepted&grade=${g}` }))}
          />
        </Card>
      </div>

      <div className="overview-grid mb-5 grid gap-5 2xl:grid-cols-2">
        <Card title={t("overview.byRegion")} className="print-card">
          <SliceTable t={t} year={year} caption={t("overview.byRegion")} rows={regionRows} />
        </Card>
        <Card title={t("overview.byDepartment")} className="print-card">
          {deptRows.length ? <SliceTable t={t} year={year} caption={t("overview.byDepartment")} rows={deptRows} /> : <p className="text-sm text-slate-500">{t("overview.noDepartments")}</p>}
        </Card>
      </div>

      <div className="overview-grid mb-5 grid gap-5 xl:grid-cols-2">
        <Card title={t("overview.overdue.title")} className="print-card">
          <ul className="space-y-1.5 text-sm">
            {f.overdue.map((o) => (
              <li key={o.kind} className="flex justify-between gap-3">
                <span>{t(`overview.overdue.kind.${o.kind}`)}</span>
                <Link href={overdueHref[o.kind]} className={`${cls.link} tabular-nums ${o.count ? "font-semibold text-red-700" : ""}`} data-figure={`overdue-${o.kind}`}>
                  {o.count.toLocaleString()}
                </Link>
              </li>
            ))}
          </ul>
          {f.late.length > 0 && (
            <>
              <h3 className="mt-4 mb-1.5 text-sm font-semibold text-slate-700">{t("overview.overdue.late")}</h3>
              <ol className="space-y-1 text-sm">
                {f.late.map((d) => (
                  <li key={d.departmentId} className="flex justify-between gap-3">
                    <span>
                      {d.name} <span className="text-xs text-slate-500">{d.regionName}</span>
                    </span>
                    <Link href={listHref(year, { departmentId: d.departmentId, stage: "unsubmitted" })} className={`${cls.link} tabular-nums`} data-figure={`late-${d.departmentId}`}>
                      {t("overview.overdue.lateCount", { n: d.unsubmitted })}
                    </Link>
                  </li>
                ))}
              </ol>
            </>
          )}
        </Card>
        {/* 考核排名: the published rankings' top and bottom (assessmentRankingForOverview in lib/overview/figures.ts). */}
        <Card title={t("overview.assessment.title")} className="print-card">
          <section data-section="assessment-ranking">
            {ranking.length === 0 ? (
              <p className="text-sm text-slate-500">{t("overview.assessment.none")}</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {ranking.map((r) => (
                  <li key={`${r.href}-${r.rank}-${r.name}`} className="flex justify-between gap-3">
                    <Link href={r.href} className={cls.link}>
                      {r.rank}. {r.name}
                    </Link>
                    <span className="tabular-nums">{t("overview.assessment.score", { score: r.score })}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </Card>
      </div>
    </div>
  );
}
