import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import type { loadObjectiveView } from "@/lib/objective/view";
import { Badge, cls } from "@/app/_components/ui";
import { CompareVersions } from "./compare-versions";

type View = Awaited<ReturnType<typeof loadObjectiveView>>;

const TH = "border border-slate-300 bg-slate-100 px-2 py-1.5 text-left font-semibold whitespace-nowrap";
const TD = "border border-slate-200 px-2 py-1.5 align-top";
const time = (d: Date | null) => (d ? formatDateTime(d).slice(0, 16) : "—");

/** 版本记录: 版本1 原始申报, 版本2 目标调整 …, the one in force marked 已批复生效; view or compare any. */
export function Versions({ view, viewing, t }: { view: View; viewing: number | null; t: Translate }) {
  const base = `/objectives/${view.objective.id}`;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="versions">
          <thead>
            <tr>
              <th scope="col" className={TH}>{t("review.version")}</th>
              <th scope="col" className={`${TH} min-w-48`}>{t("review.adjustmentReason")}</th>
              <th scope="col" className={TH}>{t("review.createdAt")}</th>
              <th scope="col" className={TH}>{t("review.submittedAt")}</th>
              <th scope="col" className={TH}>{t("review.approvedAt")}</th>
              <th scope="col" className={TH}>{t("review.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.versions.map((v, i) => {
              const isCurrent = v.id === view.objective.currentVersionId;
              const isApproved = v.id === view.objective.approvedVersionId;
              return (
                <tr key={v.id} className={viewing === v.number || (viewing === null && isCurrent) ? "bg-amber-50/60" : undefined}>
                  <td className={TD}>
                    <span className="font-medium">
                      {t("review.versionName", { n: v.number })} {t(`review.versionKind.${v.kind}`)}
                    </span>
                    <span className="mt-0.5 flex flex-wrap gap-1">
                      {isApproved && <Badge tone="green">{t("review.approvedMarker")}</Badge>}
                      {isCurrent && <Badge tone="navy">{t("review.currentMarker")}</Badge>}
                      {!isCurrent && !isApproved && v.approvedAt && <Badge>{t("review.supersededMarker")}</Badge>}
                      {!isCurrent && !isApproved && !v.approvedAt && v.kind === "adjustment" && <Badge tone="red">{t("review.unusedMarker")}</Badge>}
                    </span>
                  </td>
                  <td className={`${TD} whitespace-pre-wrap`}>{v.adjustmentReason ?? "—"}</td>
                  <td className={`${TD} whitespace-nowrap tabular-nums`}>{time(v.createdAt)}</td>
                  <td className={`${TD} whitespace-nowrap tabular-nums`}>{time(v.submittedAt)}</td>
                  <td className={`${TD} whitespace-nowrap tabular-nums`}>{time(v.approvedAt)}</td>
                  <td className={`${TD} whitespace-nowrap`}>
                    <span className="flex flex-wrap gap-2">
                      <Link href={isCurrent ? base : `${base}?v=${v.number}`} className={cls.link}>
                        {t("review.viewVersion")}
                      </Link>
                      {i > 0 && (
                        <Link href={`${base}?diff=${view.versions[i - 1].number}..${v.number}`} className={cls.link}>
                          {t("review.compareWith")}
                        </Link>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.versions.length > 2 && <CompareVersions objectiveId={view.objective.id} numbers={view.versions.map((v) => v.number)} />}
    </div>
  );
}
