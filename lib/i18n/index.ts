import { en } from "./en";
import { zh, type Messages } from "./zh";
import { makeTranslator, type Locale, type Translate } from "./core";

export * from "./core";

/**
 * Both languages' dictionaries: for the server only in practice — a client component that imported
 * this would ship both to every browser. Client components translate with useT()
 * (app/_components/i18n.tsx), over the messages the signed-in layout hands them.
 */
export const DICTS: Record<Locale, Messages> = { zh, en };

export function translator(locale: Locale): Translate {
  return makeTranslator(DICTS[locale], locale);
}
