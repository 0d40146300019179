import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { deadlineTasks } from "@/lib/inbox/tasks";
import { userById } from "./recipients";
import { writeNotifications } from "./write";

/**
 * Deadline reminders ("due in 3 days", "overdue"), written idempotently: when the user's pages
 * load, each task of the current cycle whose deadline is within three days, or past, gets one
 * notification per (user, task, deadline, kind) — the dedupe key — so loading again writes
 * nothing, a moved deadline reminds again, and a task of a closed year never reminds.
 * Returns how many were new.
 */
export async function syncDeadlineReminders(db: DbOrTx, actor: Actor, now = new Date()): Promise<number> {
  const tasks = await deadlineTasks(db, actor, { now });
  if (!tasks.length) return 0;
  const me = await userById(db, actor.userId);
  if (!me.length) return 0;
  let made = 0;
  for (const t of tasks) {
    const kind = t.overdue ? "overdue" : "due_soon";
    // The reminder and its e-mail row commit together.
    made += await db.transaction((tx) =>
      writeNotifications(
        tx,
        me,
      { kind, source: `task.${t.kind}`, title: t.title, href: t.href, dueDate: t.due, note: null },
        `${kind}:${t.kind}:${t.id}:${t.due}`,
      ),
    );
  }
  return made;
}

const lastSync = new Map<number, number>();
/** The same, at most once per user every five minutes per server process (the layout calls it on every page). */
export async function syncDeadlineRemindersThrottled(db: DbOrTx, actor: Actor, now = new Date()): Promise<void> {
  const last = lastSync.get(actor.userId) ?? 0;
  if (now.getTime() - last < 5 * 60_000) return;
  lastSync.set(actor.userId, now.getTime());
  if (lastSync.size > 10_000) lastSync.clear();
  await syncDeadlineReminders(db, actor, now);
}
