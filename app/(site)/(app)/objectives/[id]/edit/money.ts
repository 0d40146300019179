import Decimal from "decimal.js";
import { formatMoney, trimDecimal } from "@/lib/format";

/** The same rule as the server's money schema: 元, non-negative, at most two decimals; commas allowed. */
const MONEY = /^\d{1,16}(\.\d{1,2})?$/;

export const cleanMoney = (v: string) => v.replace(/,/g, "").trim();

/** A typed amount as a Decimal, or null when it is not a valid amount (never through a float). */
export function parseMoney(v: string): Decimal | null {
  const s = cleanMoney(v);
  return MONEY.test(s) ? new Decimal(s) : null;
}

/** 元 → 万元 for display ("38000000" → "3,800.00"), exact to the fen. */
export function toWan(yuan: Decimal): string {
  return formatMoney(trimDecimal(yuan.div(10000).toFixed(6)));
}

export const yuan = (d: Decimal) => formatMoney(d.toFixed(2));

/** Row keys for React lists, made only in event handlers and state initialisers. */
let seq = 0;
export const nextKey = () => `k${++seq}`;
