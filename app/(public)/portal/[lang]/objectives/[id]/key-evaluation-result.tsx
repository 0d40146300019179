import type { Translate } from "@/lib/i18n";
import type { PublicKeyEvaluation } from "@/lib/disclosure/key-evaluation";
import { PublicResultTable } from "./result-table";

/** The disclosed key evaluation (重点评价) of an objective: 决策/过程/产出/效益 scores, total and grade, findings, recommendations, the report. */
export function PublicKeyEvaluationResult({ e, t, financeName, prevailing }: { e: PublicKeyEvaluation; t: Translate; financeName: string | null; prevailing: boolean }) {
  const finance = financeName ?? t("disclosure.results.source.key");
  return (
    <PublicResultTable
      id="key-evaluation"
      title={t("disclosure.detail.keyEvaluation", { year: e.fiscalYear })}
      partHead={t("disclosure.detail.keyDimension")}
      rows={e.dimensions.map((d) => ({ key: d.dimension, label: t(`evaluation.key.dim.${d.dimension}`), points: d.points, score: d.score }))}
      score={e.score}
      scoreLabel={t("disclosure.results.keyScore")}
      scoredBy={e.agencyName ? t("disclosure.results.keyByAgency", { agency: e.agencyName, finance }) : t("disclosure.results.keyByFinance", { finance })}
      prevailing={prevailing}
      grade={e.grade}
      t={t}
    >
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
    </PublicResultTable>
  );
}
