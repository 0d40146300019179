import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import { earlierYears, reachedOf, type HistoryIndicator, type HistoryYear, type SubjectRef } from "@/lib/objective/history";
import { compareYears, indicatorKey, type CurrentIndicator, type YearComparison, type YearStatus } from "@/lib/objective/year-compare";
import { wan } from "@/lib/project/money";
import { Badge, Card, cls } from "@/app/_components/ui";

const CELL = "border border-slate-300 px-2 py-1";

/** The subject word of the sentences: project, department overall, transfer payment or a region's part of one. */
export function subjectWord(o: Pick<SubjectRef, "subjectKind" | "parentObjectiveId">, t: Translate): string {
  return t(o.parentObjectiveId !== null ? "yoy.subject.regional" : `yoy.subject.${o.subjectKind}`);
}

/**
 * 历年情况: the same subject's earlier years on its page — per year the state, budget, executed
 * amount, review grade, self-evaluation and key evaluation, each year linked to its page; then
 * per indicator (same name and comparison) the approved target and the value reached, year by year.
 * The history was loaded once for the page (lib/objective/history.ts), scoped to the reader.
 */
export function YearHistory({ subject, history, t }: { subject: SubjectRef; history: HistoryYear[]; t: Translate }) {
  const word = subjectWord(subject, t);
  if (!history.length) {
    return (
      <Card className="print-hide mb-5" title={t("yoy.history.title")}>
        <p className="text-slate-500" data-testid="yoy-history-none">
          {t("yoy.history.none")}
        </p>
      </Card>
    );
  }
  const rows = earlierYearsKey(history);
  return (
    <Card className="print-hide mb-5" title={t("yoy.history.title")}>
      <p className="mb-3 text-slate-600">{t("yoy.history.intro", { subject: word })}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="yoy-history">
          <caption className="sr-only">{t("yoy.history.title")}</caption>
          <thead>
            <tr className="bg-slate-50 text-left">
              <th className={CELL}>{t("yoy.history.year")}</th>
              <th className={CELL}>{t("yoy.history.state")}</th>
              <th className={`${CELL} text-right`}>{t("yoy.history.budget")}</th>
              <th className={`${CELL} text-right`}>{t("yoy.history.executed")}</th>
              <th className={CELL}>{t("yoy.history.reviewGrade")}</th>
              <th className={CELL}>{t("yoy.history.selfEvaluation")}</th>
              <th className={CELL}>{t("yoy.history.keyEvaluation")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((y) => {
              const se = y.selfEvaluation;
              const executed = se?.state === "accepted" ? se.executedAmount : (y.monitoring?.executedAmount ?? null);
              return (
                <tr key={y.objectiveId} data-testid={`yoy-history-year-${y.fiscalYear}`}>
                  <th scope="row" className={`${CELL} text-left font-normal`}>
                    <Link href={`/objectives/${y.objectiveId}`} className={cls.link}>
                      {t("yoy.yearValue", { year: y.fiscalYear })}
                    </Link>
                  </th>
                  <td className={CELL}>{t(`review.stateLabel.${y.state}`)}</td>
                  <td className={`${CELL} text-right tabular-nums`}>{wan(y.amount)}</td>
                  <td className={`${CELL} text-right tabular-nums`}>{executed ? wan(executed) : "—"}</td>
                  <td className={CELL}>{y.grade && (y.state === "approved" || y.state === "rejected") ? t(`review.gradeLabel.${y.grade}`) : "—"}</td>
                  <td className={CELL}>
                    {se ? (
                      <>
                        {se.score ?? "—"} / {se.grade ? t(`review.gradeLabel.${se.grade}`) : "—"}
                        {se.state !== "accepted" && <span className="ml-1 text-xs text-slate-500">{t("yoy.history.notAccepted", { state: t(`evaluation.state.${se.state as "draft"}`) })}</span>}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={CELL}>{y.keyEvaluation ? `${y.keyEvaluation.score ?? "—"} / ${y.keyEvaluation.grade ? t(`review.gradeLabel.${y.keyEvaluation.grade}`) : "—"}` : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="yoy-history-indicators">
            <caption className="sr-only">{t("yoy.history.targetReached")}</caption>
            <thead>
              <tr className="bg-slate-50 text-left">
                <th className={CELL}>{t("yoy.history.indicator")}</th>
                {history.map((y) => (
                  <th key={y.objectiveId} className={CELL}>
                    {t("yoy.yearValue", { year: y.fiscalYear })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className={`${CELL} text-left font-normal`}>
                    {r.name}
                  </th>
                  {history.map((y) => {
                    const i = r.byYear.get(y.objectiveId);
                    if (!y.approved) return <td key={y.objectiveId} className={`${CELL} text-slate-500`}>{t("yoy.history.noApproved")}</td>;
                    if (!i) return <td key={y.objectiveId} className={CELL}>—</td>;
                    const value = reachedOf(y)[i.ordinal]?.value;
                    const band = y.selfEvaluation?.state === "accepted" ? y.selfEvaluation.actuals.find((a) => a.ordinal === i.ordinal)?.band : null;
                    const reached = value ?? (band && isBand(band) ? t(`evaluation.band.${band}`) : null);
                    return (
                      <td key={y.objectiveId} className={`${CELL} tabular-nums`}>
                        {i.annualTarget ?? "—"} / {reached ?? "—"} {i.unit ?? ""}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">{t("yoy.history.legend")}</p>
        </div>
      )}
    </Card>
  );
}

const isBand = (v: string): v is "achieved" | "partial" | "not_achieved" => v === "achieved" || v === "partial" || v === "not_achieved";

/** The indicators of the earlier years (same name and comparison = one row), in the newest year's order first. */
function earlierYearsKey(history: HistoryYear[]): { key: string; name: string; byYear: Map<number, HistoryIndicator> }[] {
  const rows = new Map<string, { key: string; name: string; byYear: Map<number, HistoryIndicator> }>();
  for (const y of history) {
    if (!y.approved) continue;
    for (const i of y.indicators) {
      const key = indicatorKey(i.name, i.comparison);
      const row = rows.get(key) ?? { key, name: i.name, byYear: new Map() };
      if (!row.byYear.has(y.objectiveId)) row.byYear.set(y.objectiveId, i);
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

const TONE: Record<YearStatus, "red" | "amber" | "green" | "slate" | "navy"> = {
  lowered: "red",
  lowered_explained: "amber",
  raised: "green",
  same: "slate",
  new: "navy",
  not_judged: "slate",
};

/**
 * 与往年对比 on the review screen: beside each indicator's target this year, the same subject's last
 * approved target and last value reached, and the year-over-year rule's verdict
 * (lib/objective/year-compare.ts); lowered targets without a reason are counted and marked red.
 */
export function YearCompare({
  subject,
  history,
  indicators,
  t,
}: {
  subject: SubjectRef;
  history: HistoryYear[];
  indicators: CurrentIndicator[];
  t: Translate;
}) {
  const word = subjectWord(subject, t);
  const result = compareYears(indicators, earlierYears(history));
  const flagged = result.filter((r) => r.status === "lowered").length;
  const judged = result.some((r) => r.lastTarget || r.lastReached);
  return (
    <div className="mb-4" data-testid="yoy-compare">
      <h3 className="mb-1 font-semibold text-slate-900">{t("yoy.compare.title")}</h3>
      {!judged ? (
        <p className="text-slate-500">{t("yoy.compare.noHistory", { subject: word })}</p>
      ) : (
        <>
          <p className="mb-2 text-slate-600">{t("yoy.compare.intro", { subject: word })}</p>
          <p className={`mb-2 ${flagged ? "font-semibold text-red-800" : "text-emerald-800"}`} role={flagged ? "alert" : undefined} data-testid="yoy-flag-count">
            {flagged ? t("yoy.compare.flagged", { n: flagged }) : t("yoy.compare.noneFlagged")}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("yoy.compare.title")}</caption>
              <thead>
                <tr className="bg-slate-50 text-left">
                  <th className={CELL}>{t("yoy.compare.indicator")}</th>
                  <th className={CELL}>{t("yoy.compare.thisTarget")}</th>
                  <th className={CELL}>{t("yoy.compare.lastTarget")}</th>
                  <th className={CELL}>{t("yoy.compare.lastReached")}</th>
                  <th className={CELL}>{t("yoy.compare.status")}</th>
                  <th className={CELL}>{t("yoy.compare.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {result.map((r, idx) => (
                  <CompareRow key={r.ordinal} r={r} i={indicators[idx]} t={t} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-xs text-slate-500">{t("yoy.compare.rule")}</p>
        </>
      )}
    </div>
  );
}

function CompareRow({ r, i, t }: { r: YearComparison; i: CurrentIndicator; t: Translate }) {
  const comparison = (c: string) => (c === "gte" ? "≥" : c === "lte" ? "≤" : c === "eq" ? "=" : "");
  return (
    <tr data-testid={`yoy-compare-row-${r.ordinal}`} data-status={r.status} className={r.status === "lowered" ? "bg-red-50" : undefined}>
      <th scope="row" className={`${CELL} text-left font-normal`}>
        {i.name}
      </th>
      <td className={`${CELL} tabular-nums`}>
        {comparison(i.comparison)}
        {i.annualTarget ?? "—"} {i.unit ?? ""}
      </td>
      <td className={`${CELL} tabular-nums`}>
        {r.lastTarget ? (
          <>
            {comparison(i.comparison)}
            {r.lastTarget.value} {r.lastTarget.unit ?? ""}{" "}
            <Link href={`/objectives/${r.lastTarget.objectiveId}`} className={`${cls.link} text-xs`}>
              {t("yoy.yearValue", { year: r.lastTarget.fiscalYear })}
            </Link>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className={`${CELL} tabular-nums`}>
        {r.lastReached ? (
          <>
            {r.lastReached.value} {r.lastReached.unit ?? ""}{" "}
            <Link href={`/objectives/${r.lastReached.objectiveId}`} className={`${cls.link} text-xs`}>
              {t("yoy.yearValue", { year: r.lastReached.fiscalYear })}
            </Link>{" "}
            <span className="text-xs text-slate-500">{t(`yoy.compare.source.${r.lastReached.source}`)}</span>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className={CELL}>
        <Badge tone={TONE[r.status]}>{t(`yoy.compare.statusLabel.${r.status}`)}</Badge>
      </td>
      <td className={CELL}>{i.changeReason?.trim() || "—"}</td>
    </tr>
  );
}
