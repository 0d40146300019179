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

/** A button that marks notifications read through `mark`, then shows the page again. */
function ReadButton({ mark, className, label }: { mark: () => Promise<{ ok: boolean }>; className: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await mark();
          if (r.ok) router.refresh();
        })
      }
    >
      {label}
    </button>
  );
}

/** "标为已读" for one notification. */
export function MarkReadButton({ id }: { id: number }) {
  const t = useT();
  return <ReadButton mark={() => markNotificationsRead({ ids: [id] })} className={cls.small} label={t("notify.markRead")} />;
}

/** "全部标为已读": all up to the newest the page showed (`upToId`), so one that just arrived stays unread. */
export function MarkAllReadButton({ upToId }: { upToId: number }) {
  const t = useT();
  return <ReadButton mark={() => markAllNotificationsRead({ upToId })} className={cls.button} label={t("notify.markAllRead")} />;
}
