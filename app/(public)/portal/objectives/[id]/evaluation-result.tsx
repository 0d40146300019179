import type { Translate } from "@/lib/i18n";
import type { PublicEvaluation } from "@/lib/disclosure/public";

const TH = "border border-slate-700 bg-slate-50 px-2 py-1.5 text-center font-semibold text-slate-900 align-middle";
const TD = "border border-slate-700 px-2 py-1.5 text-right tabular-nums";

/** The disclosed self-evaluation result of an objective: score and grade, and 预算执行率 and each 一级指标's points and score. */
export function PublicEvaluationResult({ e, t }: { e: PublicEvaluation; t: Translate }) {
  return (
    <section className="print-sheet mt-8" aria-labelledby="evaluation-result" data-testid="portal-evaluation">
      <h2 id="evaluation-result" className="mb-3 text-center text-lg font-bold text-slate-900">
        {t("disclosure.detail.evaluation", { year: e.fiscalYear })}
      </h2>
      <table className="w-full table-fixed border-collapse border border-slate-800 bg-white text-sm">
        <caption className="sr-only">{t("disclosure.detail.evaluation", { year: e.fiscalYear })}</caption>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              {t("disclosure.detail.evaluationLevel")}
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
          {e.levels.map((l) => (
            <tr key={l.level1}>
              <th scope="row" className={`${TH} font-normal`}>
                {t(`evaluation.level1.${l.level1}`)}
              </th>
              <td className={TD}>{l.points}</td>
              <td className={TD}>{l.score}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={TH}>
              {t("disclosure.detail.evaluationScore")}
            </th>
            <td className={TD} data-testid="portal-evaluation-score">
              {e.score}
            </td>
            <td className={`${TD} text-center font-semibold`} data-testid="portal-evaluation-grade">
              {t("disclosure.detail.evaluationGrade")}：{t(`evaluation.grade.${e.grade}`)}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
