"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translator, type Locale, type Translate } from "@/lib/i18n";

const LocaleContext = createContext<Locale>("zh");

/** Gives client components below it the visitor's language (read from the cookie on the server). */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useContext(LocaleContext);
  return useMemo(() => translator(locale), [locale]);
}
