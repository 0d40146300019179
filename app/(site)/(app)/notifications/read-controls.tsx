"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/actions/notify/mark-read";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";

/** A notification's link: following it marks the notification read, then opens its page. */
export function NotificationLink({ id, href, unread, children }: { id: number; href: string; unread: boolean; children: React.ReactNode }) {
  const router = useRouter();
  const [, start] = useTransition();
  return (
    <Link
      href={href}
      className={`${cls.link} ${unread ? "font-semibold" : ""}`}
      onClick={(e) => {
        if (!unread || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        start(async () => {
          await markNotificationsRead({ ids: [id] });
          router.push(href);
        });
      }}
    >
      {children}
    </Link>
  );
}

/** "标为已读" for one notification. */
export function MarkReadButton({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={cls.small}
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await markNotificationsRead({ ids: [id] });
          if (r.ok) router.refresh();
        })
      }
    >
      {t("notify.markRead")}
    </button>
  );
}

/** "全部标为已读": all up to the newest the page showed (`upToId`), so one that just arrived stays unread. */
export function MarkAllReadButton({ upToId }: { upToId: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={cls.button}
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await markAllNotificationsRead({ upToId });
          if (r.ok) router.refresh();
        })
      }
    >
      {t("notify.markAllRead")}
    </button>
  );
}
