import type { ReactNode } from "react";
import type { Grade } from "@/db/schema";
import type { Translate } from "@/lib/i18n";

const TH = "border border-slate-700 bg-slate-50 px-2 py-1.5 text-center font-semibold text-slate-900 align-middle";
const TD = "border border-slate-700 px-2 py-1.5 text-right tabular-nums";

/**
 * A disclosed evaluation result as finance departments publish it: one row per part (一级指标 or
 * 评价维度) with its points and score, the total and the grade; anything after it (findings,
 * the report) as children. `id` names the section and its test ids (portal-<id>, -score, -grade).
 */
export function PublicResultTable(props: {
  id: string;
  title: string;
  partHead: string;
  rows: { key: string; label: string; points: string; score: string }[];
  score: string;
  /** The total's label: 自评得分 for a self-evaluation, 重点评价得分 for a key evaluation. */
  scoreLabel: string;
  /** Who scored it (评分主体 …). */
  scoredBy: string;
  /** This is the result whose grade the list shows. */
  prevailing: boolean;
  grade: Grade;
  t: Translate;
  children?: ReactNode;
}) {
  const { id, title, t } = props;
  return (
    <section className="print-sheet mt-8" aria-labelledby={`${id}-result`} data-testid={`portal-${id}`}>
      <h2 id={`${id}-result`} className="mb-3 text-center text-lg font-bold text-slate-900">
        {title}
      </h2>
      <p className="mb-2 text-center text-sm text-slate-700" data-testid={`portal-${id}-by`}>
        {props.scoredBy}
        {props.prevailing && <span className="ml-2 font-semibold text-slate-900">（{t("disclosure.results.prevailing")}）</span>}
      </p>
      <table className="w-full table-fixed border-collapse border border-slate-800 bg-white text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              {props.partHead}
            </th>
            <th scope="col" className={TH}>
              {t("disclosure.detail.evaluationPoints")}
            </th>
            <th scope="col" className={TH}>
              {t("disclosure.detail.evaluationGot")}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className={`${TH} font-normal`}>
                {r.label}
              </th>
              <td className={TD}>{r.points}</td>
              <td className={TD}>{r.score}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={TH}>
              {props.scoreLabel}
            </th>
            <td className={TD} data-testid={`portal-${id}-score`}>
              {props.score}
            </td>
            <td className={`${TD} text-center font-semibold`} data-testid={`portal-${id}-grade`}>
              {t("disclosure.detail.evaluationGrade")}：{t(`evaluation.grade.${props.grade}`)}
            </td>
          </tr>
        </tfoot>
      </table>
      {props.children}
    </section>
  );
}
