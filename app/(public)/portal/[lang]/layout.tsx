import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { portalLocale, portalT } from "@/lib/disclosure/portal-path";

type Props = { params: Promise<{ lang: string }> };

/** Nothing is built ahead: each page is rendered on its first request and then served from the cache. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = portalT((await params).lang);
  return { title: { default: t("disclosure.portal.name"), template: `%s · ${t("disclosure.portal.name")}` } };
}

/**
 * The public portal's document and shell: no sign-in, no JavaScript needed. Links and GET forms
 * only; the language switch is a link to a route that sets the cookie and comes back. The
 * language comes from the path proxy.ts rewrote the address to, so the page can be cached whole.
 */
export default async function PublicLayout({ children, params }: Props & { children: ReactNode }) {
  const locale = portalLocale((await params).lang);
  if (!locale) notFound();
  const t = portalT(locale);
  const other = locale === "zh" ? "en" : "zh";
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen antialiased">
        <div className="portal flex min-h-screen flex-col bg-white">
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-1 print-hide">
            {t("disclosure.portal.skip")}
          </a>
          <header className="border-b-4 border-accent bg-white print-hide">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-5 py-3">
              <div>
                <Link href="/portal" className={`text-xl font-bold text-accent ${locale === "zh" ? "tracking-[0.15em]" : ""}`}>
                  {t("disclosure.portal.name")}
                </Link>
                <p className="text-xs text-slate-600">{t("disclosure.portal.tagline")}</p>
              </div>
              <nav aria-label={t("disclosure.portal.nav")} className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
                <Link href="/portal" className="text-navy underline-offset-4 hover:underline">
                  {t("disclosure.portal.home")}
                </Link>
                <Link href="/portal/objectives" className="text-navy underline-offset-4 hover:underline">
                  {t("disclosure.portal.list")}
                </Link>
                <Link href="/portal/data" className="text-navy underline-offset-4 hover:underline">
                  {t("disclosure.portal.data")}
                </Link>
                <a
                  href={`/portal/language?to=${other}`}
                  lang={other === "zh" ? "zh-CN" : "en"}
                  aria-label={`${t("disclosure.portal.languageLabel")}: ${t("disclosure.portal.language")}`}
                  className="text-navy underline-offset-4 hover:underline"
                  data-testid="portal-language"
                >
                  {t("disclosure.portal.language")}
                </a>
                <Link href="/login" className="text-slate-700 underline-offset-4 hover:underline">
                  {t("disclosure.portal.signIn")}
                </Link>
              </nav>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-5 py-6">
            {children}
          </main>
          <footer className="border-t border-slate-300 bg-slate-50 print-hide">
            <p className="mx-auto max-w-6xl px-5 py-4 text-xs text-slate-700">{t("disclosure.portal.footer")}</p>
            <p className="mx-auto max-w-6xl px-5 pb-4 text-xs"><a href={`/portal/${locale}/api`} className="text-navy underline" data-testid="portal-api-link">{t("disclosure.portal.apiLink")}</a></p>
          </footer>
        </div>
      </body>
    </html>
  );
}
