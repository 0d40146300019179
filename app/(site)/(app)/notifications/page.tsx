import Link from "next/link";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { latestNotifications, listNotifications } from "@/lib/notify/queries";
import { pageTitle } from "@/lib/page-title";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { MarkAllReadButton, MarkReadButton, NotificationLink } from "./read-controls";

export const generateMetadata = pageTitle("notify.title");

const TONE = { returned: "red", approved: "green", warned: "red", due_soon: "amber", overdue: "red" } as const;
const PAGE_SIZE = 20;

/** The signed-in user's notifications, newest first: what happened, to which object, a link to it, and read marks. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string; unread?: string }> }) {
  const actor = await requireActor("inbox.view");
  const sp = await searchParams;
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const unreadOnly = sp.unread === "1";
  const requested = Math.min(Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1), 100_000);
  const [{ rows, total, page }, [newest]] = await Promise.all([
    listNotifications(db, actor.userId, { page: requested, pageSize: PAGE_SIZE, unread: unreadOnly }),
    latestNotifications(db, actor.userId, 1),
  ]);
  const pages = Math.max(1, Math.ceil(total.total / PAGE_SIZE));
  const q = (p: number) => `/notifications?page=${p}${unreadOnly ? "&unread=1" : ""}`;

  return (
    <>
      <PageHeader title={t("notify.title")} subtitle={t("notify.subtitle")}>
        <div className="flex items-center gap-2">
          <Link href={unreadOnly ? "/notifications" : "/notifications?unread=1"} className={cls.button}>
            {unreadOnly ? t("common.all") : t("notify.unread")}
          </Link>
          {newest && <MarkAllReadButton upToId={newest.id} />}
        </div>
      </PageHeader>
      <Card>
        {rows.length === 0 ? (
          <p className="py-6 text-center text-slate-500">{t("notify.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t("notify.title")}>
            {rows.map((n) => {
              const unread = n.readAt === null;
              return (
                <li key={n.id} data-testid="notification" data-unread={unread ? "1" : "0"} className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${unread ? "bg-amber-50/50" : ""}`}>
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <Badge tone={TONE[n.kind]}>{t(`notify.kind.${n.kind}`)}</Badge>
                      <NotificationLink id={n.id} href={n.href} unread={unread}>
                        {t(`notify.source.${n.kind}`, { title: n.title, date: n.dueDate ? formatDate(n.dueDate, locale) : "" })}
                      </NotificationLink>
                      {unread && <span className="sr-only">{t("notify.unread")}</span>}
                    </p>
                    {n.note && <p className="mt-1 text-slate-700">{n.note}</p>}
                    <p className="mt-0.5 text-xs text-slate-500">
                      {formatDateTime(n.createdAt)}
                      {n.actorName && ` · ${t("notify.by", { name: n.actorName })}`}
                    </p>
                  </div>
                  {unread && <MarkReadButton id={n.id} />}
                </li>
              );
            })}
          </ul>
        )}
        {pages > 1 && (
          <nav className="flex items-center justify-between border-t border-slate-200 px-4 py-2 text-sm" aria-label={t("notify.title")}>
            {page > 1 ? <Link href={q(page - 1)} className={cls.link}>{t("common.prev")}</Link> : <span />}
            <span className="text-slate-500">
              {page} / {pages}
              {total.capped ? "+" : ""}
            </span>
            {page < pages ? <Link href={q(page + 1)} className={cls.link}>{t("common.next")}</Link> : <span />}
          </nav>
        )}
      </Card>
    </>
  );
}
