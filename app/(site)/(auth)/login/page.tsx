import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/overview/landing";
import { readSessionId } from "@/lib/auth/session-token";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { LoginForm } from "./login-form";

export const generateMetadata = pageTitle("login.title");

export default async function LoginPage() {
  const signedIn = await getSessionActor();
  if (signedIn) redirect(landingPath(signedIn));
  // A session cookie without a valid session: it timed out, was revoked, or the password changed.
  const [t, locale, staleSession] = await Promise.all([getT(), getLocale(), readSessionId().then(Boolean)]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-accent text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-3">
          <span className={locale === "zh" ? "tracking-widest" : undefined}>{t("app.province")}</span>
          <LanguageSwitch current={locale} label={t("nav.language")} className="text-white/90 underline-offset-4 hover:underline" />
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-16 pb-10 sm:pt-24">
        <div className="w-full max-w-md">
          <div className="mb-6 text-center">
            <h1 className={`text-2xl font-bold text-slate-900 ${locale === "zh" ? "tracking-[0.2em]" : ""}`}>{t("app.name")}</h1>
            <p className="mt-2 text-slate-500">{t("login.subtitle")}</p>
          </div>
          <section aria-labelledby="login-title" className="rounded-sm border border-slate-300 border-t-4 border-t-accent bg-white px-8 py-7 shadow-sm">
            <h2 id="login-title" className="mb-5 text-center text-lg font-semibold text-slate-800">
              {t("login.title")}
            </h2>
            {staleSession && (
              <p role="status" className="mb-4 rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
                {t("login.expired")}
              </p>
            )}
            <LoginForm
              labels={{
                username: t("login.username"),
                password: t("login.password"),
                submit: t("login.submit"),
                submitting: t("login.submitting"),
              }}
              errors={{ invalid: t("login.invalid"), locked: t("login.locked"), disabled: t("login.disabled") }}
            />
            <p className="mt-5 border-t border-dashed border-slate-200 pt-4 text-xs text-slate-500">{t("login.demoHint")}</p>
          </section>
          <p className="mt-4 text-center text-xs text-slate-500">{t("login.publicNote")}</p>
        </div>
      </main>
    </div>
  );
}
