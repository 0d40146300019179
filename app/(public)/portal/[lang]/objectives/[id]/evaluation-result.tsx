import type { Translate } from "@/lib/i18n";
import type { PublicEvaluation } from "@/lib/disclosure/public";
import { PublicResultTable } from "./result-table";

/** The disclosed self-evaluation result of an objective: score and grade, and 预算执行率 and each 一级指标's points and score. */
export function PublicEvaluationResult({ e, t, ownerName, prevailing }: { e: PublicEvaluation; t: Translate; ownerName: string; prevailing: boolean }) {
  return (
    <PublicResultTable
      id="evaluation"
      title={t("disclosure.detail.evaluation", { year: e.fiscalYear })}
      partHead={t("disclosure.detail.evaluationLevel")}
      rows={e.levels.map((l) => ({ key: l.level1, label: t(`evaluation.level1.${l.level1}`), points: l.points, score: l.score }))}
      score={e.score}
      scoreLabel={t("disclosure.results.selfScore")}
      scoredBy={t("disclosure.results.selfBy", { owner: ownerName })}
      prevailing={prevailing}
      grade={e.grade}
      t={t}
    />
  );
}
