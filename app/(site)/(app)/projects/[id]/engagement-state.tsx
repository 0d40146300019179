import type { AppraisalConclusion } from "@/db/schema/enums";
import { trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { Badge } from "@/app/_components/ui";

/** Where an engagement (委托第三方评估) stands: pending, or done with the agency's score and conclusion. */
export function EngagementState({
  row,
  t,
}: {
  row: { appraisalId: number | null; totalScore: string | null; conclusion: AppraisalConclusion | null };
  t: Translate;
}) {
  if (!row.appraisalId) return <Badge tone="amber">{t("pool.engagementPending")}</Badge>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone="green">{t("pool.engagementDone")}</Badge>
      {row.totalScore && row.conclusion && (
        <span className="text-slate-700">
          {t("pool.engagementResult", { score: trimDecimal(row.totalScore), conclusion: t(`pool.conclusionLabel.${row.conclusion}`) })}
        </span>
      )}
    </span>
  );
}
