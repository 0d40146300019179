import Link from "next/link";
import type { DbOrTx } from "@/db/client";
import type { Translate } from "@/lib/i18n";
import { objectiveHistory } from "@/lib/monitoring/queries";
import { wan } from "@/lib/project/money";
import { Card, cls } from "@/app/_components/ui";
import { LightBadge } from "./parts";

/**
 * A subject's monitoring history on its page: period by period, the money (budget, executed,
 * index and light) and, per indicator, the value reached and expected next to the approved
 * target. The caller has already loaded the objective within the reader's scope.
 */
export async function MonitoringHistory({ db, objectiveId, t }: { db: DbOrTx; objectiveId: number; t: Translate }) {
  const h = await objectiveHistory(db, objectiveId);
  if (!h.reports.length) return null;
  const line = (reportId: number, ordinal: number) => h.lines.find((l) => l.reportId === reportId && l.ordinal === ordinal);
  // The indicators of the latest report's approved version give the rows.
  const latest = h.reports[h.reports.length - 1].report.versionId;
  const rows = h.indicators.filter((i) => i.versionId === latest);
  const cell = "border border-slate-300 px-2 py-1";
  return (
    <Card className="print-hide mb-5" title={t("monitoring.history")}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("monitoring.history")}</caption>
          <thead>
            <tr className="bg-slate-50 text-left">
              <th className={cell}>{t("monitoring.indicator")}</th>
              <th className={cell}>{t("monitoring.historyTarget")}</th>
              {h.reports.map(({ report, period }) => (
                <th key={report.id} className={cell}>
                  <Link href={`/monitoring/reports/${report.id}`} className={cls.link}>
                    {t("monitoring.periodLabel", { year: period.fiscalYear, month: period.throughMonth })}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {t("monitoring.executed")}
              </th>
              <td className={`${cell} tabular-nums`}>{wan(h.reports[h.reports.length - 1].report.adjustedBudget ?? h.reports[h.reports.length - 1].report.budget)}</td>
              {h.reports.map(({ report }) => (
                <td key={report.id} className={`${cell} tabular-nums`}>
                  {wan(report.executedAmount)}
                  {report.executionIndex && <span className="ml-1 text-xs text-slate-500">({report.executionIndex})</span>} <LightBadge light={report.executionLight} t={t} />
                </td>
              ))}
            </tr>
            {rows.map((i) => (
              <tr key={i.ordinal}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {i.name}
                </th>
                <td className={cell}>
                  {i.annualTarget ?? "—"} {i.unit ?? ""}
                </td>
                {h.reports.map(({ report }) => {
                  const l = line(report.id, i.ordinal);
                  return (
                    <td key={report.id} className={cell}>
                      {l?.valueReached ?? "—"} / {l?.expectedValue ?? "—"}
                      {l?.judgement && (
                        <span className="ml-1 text-xs text-slate-600">
                          {t(i.comparison === "qualitative" ? `monitoring.qualitativeLabel.${l.judgement}` : `monitoring.judgementLabel.${l.judgement}`)}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {t("monitoring.valueReached")} / {t("monitoring.expectedValue")}
      </p>
    </Card>
  );
}
