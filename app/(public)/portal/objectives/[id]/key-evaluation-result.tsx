import type { Translate } from "@/lib/i18n";
import type { PublicKeyEvaluation } from "@/lib/disclosure/key-evaluation";

const TH = "border border-slate-700 bg-slate-50 px-2 py-1.5 text-center font-semibold text-slate-900 align-middle";
const TD = "border border-slate-700 px-2 py-1.5 text-right tabular-nums";

/** The disclosed key evaluation (重点评价) of an objective: 决策/过程/产出/效益 scores, total and grade, findings, recommendations, the report. */
export function PublicKeyEvaluationResult({ e, t }: { e: PublicKeyEvaluation; t: Translate }) {
  return (
    <section className="print-sheet mt-8" aria-labelledby="key-evaluation-result" data-testid="portal-key-evaluation">
      <h2 id="key-evaluation-result" className="mb-3 text-center text-lg font-bold text-slate-900">
        {t("disclosure.detail.keyEvaluation", { year: e.fiscalYear })}
      </h2>
      <table className="w-full table-fixed border-collapse border border-slate-800 bg-white text-sm">
        <caption className="sr-only">{t("disclosure.detail.keyEvaluation", { year: e.fiscalYear })}</caption>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              {t("disclosure.detail.keyDimension")}
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
          {e.dimensions.map((d) => (
            <tr key={d.dimension}>
              <th scope="row" className={`${TH} font-normal`}>
                {t(`evaluation.key.dim.${d.dimension}`)}
              </th>
              <td className={TD}>{d.points}</td>
              <td className={TD}>{d.score}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={TH}>
              {t("disclosure.detail.evaluationScore")}
            </th>
            <td className={TD} data-testid="portal-key-evaluation-score">
              {e.score}
            </td>
            <td className={`${TD} text-center font-semibold`} data-testid="portal-key-evaluation-grade">
              {t("disclosure.detail.evaluationGrade")}：{t(`evaluation.grade.${e.grade}`)}
            </td>
          </tr>
        </tfoot>
      </table>
      <dl className="mt-3 space-y-2 text-sm text-slate-900">
        <div>
          <dt className="font-semibold">{t("disclosure.detail.keyFindings")}</dt>
          <dd className="whitespace-pre-line">{e.findings}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("disclosure.detail.keyRecommendations")}</dt>
          <dd className="whitespace-pre-line">{e.recommendations}</dd>
        </div>
      </dl>
      {e.report && (
        <p className="mt-3 text-sm print:hidden">
          <a className="text-blue-800 underline" href={`/portal/key-reports/${e.disclosureId}`} data-testid="portal-key-report">
            {t("disclosure.detail.keyReport", { filename: e.report.filename })}
          </a>
        </p>
      )}
    </section>
  );
}
