import "server-only";
import { cookies } from "next/headers";
import { CLIENT_SECTIONS, DICTS, isLocale, translator, type ClientMessages, type Locale, type Translate } from "./index";

/** The visitor's language: the remembered cookie, else Chinese. */
export async function getLocale(): Promise<Locale> {
  try {
    const v = (await cookies()).get("locale")?.value;
    return isLocale(v) ? v : "zh";
  } catch (e) {
    // Outside a request (scripts, tests) there are no cookies: Chinese. Anything else — such as
    // Next's signal that the page is dynamic — must go on up.
    if (e instanceof Error && e.message.includes("outside a request scope")) return "zh";
    throw e;
  }
}

export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}

/** What the browser gets to translate with: the client sections of the one language it reads. */
export function clientMessages(locale: Locale): ClientMessages {
  const dict = DICTS[locale];
  return Object.fromEntries(CLIENT_SECTIONS.map((s) => [s, dict[s]])) as ClientMessages;
}
