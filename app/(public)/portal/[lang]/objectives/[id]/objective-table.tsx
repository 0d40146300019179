import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n";
import type { PublicDetail } from "@/lib/disclosure/public";
import { indicatorSpans } from "@/lib/objective/table-layout";
import { wan } from "@/lib/project/money";
import { targetText } from "@/app/(site)/(app)/objectives/[id]/declaration-table";

const HEADING = { project: "disclosure.detail.heading", department: "disclosure.detail.headingDepartment", transfer: "disclosure.detail.headingTransfer" } as const;

const TH = "border border-slate-700 bg-slate-50 px-2 py-1.5 text-center font-semibold text-slate-900 align-middle";
const TD = "border border-slate-700 px-2 py-1.5 align-top";

/**
 * A disclosed objective in the layout finance departments publish (绩效目标表): project name,
 * department in charge and implementing unit, funding, the overall and annual objectives, and the
 * indicator table with 一级/二级 cells merged downwards and the target values.
 */
export function PublicObjectiveTable({ d, t }: { d: PublicDetail; t: Translate }) {
  const rows = d.content.indicatorRows;
  const spans = indicatorSpans(rows);
  const wide = (label: string, value: ReactNode, testId?: string) => (
    <tr>
      <th scope="row" className={`${TH} w-[16%]`}>
        {label}
      </th>
      <td className={TD} colSpan={5} data-testid={testId}>
        {value}
      </td>
    </tr>
  );
  const goal = (v: string | null | undefined) => (v?.trim() ? <span className="whitespace-pre-wrap">{v}</span> : "—");
  return (
    <div className="print-sheet">
      <h2 className="text-center text-xl font-bold tracking-widest text-slate-900">{t(HEADING[d.subjectKind], { year: d.fiscalYear })}</h2>
      <p className="mb-3 text-center text-slate-700">{t("disclosure.detail.regionLine", { region: d.regionName, date: d.disclosedAt.slice(0, 10) })}</p>
      <table className="w-full table-fixed border-collapse border border-slate-800 bg-white text-sm leading-relaxed" data-testid="objective-table">
        <colgroup>
          <col className="w-[16%]" />
          <col className="w-[14%]" />
          <col className="w-[30%]" />
          <col className="w-[14%]" />
          <col className="w-[14%]" />
          <col />
        </colgroup>
        <tbody>
          {wide(t("review.fields.name"), <strong>{d.content.basic.name || d.title}</strong>, "cell-name")}
          <tr>
            <th scope="row" className={TH}>
              {t("review.fields.department")}
            </th>
            <td className={TD} colSpan={2} data-testid="cell-department">
              {d.departmentName}
            </td>
            <th scope="row" className={TH}>
              {t("review.fields.owner")}
            </th>
            <td className={TD} colSpan={2} data-testid="cell-owner">
              {d.ownerName}
            </td>
          </tr>
          {wide(t("disclosure.detail.amountLabel"), <span className="tabular-nums">{wan(d.amount)}</span>, "cell-amount")}
          {wide(t("disclosure.detail.overallGoal"), goal(d.content.performance.overallGoal), "cell-overall")}
          {wide(t("disclosure.detail.annualGoal"), goal(d.content.performance.annualGoal), "cell-annual")}
          <tr>
            <th colSpan={6} scope="colgroup" className={`${TH} bg-slate-100 tracking-widest`}>
              {t("disclosure.detail.indicators")}
            </th>
          </tr>
          <tr>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.level1Head")}
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.level2Head")}
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.level3Head")}
            </th>
            <th scope="colgroup" colSpan={2} className={TH}>
              {t("disclosure.detail.value")}
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.unitHead")}
            </th>
          </tr>
          <tr>
            <th scope="col" className={TH}>
              {t("review.annualHead")}
            </th>
            <th scope="col" className={TH}>
              {t("review.periodHead")}
            </th>
          </tr>
          {rows.map((r, i) => (
            <tr key={r.id} data-testid="indicator-row">
              {spans[i].level1 > 0 && (
                <td rowSpan={spans[i].level1} className={`${TD} text-center align-middle font-medium`}>
                  {t(`review.level1.${r.level1}`)}
                </td>
              )}
              {spans[i].level2 > 0 && (
                <td rowSpan={spans[i].level2} className={`${TD} text-center align-middle`}>
                  {t(`review.level2.${r.level2}`)}
                </td>
              )}
              <td className={TD}>{r.name}</td>
              <td className={`${TD} text-center tabular-nums`}>{targetText(r, "annual", t)}</td>
              <td className={`${TD} text-center tabular-nums`}>{targetText(r, "period", t)}</td>
              <td className={`${TD} text-center`}>{r.unit ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
