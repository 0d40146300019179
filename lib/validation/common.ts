import { z } from "zod";
import { isCommonPassword, passwordLength, PASSWORD_POLICY } from "@/lib/auth/password-policy";
import { msg } from "@/lib/i18n/core";

/** Ids arrive from forms as strings and from direct calls as numbers. */
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const version = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * What PostgreSQL refuses in a text value or a JSON document: the NUL character (22021 / 22P05)
 * and a UTF-16 surrogate without its pair (not a character at all; in the audit log's JSON it is
 * refused, in a text column it would be silently replaced).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The open-data API's wording, bilingual like the rest of that API (lib/opendata/api-params.ts shows it as it is). */
export const UNSTORABLE_MESSAGE = "含有无法保存的字符（如空字符）/ contains a character that cannot be stored (such as NUL)";
/** The same refusal as a message reference, said in the reader's language: what the app's own forms use. */
export const UNSTORABLE_REF = msg("refusal.unstorable");
export const storable = (v: string) => !UNSTORABLE.test(v);

/** Any string an action stores or searches for: no NUL, no lone surrogate, at most `max` characters. */
export const safeString = (max: number) =>
  z
    .string()
    .max(max, msg("rules.maxChars", { max }))
    .refine(storable, UNSTORABLE_REF);

/** Trimmed text with a length limit; empty → "必填". */
export const text = (max: number, min = 1) =>
  z
    .string({ error: msg("errors.required") })
    .trim()
    .max(max, msg("rules.maxChars", { max }))
    .refine((v) => v.length > 0, msg("errors.required"))
    .refine((v) => v.length === 0 || v.length >= min, msg("rules.minChars", { min }))
    .refine(storable, UNSTORABLE_REF);

/** Optional text: "" and absent both become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg("rules.maxChars", { max }))
    .refine(storable, UNSTORABLE_REF)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/**
 * A search box's text in a page's query string: what cannot be stored is dropped (the page
 * shows the search without it) and anything too long falls back to no search, never an error.
 */
export const searchQuery = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(new RegExp(UNSTORABLE.source, "g"), "").trim())
    .pipe(z.string().max(max))
    .catch("");

const DATE_MESSAGE = msg("refusal.date");
/**
 * A calendar date written YYYY-MM-DD: a day that exists (no 2027-02-30) in the years the
 * system plans for (2000–2100), so the database never sees one it would refuse (22008).
 */
export const isoDate = (message: string = DATE_MESSAGE) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isRealDate, msg("rules.date"));

export function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return true; // the format has its own message
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * A new password (lib/auth/password-policy.ts): 12 to 128 characters of any kind, not a common
 * one. Not trimmed: spaces are characters. Containing the user name is refused by the actions,
 * which know the name.
 */
export const password = z
  .string({ error: "errors.passwordPolicy" })
  .refine((v) => passwordLength(v) >= PASSWORD_POLICY.minLength, "errors.passwordPolicy")
  .refine((v) => passwordLength(v) <= PASSWORD_POLICY.maxLength, "errors.passwordTooLong")
  .refine((v) => !isCommonPassword(v), "errors.passwordCommon");

/** A checkbox or a boolean. */
export const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);

/** One value or many (FormData repeats keys) → array. */
export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));

/** A phone number, optional: 7–20 characters of digits, spaces, +, - and parentheses, with at least 7 digits ("abc电话" refused). */
export const phone = optionalText(30).refine(
  (v) => v === null || (/^[0-9+\-() ]{7,20}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7),
  "errors.phone",
);
