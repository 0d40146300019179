import Decimal from "decimal.js";
import { formatMoney } from "@/lib/format";

/**
 * THE money module: people read and type amounts in 万元; the database holds exact 元 (numeric,
 * two decimals). Every conversion goes through decimal.js, never a float.
 *
 * Precision: 万元 with at most six decimals is exactly 元 with two (0.000001 万元 = 0.01 元), so
 * parsing never rounds — "1234.5678" 万元 is 12345678.00 元 exactly; a seventh decimal
 * (a fraction of a fen) is refused, not rounded.
 */

/** 万元 as typed: digits, optional thousands separators (, ， or spaces), up to six decimals. */
const WAN = /^(-?)(\d{1,12})(?:\.(\d{1,6}))?$/;

export type ParsedWan = { ok: true; yuan: string } | { ok: false };

/**
 * What a person typed in 万元 ("1,090", "0.01", "1 260.5") → 元 with two decimals
 * ("10900000.00", "100.00", "12605000.00"). Negative amounts only with `allowNegative`
 * (no stored amount is negative today). Empty text is not an amount.
 */
export function parseWan(text: string, opts: { allowNegative?: boolean } = {}): ParsedWan {
  const v = text.replace(/[,，\s]/g, "");
  const m = WAN.exec(v);
  if (!m) return { ok: false };
  if (m[1] === "-" && !opts.allowNegative) return { ok: false };
  const yuan = new Decimal(v).times(10_000);
  // Six decimals of 万元 are whole fen; the check is kept so the rule cannot drift from the regex.
  // Stryker disable next-line all: unreachable while WAN allows at most six decimals (docs/TESTING.md)
  if (!yuan.times(100).isInteger()) return { ok: false };
  return { ok: true, yuan: yuan.toFixed(2) };
}

/**
 * An amount in 元 (a numeric column's string, or a Decimal) in 万元 with two decimals and
 * thousands separators: "10900000.00" → "1,090.00", "-100" → "-0.01". Rounded half-up to the
 * 0.01 万元 shown (the exact 元 stays in the database). Null/empty → "—"; not a number → as given.
 */
export function formatWan(yuan: string | Decimal | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === "") return "—";
  try {
    return formatMoney(new Decimal(yuan).div(10_000).toFixed(2, Decimal.ROUND_HALF_UP));
  } catch {
    return String(yuan);
  }
}

/**
 * 元 → the exact 万元 value for an input or a spreadsheet cell, without separators or
 * trailing zeros ("12605000.00" → "1260.5", "100.00" → "0.01"): it parses back to the same 元.
 */
export function yuanToWan(yuan: string | Decimal): string {
  return new Decimal(yuan).div(10_000).toFixed();
}

/**
 * 元 → 万元 exactly, with separators and no rounding ("12345678.00" → "1,234.5678",
 * "10900000.00" → "1,090.00"): for differences and totals a person must be able to check to the fen.
 */
export function formatWanExact(yuan: string | Decimal): string {
  return formatMoney(new Decimal(yuan).div(10_000).toFixed());
}
