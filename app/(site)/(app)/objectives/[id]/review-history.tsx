import { formatDateTime, trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import type { loadObjectiveView } from "@/lib/objective/view";
import { Badge } from "@/app/_components/ui";

type View = Awaited<ReturnType<typeof loadObjectiveView>>;

const TH = "border border-slate-300 bg-slate-100 px-2 py-1.5 text-left font-semibold whitespace-nowrap";
const TD = "border border-slate-200 px-2 py-1.5 align-top";

/**
 * 审核记录: every decision, newest first — stage, result, grade, score, reasons, the comments per
 * indicator row (named from the version reviewed when it is the one shown), reviewer and time.
 */
export function ReviewHistory({ view, t }: { view: View; t: Translate }) {
  if (view.reviews.length === 0) return <p className="py-2 text-slate-500">{t("review.noReviews")}</p>;
  const versionNumber = new Map(view.versions.map((v) => [v.id, v.number]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="review-history">
        <thead>
          <tr>
            <th scope="col" className={TH}>{t("review.stage")}</th>
            <th scope="col" className={TH}>{t("review.result")}</th>
            <th scope="col" className={TH}>{t("review.grade")}</th>
            <th scope="col" className={`${TH} text-right`}>{t("review.score")}</th>
            <th scope="col" className={`${TH} min-w-64`}>{t("review.reasons")}</th>
            <th scope="col" className={TH}>{t("review.reviewer")}</th>
            <th scope="col" className={TH}>{t("review.reviewedAt")}</th>
            <th scope="col" className={TH}>{t("review.version")}</th>
          </tr>
        </thead>
        <tbody>
          {view.reviews.map(({ review: r, reviewerName }) => {
            const comments = Object.entries((r.indicatorComments ?? {}) as Record<string, string>).filter(([, c]) => c?.trim());
            const tone = r.result === "pass" ? "green" : r.result === "return" ? "amber" : "red";
            return (
              <tr key={r.id}>
                <td className={`${TD} whitespace-nowrap`}>{t(`review.stageLabel.${r.stage}`)}</td>
                <td className={TD}>
                  <Badge tone={tone}>{t(`review.resultLabel.${r.result}`)}</Badge>
                </td>
                <td className={`${TD} text-center`}>{r.grade ? t(`review.gradeLabel.${r.grade}`) : "—"}</td>
                <td className={`${TD} text-right tabular-nums`}>{r.score ? trimDecimal(r.score) : "—"}</td>
                <td className={TD}>
                  {r.reasons ? <p className="whitespace-pre-wrap">{r.reasons}</p> : <span className="text-slate-400">—</span>}
                  {comments.length > 0 && (
                    <div className="mt-1.5 border-t border-dashed border-slate-300 pt-1.5">
                      <p className="text-xs font-semibold text-slate-600">{t("review.indicatorComments")}</p>
                      <ul className="mt-0.5 space-y-0.5 text-xs text-slate-700">
                        {comments.map(([name, comment]) => (
                          <li key={name}>{t("review.rowComment", { name, comment })}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </td>
                <td className={`${TD} whitespace-nowrap`}>{reviewerName}</td>
                <td className={`${TD} whitespace-nowrap tabular-nums`}>{formatDateTime(r.createdAt).slice(0, 16)}</td>
                <td className={`${TD} whitespace-nowrap`}>{t("review.versionName", { n: versionNumber.get(r.versionId) ?? "?" })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
