import Decimal from "decimal.js";
import type { ReactNode } from "react";
import type { FundSource } from "@/db/schema/enums";
import { trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import type { declarationContent } from "@/lib/objective/content";
import { indicatorSpans } from "@/lib/objective/table-layout";
import { wan } from "@/lib/project/money";

export type Content = Awaited<ReturnType<typeof declarationContent>>;
type IndicatorRow = Content["indicatorRows"][number];

const TH = "border border-slate-500 bg-slate-50 px-2 py-1.5 text-center font-semibold text-slate-800 align-middle";
const TD = "border border-slate-500 px-2 py-1.5 align-top";
const LABEL = `${TH} w-[12%] break-words`;

/** A target as the published table writes it: the comparison sign and the value (定性 values as text). */
export function targetText(row: Pick<IndicatorRow, "comparison" | "annualTarget" | "periodTarget">, which: "annual" | "period", t: Translate): string {
  const v = (which === "annual" ? row.annualTarget : row.periodTarget)?.trim();
  if (!v) return "—";
  if (row.comparison === "qualitative") return v;
  return `${t(`review.comparison.${row.comparison}`)}${v}`;
}

function Text({ value, t }: { value: string | null | undefined; t: Translate }) {
  return value?.trim() ? <span className="whitespace-pre-wrap">{value}</span> : <span className="text-slate-400">{t("review.empty")}</span>;
}

/**
 * The whole declaration in the layout of the published 绩效目标申报表: one bordered table, the
 * basic information above, the indicator table below with 一级/二级 cells merged downwards.
 */
export function DeclarationTable({
  t,
  heading,
  yearLine,
  name,
  departmentName,
  ownerName,
  attribute,
  content,
}: {
  t: Translate;
  heading: string;
  yearLine: string;
  name: string;
  departmentName: string;
  ownerName: string;
  attribute: string;
  content: Content;
}) {
  const { basic, funding, performance } = content;
  const fundingRows = (funding.rows ?? []) as { source: FundSource; year: number; amount: string }[];
  const plan = performance.plan ?? [];
  const rows = content.indicatorRows;
  const spans = indicatorSpans(rows);
  // Weights left blank are split evenly (DESIGN §5): print the share each row gets.
  const evenWeight = rows.length && rows.every((r) => !r.weight) ? trimDecimal(new Decimal(100).div(rows.length).toFixed(2)) : null;
  const period =
    basic.startYear && basic.endYear ? t("review.fields.periodValue", { start: basic.startYear, end: basic.endYear }) : t("review.empty");

  const pair = (l1: string, v1: ReactNode, l2: string, v2: ReactNode) => (
    <tr>
      <th scope="row" className={LABEL}>
        {l1}
      </th>
      <td className={TD} colSpan={3}>
        {v1}
      </td>
      <th scope="row" className={LABEL}>
        {l2}
      </th>
      <td className={TD} colSpan={3}>
        {v2}
      </td>
    </tr>
  );
  const wide = (label: string, value: ReactNode) => (
    <tr>
      <th scope="row" className={LABEL}>
        {label}
      </th>
      <td className={TD} colSpan={7}>
        {value}
      </td>
    </tr>
  );

  return (
    <div className="print-sheet">
      <h2 className="text-center text-lg font-bold tracking-widest text-slate-900">{heading}</h2>
      <p className="mb-3 text-center text-slate-600">{yearLine}</p>
      <table className="w-full table-fixed border-collapse border border-slate-600 bg-white text-sm leading-relaxed" data-testid="declaration-table">
        <colgroup>
          <col className="w-[12%]" />
          <col className="w-[12%]" />
          <col className="w-[18%]" />
          <col className="w-[10%]" />
          <col className="w-[10%]" />
          <col className="w-[8%]" />
          <col className="w-[7%]" />
          <col />
        </colgroup>
        <tbody>
          {wide(t("review.fields.name"), <strong>{basic.name || name}</strong>)}
          {pair(t("review.fields.department"), departmentName, t("review.fields.owner"), ownerName)}
          {pair(t("review.fields.attribute"), attribute, t("review.fields.period"), period)}
          {wide(t("review.fields.amount"), <span className="tabular-nums">{wan(funding.requestedAmount ?? "0")}</span>)}
          {fundingRows.length === 0
            ? wide(t("review.fields.fundingRows"), <Text value={null} t={t} />)
            : fundingRows.map((r, i) => (
                <tr key={`f${i}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={fundingRows.length} className={LABEL}>
                      {t("review.fields.fundingRows")}
                    </th>
                  )}
                  <td className={TD} colSpan={3}>
                    {t(`pool.fundSourceLabel.${r.source}`)}
                  </td>
                  <td className={`${TD} text-center tabular-nums`} colSpan={2}>
                    {t("review.fields.fundingYear", { year: r.year })}
                  </td>
                  <td className={`${TD} text-right tabular-nums`} colSpan={2}>
                    {wan(r.amount)}
                  </td>
                </tr>
              ))}
          {wide(t("review.fields.fundUses"), <Text value={funding.fundUses} t={t} />)}
          {plan.length === 0
            ? wide(t("review.fields.plan"), <Text value={null} t={t} />)
            : plan.map((p, i) => (
                <tr key={`p${i}`}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={plan.length} className={LABEL}>
                      {t("review.fields.plan")}
                    </th>
                  )}
                  <td className={`${TD} text-center tabular-nums whitespace-nowrap`} colSpan={2}>
                    {p.start === p.end ? p.start : `${p.start} — ${p.end}`}
                  </td>
                  <td className={TD} colSpan={5}>
                    <span className="whitespace-pre-wrap">{p.content}</span>
                  </td>
                </tr>
              ))}
          {wide(t("review.fields.overallGoal"), <Text value={performance.overallGoal} t={t} />)}
          {wide(t("review.fields.annualGoal"), <Text value={performance.annualGoal} t={t} />)}
          <tr>
            <th colSpan={8} scope="colgroup" className={`${TH} bg-slate-100 tracking-widest`}>
              {t("review.indicatorsHead")}
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
              {t("review.valueHead")}
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.unitHead")}
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.weightHead")}
            </th>
            <th scope="col" rowSpan={2} className={TH}>
              {t("review.explainHead")}
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
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className={`${TD} py-4 text-center text-slate-500`}>
                {t("review.noIndicators")}
              </td>
            </tr>
          )}
          {rows.map((r, i) => (
            <tr key={r.id} data-ordinal={r.ordinal}>
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
              <td className={TD}>
                {r.name}
                {r.fundUse && (
                  <span className="block text-xs text-slate-500">
                    {t("review.fundUse")}
                    {r.fundUse}
                  </span>
                )}
              </td>
              <td className={`${TD} text-center tabular-nums`}>{targetText(r, "annual", t)}</td>
              <td className={`${TD} text-center tabular-nums`}>{targetText(r, "period", t)}</td>
              <td className={`${TD} text-center`}>{r.unit ?? "—"}</td>
              <td className={`${TD} text-center tabular-nums`}>{r.weight ? trimDecimal(r.weight) : evenWeight ?? "—"}</td>
              <td className={`${TD} text-xs leading-relaxed`}>
                {r.explanation && <span className="block whitespace-pre-wrap">{r.explanation}</span>}
                {r.formula && (
                  <span className="block whitespace-pre-wrap text-slate-600">
                    {t("review.formula")}
                    {r.formula}
                  </span>
                )}
                {!r.explanation && !r.formula && "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
