import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";

/** `export const generateMetadata = pageTitle("users.title")` — the tab title in the visitor's language. */
export function pageTitle(key: MessageKey) {
  return async function generateMetadata(): Promise<Metadata> {
    return { title: (await getT())(key) };
  };
}
