import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/current-user";
import { clientMessages, getLocale, getT } from "@/lib/i18n/server";
import { NAV_GROUP_MIN_ITEMS, navFor } from "@/lib/nav";
import { I18nProvider } from "@/app/_components/i18n";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { NavLinks } from "@/app/_components/nav-links";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getDb } from "@/lib/db";
import { navCount } from "@/lib/inbox/nav-counts";
import { countTasks } from "@/lib/inbox/tasks";
import { NotificationBell } from "./notifications/bell";

/** The signed-in shell: top bar with the user, and the navigation the user's roles allow. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page checks for itself (requireActor), and sends a user who must change their
  // password to /account; the shell only leaves out the navigation for them.
  const actor = await requireActor(undefined, { passwordChange: true });
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const items = actor.mustChangePassword ? [] : navFor(actor.roles);
  const grouped = items.length >= NAV_GROUP_MIN_ITEMS;
  const counts = items.length ? await countTasks(db, actor) : null; // one query: every task kind's capped count
  const nav = items.map((item) => ({ href: item.href, label: t(item.labelKey), group: grouped && item.group ? t(`nav.group.${item.group}`) : undefined, count: navCount(item.href, counts) }));
  const roleNames = actor.roles.map((r) => t(`role.${r}`));

  return (
    <I18nProvider locale={locale} messages={clientMessages(locale)}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-1">
        {t("nav.skip")}
      </a>
      <header className="sticky top-0 z-30 bg-accent text-white shadow">
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-1 px-5 py-2.5">
          <div className="flex items-baseline gap-3">
            <span className={`text-lg font-bold ${locale === "zh" ? "tracking-[0.15em]" : ""}`}>{t("app.name")}</span>
            <span className="hidden text-xs text-white/75 md:inline">{actor.regionName}</span>
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px]">
            <span className="flex items-center gap-2" aria-label={t("nav.signedInAs")}>
              <span className="font-semibold" data-testid="actor-name">
                {actor.displayName}
              </span>
              <span className="text-white/80">{actor.orgName}</span>
              {roleNames.map((r) => (
                <span key={r} className="rounded-sm border border-white/40 px-1.5 text-xs text-white/90">
                  {r}
                </span>
              ))}
            </span>
            <span className="h-4 w-px bg-white/30" aria-hidden="true" />
            {!actor.mustChangePassword && <NotificationBell db={db} actor={actor} t={t} />}
            <LanguageSwitch current={locale} label={t("nav.language")} className="text-white/90 underline-offset-4 hover:underline" />
            <SignOutButton
              label={t("nav.signOut")}
              className="rounded-sm border border-white/50 px-2.5 py-0.5 text-white hover:bg-white/10 disabled:opacity-60"
            />
          </div>
        </div>
      </header>
      <div className="flex min-h-[calc(100vh-48px)]">
        <nav aria-label={t("nav.primary")} className="w-48 shrink-0 border-r border-slate-300 bg-white py-4">
          <NavLinks items={nav} />
        </nav>
        <main id="main" className="min-w-0 flex-1 px-6 py-5 lg:px-8">
          {children}
        </main>
      </div>
    </I18nProvider>
  );
}
