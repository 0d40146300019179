import { formatWan, parseWan, yuanToWan } from "@/lib/money";

/** An amount in 元 shown in 万元 ("52000000.00" → "5,200.00"); see lib/money.ts. */
export function wan(yuan: string | null | undefined): string {
  return formatWan(yuan);
}

/** What a user typed in 万元 ("1,260.5") → 元 with two decimals ("12605000.00"); null if not an amount. */
export function wanToYuan(input: string): string | null {
  const r = parseWan(input);
  return r.ok ? r.yuan : null;
}

/** 元 → the 万元 value an input shows ("12605000.00" → "1260.5"). */
export function yuanToWanInput(yuan: string): string {
  return yuanToWan(yuan);
}
