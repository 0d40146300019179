"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { makeTranslator, type ClientMessages, type Locale, type Translate } from "@/lib/i18n/core";

const I18nContext = createContext<{ locale: Locale; messages: ClientMessages } | null>(null);

/**
 * Gives client components below it the visitor's language (read from the cookie on the server)
 * and that language's messages (lib/i18n/server.ts clientMessages): the dictionaries themselves
 * never reach the browser's JavaScript, and the other language not at all.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: ClientMessages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(I18nContext)?.locale ?? "zh";
}

const NO_MESSAGES = {} as ClientMessages;

export function useT(): Translate {
  const ctx = useContext(I18nContext);
  const locale = ctx?.locale ?? "zh";
  const messages = ctx?.messages ?? NO_MESSAGES;
  return useMemo(() => makeTranslator(messages, locale), [messages, locale]);
}
