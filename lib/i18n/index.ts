import { en } from "./en";
import { zh, type Messages } from "./zh";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "locale";

const DICTS: Record<Locale, Messages> = { zh, en };

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function isLocale(v: unknown): v is Locale {
  return v === "zh" || v === "en";
}

/**
 * Validation and rule messages are written "中文 / English" where they live (next to the rule);
 * this picks the reader's half. Text without " / " is returned as it is.
 */
export function pickLanguage(text: string, locale: Locale): string {
  const i = text.indexOf(" / ");
  if (i < 0) return text;
  return locale === "zh" ? text.slice(0, i) : text.slice(i + 3);
}

export function translator(locale: Locale): Translate {
  const dict = DICTS[locale];
  return (key, vars) => {
    let node: unknown = dict;
    for (const part of key.split(".")) node = (node as Record<string, unknown>)?.[part];
    let text = typeof node === "string" ? node : pickLanguage(key, locale);
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
