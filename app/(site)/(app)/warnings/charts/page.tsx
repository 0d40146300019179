import Link from "next/link";
import Decimal from "decimal.js";
import type { Light } from "@/db/schema/monitoring";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { reportListParams } from "@/lib/monitoring/params";
import { chartData, listPeriods } from "@/lib/monitoring/queries";
import { budgetInForce } from "@/lib/monitoring/rules";
import { pageTitle } from "@/lib/page-title";
import { FilterBar } from "@/app/_components/filter-bar";
import { Card, cls, PageHeader } from "@/app/_components/ui";

export const generateMetadata = pageTitle("monitoring.chartsTitle");

const FILL: Record<Light, string> = { green: "#059669", yellow: "#d97706", red: "#dc2626" };
const ORDER: Light[] = ["red", "yellow", "green"];

/** 预警统计: execution lights counted by department, and each subject's execution rate against the period's time progress — plain server-drawn SVG. */
export default async function ChartsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("warning.read");
  const params = parseSearchParams(reportListParams, await searchParams);
  const [db, t] = await Promise.all([getDb(), getT()]);
  const periods = await listPeriods(db, actor);
  const period = periods.find((p) => p.id === params.periodId) ?? periods[0];
  const data = period ? await chartData(db, actor, period.id) : { byDept: [], points: [] };
  const tp = period ? new Decimal(period.throughMonth).div(12).times(100) : new Decimal(0);

  const depts = new Map<string, Record<Light, number>>();
  for (const r of data.byDept) {
    const row = depts.get(r.department) ?? { green: 0, yellow: 0, red: 0 };
    if (r.light) row[r.light] += r.n;
    depts.set(r.department, row);
  }
  const maxCount = Math.max(1, ...[...depts.values()].map((c) => c.green + c.yellow + c.red));
  const barW = 360;

  const points = data.points.map((p) => {
    const budget = budgetInForce(p.budget, p.adjustedBudget);
    const rate = budget.gt(0) && p.executed ? new Decimal(p.executed).div(budget).times(100) : new Decimal(0);
    return { ...p, rate };
  });
  const maxRate = Decimal.max(100, ...points.map((p) => p.rate)).toNumber();
  const rowH = 26;
  const chartW = 420;
  const x = (v: number) => (v / maxRate) * chartW;

  return (
    <>
      <PageHeader title={t("monitoring.chartsTitle")} subtitle={t("monitoring.chartsSubtitle")}>
        <Link href="/warnings" className={cls.button}>
          {t("monitoring.navWarnings")}
        </Link>
      </PageHeader>
      <Card className="mb-5">
        <FilterBar
          filters={[{ name: "periodId", label: t("monitoring.filterPeriod"), options: periods.map((p) => ({ value: String(p.id), label: `${p.regionName} ${t("monitoring.periodLabel", { year: p.fiscalYear, month: p.throughMonth })}` })) }]}
          values={{ periodId: period ? String(period.id) : "" }}
        />
      </Card>
      {!period || (!depts.size && !points.length) ? (
        <Card>
          <p className="text-slate-500">{t("monitoring.noData")}</p>
        </Card>
      ) : (
        <div className="grid gap-5 2xl:grid-cols-2">
          <Card title={t("monitoring.byDepartment")}>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("monitoring.byDepartment")}</caption>
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1 font-normal">{t("monitoring.department")}</th>
                  <th className="py-1 font-normal">{t("monitoring.light")}</th>
                  {ORDER.map((l) => (
                    <th key={l} className="py-1 text-right font-normal">
                      {t(`monitoring.lightLabel.${l}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...depts.entries()].map(([name, c]) => {
                  let offset = 0;
                  return (
                    <tr key={name} className="border-t border-slate-200">
                      <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                        {name}
                      </th>
                      <td className="py-1.5">
                        <svg width={barW} height="16" role="img" aria-label={ORDER.map((l) => `${t(`monitoring.lightLabel.${l}`)} ${c[l]}`).join("，")}>
                          {ORDER.map((l) => {
                            const w = (c[l] / maxCount) * barW;
                            const rect = <rect key={l} x={offset} y="0" width={w} height="16" fill={FILL[l]} />;
                            offset += w;
                            return rect;
                          })}
                        </svg>
                      </td>
                      {ORDER.map((l) => (
                        <td key={l} className="py-1.5 text-right tabular-nums">
                          {c[l]}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
          <Card title={t("monitoring.rateVsTime")}>
            <svg width={chartW + 240} height={points.length * rowH + 30} role="img" aria-label={t("monitoring.rateVsTime")} className="max-w-full">
              {points.map((p, i) => (
                <g key={p.id} transform={`translate(0, ${i * rowH})`}>
                  <text x="0" y="16" fontSize="12" fill="#334155">
                    {p.title.length > 14 ? `${p.title.slice(0, 14)}…` : p.title}
                  </text>
                  <rect x="200" y="4" width={Math.max(1, x(p.rate.toNumber()))} height="16" fill={p.light ? FILL[p.light] : "#94a3b8"} />
                  <text x={206 + x(p.rate.toNumber())} y="16" fontSize="12" fill="#0f172a">
                    {p.rate.toFixed(2)}%
                  </text>
                </g>
              ))}
              <line x1={200 + x(tp.toNumber())} x2={200 + x(tp.toNumber())} y1="0" y2={points.length * rowH + 4} stroke="#1e3a8a" strokeDasharray="4 3" />
              <text x={200 + x(tp.toNumber())} y={points.length * rowH + 20} fontSize="12" fill="#1e3a8a" textAnchor="middle">
                {t("monitoring.timeLine", { tp: tp.toFixed(2) })}
              </text>
            </svg>
          </Card>
        </div>
      )}
    </>
  );
}
