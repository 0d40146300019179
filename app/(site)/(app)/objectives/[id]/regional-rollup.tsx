import Link from "next/link";
import Decimal from "decimal.js";
import type { Comparison, ObjectiveState } from "@/db/schema/enums";
import type { Translate } from "@/lib/i18n";
import type { regionalRollup } from "@/lib/objective/regional";
import { wan } from "@/lib/project/money";
import { cls } from "@/app/_components/ui";
import { ObjectiveStateBadge } from "../../_workflow/badges";

type Rollup = Awaited<ReturnType<typeof regionalRollup>>;

const cell = "border border-slate-200 px-2.5 py-1.5";
const head = "border border-slate-300 px-2.5 py-1.5 font-medium";

/** Two targets are the same value: equal text, or equal numbers ("90" and "90.0"). */
function sameTarget(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.trim() === b.trim()) return true;
  try {
    return new Decimal(a.trim()).eq(b.trim());
  } catch {
    return false;
  }
}

/**
 * 区域绩效目标: the regions a transfer payment's overall objective was issued to, each with its
 * amount, state and annual target per indicator, under the overall objective's own row so that
 * each region's target stands against the overall one.
 */
export function RegionalRollup({
  rollup,
  overall,
  t,
}: {
  rollup: Rollup;
  overall: { ownerName: string; amount: string; state: ObjectiveState };
  t: Translate;
}) {
  const issued = rollup.regions.reduce((s, r) => s.plus(r.allocatedAmount ?? "0"), new Decimal(0)).toFixed(2);
  const target = (comparison: Comparison, value: string | null) =>
    value === null ? "—" : comparison === "qualitative" ? value : `${t(`review.comparison.${comparison}`)}${value}`;
  return (
    <div className="space-y-2">
      {rollup.indicators.length === 0 && <p className="text-slate-500">{t("review.regional.noIndicators")}</p>}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse border border-slate-300 text-sm" data-testid="regional-rollup">
          <caption className="sr-only">{t("review.regional.title")}</caption>
          <thead>
            <tr className="bg-slate-100 text-left align-bottom">
              <th scope="col" className={`${head} whitespace-nowrap`}>{t("review.regional.region")}</th>
              <th scope="col" className={`${head} min-w-40`}>{t("review.regional.recipient")}</th>
              <th scope="col" className={`${head} whitespace-nowrap text-right`}>{t("review.regional.allocated")}</th>
              <th scope="col" className={`${head} text-center`}>{t("review.regional.state")}</th>
              {rollup.indicators.map((i) => (
                <th key={i.ordinal} scope="col" className={`${head} min-w-28 text-right`}>
                  {i.name}
                  {i.unit && <span className="block text-xs font-normal text-slate-500">（{i.unit}）</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="bg-blue-50/60 font-medium">
              <th scope="row" colSpan={2} className={`${cell} text-left`}>
                {t("review.regional.overallRow")}
                <span className="ml-2 text-xs font-normal text-slate-600">{overall.ownerName}</span>
              </th>
              <td className={`${cell} text-right tabular-nums`}>{wan(overall.amount)}</td>
              <td className={`${cell} text-center`}>
                <ObjectiveStateBadge state={overall.state} t={t} />
              </td>
              {rollup.indicators.map((i) => (
                <td key={i.ordinal} className={`${cell} text-right tabular-nums`}>
                  {target(i.comparison, i.annualTarget)}
                </td>
              ))}
            </tr>
            {rollup.regions.length === 0 ? (
              <tr>
                <td colSpan={4 + rollup.indicators.length} className={`${cell} py-3 text-slate-500`}>
                  {t("review.regional.empty")}
                </td>
              </tr>
            ) : (
              rollup.regions.map((r) => (
                <tr key={r.objectiveId}>
                  <th scope="row" className={`${cell} whitespace-nowrap text-left font-normal`}>{r.regionName}</th>
                  <td className={cell}>
                    {r.readable ? (
                      <Link href={`/objectives/${r.objectiveId}`} className={cls.link}>
                        {r.recipient}
                      </Link>
                    ) : (
                      r.recipient
                    )}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{wan(r.allocatedAmount)}</td>
                  <td className={`${cell} text-center`}>
                    <ObjectiveStateBadge state={r.state} t={t} />
                  </td>
                  {rollup.indicators.map((i) => {
                    const v = r.targets[i.ordinal] ?? null;
                    // A split (additive) target is the region's share: the total is compared below.
                    const differs = !i.additive && !sameTarget(v, i.annualTarget);
                    return (
                      <td
                        key={i.ordinal}
                        className={`${cell} text-right tabular-nums ${differs ? "bg-amber-50 font-medium text-amber-900" : ""}`}
                        title={differs ? t("review.regional.differs") : undefined}
                      >
                        {v === null ? "—" : target(i.comparison, v)}
                        {differs && <span className="sr-only">（{t("review.regional.differs")}）</span>}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
          {rollup.regions.length > 0 && (
            <tfoot>
              <tr className="bg-slate-50" data-testid="regional-total">
                <th scope="row" colSpan={2} className={`${cell} text-left`}>
                  {t("transfer.regionsTotal")}
                </th>
                <td className={`${cell} text-right font-semibold tabular-nums ${new Decimal(issued).eq(overall.amount) ? "" : "text-amber-900"}`}>{wan(issued)}</td>
                <td className={cell} />
                {rollup.indicators.map((i) => {
                  const off = i.additive && (i.regionsTotal === null || !sameTarget(i.regionsTotal, i.annualTarget));
                  return (
                    <td
                      key={i.ordinal}
                      className={`${cell} text-right font-semibold tabular-nums ${off ? "bg-amber-50 text-amber-900" : ""}`}
                      title={off ? t("transfer.sumDiffers") : undefined}
                    >
                      {i.additive ? (i.regionsTotal === null ? "—" : target(i.comparison, i.regionsTotal)) : ""}
                      {off && <span className="sr-only">（{t("transfer.sumDiffers")}）</span>}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {rollup.regions.some((r) => rollup.indicators.some((i) => !i.additive && !sameTarget(r.targets[i.ordinal] ?? null, i.annualTarget))) && (
        <p className="text-xs text-slate-500">
          <span className="mr-1 inline-block h-3 w-3 border border-amber-300 bg-amber-50 align-middle" aria-hidden="true" />
          {t("review.regional.differs")}
        </p>
      )}
    </div>
  );
}
