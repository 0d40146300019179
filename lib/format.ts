import type { Locale } from "@/lib/i18n";

/** The system serves a Chinese province: times are shown in China Standard Time whatever the server's zone. */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `date` column ("2026-11-30") as Chinese documents write it (2026年11月30日), or ISO in English. */
export function formatDate(isoDate: string, locale: Locale): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  if (locale === "en") return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Made once: building a DateTimeFormat costs a hundred times more than using one (it was a tenth of a list page's time). */
const DISPLAY_PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function parts(d: Date): Record<string, string> {
  return Object.fromEntries(DISPLAY_PARTS.formatToParts(d).map((p) => [p.type, p.value]));
}

/** yyyy-MM-dd HH:mm:ss in China Standard Time. */
export function formatDateTime(d: Date | string): string {
  const p = parts(typeof d === "string" ? new Date(d) : d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * THE rule for dates: the calendar date (yyyy-MM-dd) of an instant in China Standard Time, whatever
 * the server's zone — a disclosure at 02:35 on 8 December China time (18:35 UTC on the 7th) is
 * 2026-12-08. Never `toISOString().slice(0, 10)`, which is the date in London.
 */
export function chinaDate(instant: Date | string): string {
  const p = parts(typeof instant === "string" ? new Date(instant) : instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's date (yyyy-MM-dd) in China Standard Time, comparable with `date` columns as strings. */
export function todayIso(now = new Date()): string {
  return chinaDate(now);
}

/** The calendar year of an instant in China Standard Time (the default fiscal year of a page). */
export function chinaYear(now = new Date()): number {
  return Number(parts(now).year);
}

/**
 * Whether an instant falls after a deadline given as a `date` column (the last day allowed, in
 * China time): submitted at 00:30 China time on the day after the deadline is late, at 23:30 on
 * the deadline itself is not.
 */
export function isPastDeadline(now: Date, lastDay: string): boolean {
  return chinaDate(now) > lastDay;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A numeric column's string ("10000000.00") with thousands separators ("10,000,000.00").
 * Works on the digits, never through a float, so no amount is ever rounded.
 */
export function formatMoney(value: string): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac] = m;
  const grouped = int.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}.${(frac ?? "").padEnd(2, "0")}`;
}

/** A numeric string without trailing zeros in the fraction ("60.00" → "60", "12.50" → "12.5"). */
export function trimDecimal(value: string): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac] = m;
  const f = (frac ?? "").replace(/0+$/, "");
  return `${sign}${int.replace(/^0+(?=\d)/, "")}${f ? `.${f}` : ""}`;
}
