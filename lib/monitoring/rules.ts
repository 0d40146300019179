import Decimal from "decimal.js";
import type { Comparison } from "@/db/schema/enums";
import type { Light, TargetJudgement, WarningRule } from "@/db/schema/monitoring";

/**
 * THE warning rules of double monitoring (DESIGN §3.6), pure functions of a report and the
 * fiscal year's thresholds. Exact decimal arithmetic throughout; the numbers behind each
 * warning travel with it as strings so the page can say why it fired.
 */
export interface Thresholds {
  /** Index below this → red (default 60). */
  red: string;
  /** Index below this (and not red) → yellow (default 80); from it → green. */
  yellow: string;
}

export const DEFAULT_THRESHOLDS: Thresholds = { red: "60", yellow: "80" };

/** Time progress of a period that covers January to the end of `throughMonth`: months elapsed / 12. */
export function timeProgress(throughMonth: number): Decimal {
  if (!Number.isInteger(throughMonth) || throughMonth < 1 || throughMonth > 12) throw new RangeError(`month ${throughMonth}`);
  return new Decimal(throughMonth).div(12);
}

/** The budget the rate is measured against: the adjusted budget when there is one. */
export function budgetInForce(budget: string, adjustedBudget: string | null | undefined): Decimal {
  return new Decimal(adjustedBudget ?? budget);
}

export interface ExecutionResult {
  /** null when the budget is zero: there is no rate to judge. */
  light: Light | null;
  /** executed ÷ budget in force, as a percentage (2 decimals); null for a zero budget. */
  ratePercent: string | null;
  timeProgressPercent: string;
  /** (rate ÷ time progress) × 100, 2 decimals; null for a zero budget. */
  index: string | null;
  overExecuted: boolean;
}

/**
 * Execution progress traffic light: index = (execution rate ÷ time progress) × 100 →
 * red below `red`, yellow from `red` to below `yellow`, green from `yellow`. The comparison
 * uses the exact index, never the rounded one shown.
 */
export function executionLight(
  input: { executed: string; budget: string; adjustedBudget?: string | null; throughMonth: number },
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): ExecutionResult {
  const tp = timeProgress(input.throughMonth);
  const budget = budgetInForce(input.budget, input.adjustedBudget);
  const executed = new Decimal(input.executed);
  const tpPercent = tp.times(100).toFixed(2, Decimal.ROUND_HALF_UP);
  if (budget.lte(0)) return { light: null, ratePercent: null, timeProgressPercent: tpPercent, index: null, overExecuted: false };
  const rate = executed.div(budget);
  // executed × 1200 ÷ (budget × months): one division, so an index exactly on a threshold stays exact.
  const index = executed.times(1200).div(budget.times(input.throughMonth));
  const light: Light = index.lt(thresholds.red) ? "red" : index.lt(thresholds.yellow) ? "yellow" : "green";
  return {
    light,
    ratePercent: rate.times(100).toFixed(2, Decimal.ROUND_HALF_UP),
    timeProgressPercent: tpPercent,
    index: index.toFixed(2, Decimal.ROUND_HALF_UP),
    overExecuted: executed.gt(budget),
  };
}

/** Target risk of one indicator: will not be met → red, probably → yellow (for qualitative: 未达成 / 部分达成). */
export function targetLight(judgement: TargetJudgement): Light {
  return judgement === "not_met" ? "red" : judgement === "probably" ? "yellow" : "green";
}

export interface ReportFacts {
  executed: string;
  budget: string;
  adjustedBudget?: string | null;
  throughMonth: number;
  indicators: { ordinal: number; name: string; comparison: Comparison; judgement: TargetJudgement }[];
}

export interface RaisedWarning {
  rule: WarningRule;
  light: Exclude<Light, "green">;
  indicatorOrdinal: number | null;
  /** The numbers behind it, as strings (rates and indices in percent). */
  facts: Record<string, string | number | boolean | null>;
}

/** Every warning a submitted report raises, with the fiscal year's thresholds. */
export function evaluateReport(report: ReportFacts, thresholds: Thresholds = DEFAULT_THRESHOLDS): { execution: ExecutionResult; warnings: RaisedWarning[] } {
  const execution = executionLight(report, thresholds);
  const warnings: RaisedWarning[] = [];
  const budget = budgetInForce(report.budget, report.adjustedBudget).toFixed(2);
  if (execution.light === "red" || execution.light === "yellow") {
    warnings.push({
      rule: "execution",
      light: execution.light,
      indicatorOrdinal: null,
      facts: {
        executed: new Decimal(report.executed).toFixed(2),
        budget,
        ratePercent: execution.ratePercent,
        timeProgressPercent: execution.timeProgressPercent,
        index: execution.index,
        red: thresholds.red,
        yellow: thresholds.yellow,
      },
    });
  }
  for (const i of report.indicators) {
    const light = targetLight(i.judgement);
    if (light !== "green") {
      warnings.push({ rule: "target", light, indicatorOrdinal: i.ordinal, facts: { indicator: i.name, judgement: i.judgement, qualitative: i.comparison === "qualitative" } });
    }
  }
  // Idle money (the Tianjin case): every target already met, yet the money lags.
  const allMet = report.indicators.length > 0 && report.indicators.every((i) => i.judgement === "met");
  if (allMet && (execution.light === "red" || execution.light === "yellow")) {
    warnings.push({
      rule: "idle",
      light: "yellow",
      indicatorOrdinal: null,
      facts: { executionLight: execution.light, index: execution.index, ratePercent: execution.ratePercent, timeProgressPercent: execution.timeProgressPercent, indicatorsMet: report.indicators.length },
    });
  }
  return { execution, warnings };
}

/** The worst light of a set: red over yellow over green. */
export function worstLight(lights: (Light | null | undefined)[]): Light | null {
  if (lights.includes("red")) return "red";
  if (lights.includes("yellow")) return "yellow";
  return lights.includes("green") ? "green" : null;
}
