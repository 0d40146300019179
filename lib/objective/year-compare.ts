import Decimal from "decimal.js";
import type { Comparison, IndicatorLevel2 } from "@/db/schema/enums";

/**
 * THE year-over-year rule (年度对比): a new declaration's indicator against the same subject's
 * earlier years, and when its target counts as lowered (目标调低).
 *
 * - **Same indicator**: the same name (NFKC, whitespace removed) and the same direction
 *   (comparison ≥, ≤). An indicator renamed or turned round is a new one, never compared.
 * - **Last approved target**: the annual target of that indicator in the newest earlier year's
 *   approved version that has it. **Last result**: the value reached in the newest earlier year
 *   that has one — the finance-accepted self-evaluation's actual, else the latest accepted
 *   monitoring report's value reached (a declaration is filed before its year's self-evaluation).
 * - **Lowered**: only 数量 and 质量 indicators with ≥ or ≤ and numeric targets in the same unit are
 *   judged. A ≥ target below the last approved target or below the last result, or a ≤ target above
 *   either (less demanding), is *lowered*; with a reason (`changeReason`, the wizard's indicator
 *   details) it is *lowered with a reason*, which reviewers see but which is not a warning.
 *   A target more demanding than the last approved target is *raised*; otherwise *same*.
 * - Anything else (timeliness, benefit, qualitative, =, text targets, another unit) is shown with
 *   last year's figures and no judgement.
 */

/** The 二级 classes whose targets are judged year over year. */
export const COMPARED_LEVEL2: readonly IndicatorLevel2[] = ["quantity", "quality"];
const COMPARED_DIRECTIONS: readonly Comparison[] = ["gte", "lte"];

/** Whether a row's target is judged against last year (the wizard offers the reason field for these). */
export function yearCompared(r: { level2: IndicatorLevel2; comparison: Comparison }): boolean {
  return COMPARED_LEVEL2.includes(r.level2) && COMPARED_DIRECTIONS.includes(r.comparison);
}

export type YearStatus = "lowered" | "lowered_explained" | "raised" | "same" | "new" | "not_judged";

export interface CurrentIndicator {
  ordinal: number;
  name: string;
  level2: IndicatorLevel2;
  comparison: Comparison;
  annualTarget: string | null;
  unit: string | null;
  changeReason?: string | null;
}

export interface EarlierIndicator {
  ordinal: number;
  name: string;
  comparison: Comparison;
  annualTarget: string | null;
  unit: string | null;
}

/** One earlier year of the subject: its approved indicators (empty if none approved) and values reached by ordinal. */
export interface EarlierYear {
  fiscalYear: number;
  objectiveId: number;
  indicators: EarlierIndicator[];
  /** ordinal → value reached and where it came from. */
  reached: Record<number, { value: string; source: "self" | "monitoring" }>;
}

export interface YearComparison {
  ordinal: number;
  status: YearStatus;
  lastTarget: { fiscalYear: number; objectiveId: number; value: string; unit: string | null } | null;
  lastReached: { fiscalYear: number; objectiveId: number; value: string; unit: string | null; source: "self" | "monitoring" } | null;
}

/** The matching key of an indicator: name without spaces (NFKC) and direction. */
export function indicatorKey(name: string, comparison: Comparison): string {
  return `${name.normalize("NFKC").replace(/\s+/g, "")}|${comparison}`;
}

const normUnit = (u: string | null | undefined) => (u ?? "").normalize("NFKC").replace(/\s+/g, "");

/** A target or value as an exact number ("1,200", "95%", "９５" are numbers; "完成改造" is not). */
export function targetNumber(v: string | null | undefined): Decimal | null {
  if (v == null) return null;
  const s = v.normalize("NFKC").replace(/[\s,]/g, "").replace(/%$/, "");
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? new Decimal(s) : null;
}

/** Less demanding in this direction: lower for ≥, higher for ≤. */
function weaker(comparison: Comparison, current: Decimal, baseline: Decimal): boolean {
  return comparison === "gte" ? current.lt(baseline) : current.gt(baseline);
}

/** Compare one current indicator with the subject's earlier years (any order; the newest year wins). */
export function compareIndicator(current: CurrentIndicator, earlier: readonly EarlierYear[]): YearComparison {
  const years = [...earlier].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const key = indicatorKey(current.name, current.comparison);
  let lastTarget: YearComparison["lastTarget"] = null;
  let lastReached: YearComparison["lastReached"] = null;
  for (const y of years) {
    const match = y.indicators.find((i) => indicatorKey(i.name, i.comparison) === key);
    if (!match) continue;
    if (!lastTarget && match.annualTarget != null && match.annualTarget.trim() !== "") {
      lastTarget = { fiscalYear: y.fiscalYear, objectiveId: y.objectiveId, value: match.annualTarget, unit: match.unit };
    }
    const r = y.reached[match.ordinal];
    if (!lastReached && r && r.value.trim() !== "") {
      lastReached = { fiscalYear: y.fiscalYear, objectiveId: y.objectiveId, value: r.value, unit: match.unit, source: r.source };
    }
    if (lastTarget && lastReached) break;
  }
  const out = (status: YearStatus): YearComparison => ({ ordinal: current.ordinal, status, lastTarget, lastReached });
  if (!lastTarget && !lastReached) return out("new");
  if (!yearCompared(current)) return out("not_judged");
  const now = targetNumber(current.annualTarget);
  if (!now) return out("not_judged");
  const unit = normUnit(current.unit);
  const target = lastTarget && normUnit(lastTarget.unit) === unit ? targetNumber(lastTarget.value) : null;
  const reached = lastReached && normUnit(lastReached.unit) === unit ? targetNumber(lastReached.value) : null;
  if (!target && !reached) return out("not_judged");
  if ((target && weaker(current.comparison, now, target)) || (reached && weaker(current.comparison, now, reached))) {
    return out(current.changeReason?.trim() ? "lowered_explained" : "lowered");
  }
  if (target && weaker(current.comparison, target, now)) return out("raised");
  return out("same");
}

/** Every indicator of a declaration against the earlier years, in the declaration's order. */
export function compareYears(current: readonly CurrentIndicator[], earlier: readonly EarlierYear[]): YearComparison[] {
  return current.map((c) => compareIndicator(c, earlier));
}
