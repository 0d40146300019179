import Decimal from "decimal.js";
import type { Comparison, IndicatorLevel2 } from "@/db/schema/enums";

/**
 * THE rule of which indicators a transfer payment splits among its regions (转移支付分解下达):
 * a 数量指标 (二级 class `quantity`) with a numeric target whose unit counts things that add up
 * across regions — lengths, areas, things, people. A rate (%), a ratio (人/千人), a time or a
 * qualitative target is not split: every region keeps the province's value. Pure, so the issuing
 * form and the server decide alike.
 */
export const ADDITIVE_UNITS: readonly string[] = [
  // lengths and areas
  "公里", "万公里", "千米", "米", "平方米", "万平方米", "公顷", "亩", "万亩",
  // things
  "座", "个", "所", "家", "户", "套", "台", "辆", "艘", "项", "件", "处", "条", "间", "张", "册", "宗", "吨", "万吨",
  // people
  "人", "人次", "万人", "万人次", "名",
];

/** A non-negative decimal as a target may hold it: "20000", "12.5" (at most 4 decimals). */
const TARGET_NUMBER = /^\d{1,12}(\.\d{1,4})?$/;

export function isTargetNumber(v: string | null | undefined): v is string {
  return typeof v === "string" && TARGET_NUMBER.test(v.trim());
}

export interface SplittableIndicator {
  level2: IndicatorLevel2;
  comparison: Comparison;
  unit: string | null;
  annualTarget: string | null;
}

/** Whether this indicator's target is split among the regions (the rule above). */
export function isAdditiveQuantity(i: SplittableIndicator): boolean {
  return i.level2 === "quantity" && i.comparison !== "qualitative" && ADDITIVE_UNITS.includes((i.unit ?? "").trim()) && isTargetNumber(i.annualTarget);
}

/** The number of decimals a target is written with ("20000" → 0, "12.50" → 2): the split keeps that precision. */
export function targetScale(target: string): number {
  const dot = target.trim().indexOf(".");
  return dot < 0 ? 0 : target.trim().length - dot - 1;
}

/**
 * The default split of a total target among regions in proportion to their amounts: each region
 * but the last gets total × amount ÷ Σ amounts rounded DOWN at the total's precision, the last
 * gets what remains, so the parts add up to the total exactly. Amounts are decimal strings (元);
 * with no amount at all, the last region gets everything.
 */
export function proportionalSplit(total: string, amounts: readonly string[]): string[] {
  if (amounts.length === 0) return [];
  const whole = new Decimal(total.trim());
  const scale = targetScale(total);
  const sum = amounts.reduce((s, a) => s.plus(safe(a)), new Decimal(0));
  const parts: Decimal[] = [];
  let given = new Decimal(0);
  amounts.forEach((a, i) => {
    if (i === amounts.length - 1) return;
    const part = sum.isZero() ? new Decimal(0) : whole.times(safe(a)).dividedBy(sum).toDecimalPlaces(scale, Decimal.ROUND_DOWN);
    parts.push(part);
    given = given.plus(part);
  });
  parts.push(whole.minus(given));
  return parts.map((p) => p.toFixed(scale));
}

function safe(a: string): Decimal {
  try {
    const d = new Decimal(a);
    return d.isFinite() && d.gte(0) ? d : new Decimal(0);
  } catch {
    return new Decimal(0);
  }
}

/** Σ of target strings, exactly (non-numbers count as nothing: they are refused on their own field). */
export function sumTargets(values: readonly string[]): Decimal {
  return values.reduce((s, v) => (isTargetNumber(v) ? s.plus(v.trim()) : s), new Decimal(0));
}
