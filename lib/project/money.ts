import Decimal from "decimal.js";
import { formatMoney } from "@/lib/format";

/**
 * An amount in 元 (a numeric column's decimal string) shown in 万元 with two decimals and
 * thousands separators: "52000000.00" → "5,200.00". Computed with decimal.js, never a float.
 */
export function wan(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === "") return "—";
  try {
    return formatMoney(new Decimal(yuan).div(10_000).toFixed(2, Decimal.ROUND_HALF_UP));
  } catch {
    return yuan;
  }
}

/** What a user typed in 万元 ("1,260.5") → 元 with two decimals ("12605000.00"); null if not an amount. */
export function wanToYuan(input: string): string | null {
  const v = input.replace(/[,，\s]/g, "");
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(v)) return null;
  return new Decimal(v).times(10_000).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** 元 → the 万元 value an input shows ("12605000.00" → "1260.5"). */
export function yuanToWanInput(yuan: string): string {
  return new Decimal(yuan).div(10_000).toFixed();
}
