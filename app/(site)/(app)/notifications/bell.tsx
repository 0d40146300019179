import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/db/client";
import type { Translate } from "@/lib/i18n";
import { unreadCount } from "@/lib/notify/queries";
import { syncDeadlineRemindersThrottled } from "@/lib/notify/reminders";

/**
 * The bell in the signed-in header: the number of unread notifications, linking to their list.
 * Loading it first writes any deadline reminder the user is owed (idempotent, at most every five
 * minutes per user), so "due in 3 days" and "overdue" arrive without a scheduler.
 */
export async function NotificationBell({ db, actor, t }: { db: DbOrTx; actor: Actor; t: Translate }) {
  await syncDeadlineRemindersThrottled(db, actor).catch((e) => console.error("[notify] reminders:", e instanceof Error ? e.message : e));
  const n = await unreadCount(db, actor.userId);
  const shown = n > 99 ? "99+" : String(n);
  return (
    <Link
      href="/notifications"
      data-testid="bell"
      aria-label={n > 0 ? t("notify.bellUnread", { n: shown }) : t("notify.bell")}
      className="relative inline-flex items-center rounded-sm px-1.5 py-0.5 text-white/90 hover:bg-white/10"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 10-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 01-3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {n > 0 && (
        <span data-testid="bell-count" className="absolute -right-1.5 -top-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[11px] font-bold leading-[1.1rem] text-white">
          {shown}
        </span>
      )}
    </Link>
  );
}
