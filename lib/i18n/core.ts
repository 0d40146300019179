import type { Messages } from "./zh";

/**
 * What both the server and the browser need to translate, without any dictionary: the browser
 * gets its one language's messages from the signed-in layout (lib/i18n/server.ts clientMessages),
 * so nothing here may import zh.ts or en.ts as a value.
 */
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "locale";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Translate = ((key: MessageKey, vars?: Record<string, string | number>) => string) & {
  /** Whether the key has a message (for labels that fall back to a raw code, such as an audit action's). */
  has?: (key: string) => boolean;
};

/** A dictionary, or the part of one the browser gets (whole top-level sections of it). */
export type MessageTree = { readonly [key: string]: string | MessageTree };

export function isLocale(v: unknown): v is Locale {
  return v === "zh" || v === "en";
}

/**
 * Validation and rule messages still written "中文 / English" where they live (next to the rule)
 * and passed through t(): this picks the reader's half. Text without " / " is returned as it is.
 */
export function pickLanguage(text: string, locale: Locale): string {
  const i = text.indexOf(" / ");
  if (i < 0) return text;
  return locale === "zh" ? text.slice(0, i) : text.slice(i + 3);
}

/** A dictionary key's shape (`section.name`, letters, digits, _ and - between the dots); message text never has it. */
const KEY_SHAPE = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;

/**
 * A message where only a string can go — a zod rule's message, an ActionError's field message, a
 * completeness finding — as its key with the variables in a query: msg("errors.maxChars", { max: 50 })
 * is "errors.maxChars?max=50". t() of it is the reader's text, variables filled in.
 */
export function msg(key: MessageKey, vars?: Record<string, string | number>): string {
  if (!vars) return key;
  return `${key}?${new URLSearchParams(Object.entries(vars).map(([k, v]) => [k, String(v)]))}`;
}

export class MissingMessageError extends Error {}

/**
 * t() over one language's messages. A key that is not there is a bug: it throws in development
 * and tests (tests/unit/i18n-keys.test.ts also finds every key the code uses), and in production
 * shows the key and logs it rather than break the page. Text that is not key-shaped (a rule's
 * "中文 / English" message) is shown in the reader's half.
 */
export function makeTranslator(messages: MessageTree, locale: Locale): Translate {
  const lookup = (key: string): unknown => {
    let node: unknown = messages;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return node;
  };
  const t: Translate = (ref, given) => {
    // A message reference from msg(): the key, and the variables of its query.
    const q = ref.indexOf("?");
    const key = q > 0 && KEY_SHAPE.test(ref.slice(0, q)) ? ref.slice(0, q) : ref;
    const vars = key === ref ? given : { ...Object.fromEntries(new URLSearchParams(ref.slice(q + 1))), ...given };
    const node = lookup(key);
    let text: string;
    if (typeof node === "string") text = node;
    else if (KEY_SHAPE.test(key)) {
      const message = `i18n: no ${locale} message "${key}"`;
      if (process.env.NODE_ENV !== "production") throw new MissingMessageError(message);
      console.error(message);
      text = key;
    } else text = pickLanguage(key, locale);
    // One pass: a value that itself holds "{name}" (a user's text) is left as it is.
    if (vars) text = text.replace(/\{(\w+)\}/g, (whole, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : whole));
    return text;
  };
  t.has = (key) => typeof lookup(key) === "string";
  return t;
}

/**
 * The dictionary sections client components translate from (useT): the signed-in layout sends
 * the browser these, in the reader's language only. A client component using a key of another
 * section fails tests/unit/i18n-keys.test.ts — add the section here.
 */
export const CLIENT_SECTIONS = [
  "common",
  "errors",
  "role",
  "orgKind",
  "users",
  "orgs",
  "account",
  "pool",
  "wizard",
  "review",
  "bank",
  "excel",
  "monitoring",
  "ledger",
  "evaluation",
  "deptObjective",
  "notify",
  "transfer",
  "assessment",
] as const satisfies readonly (keyof Messages)[];
export type ClientMessages = Pick<Messages, (typeof CLIENT_SECTIONS)[number]>;
