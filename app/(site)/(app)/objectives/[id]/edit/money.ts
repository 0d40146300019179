import type Decimal from "decimal.js";
import { formatWanExact } from "@/lib/money";

/** 元 → 万元 for display ("38000000" → "3,800.00"), exact to the fen (lib/money.ts). */
export function toWan(yuan: Decimal): string {
  return formatWanExact(yuan);
}

/** Row keys for React lists, made only in event handlers and state initialisers. */
let seq = 0;
export const nextKey = () => `k${++seq}`;
