import { and, count, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import { bounded, clampPage, type BoundedTotal } from "@/lib/paging";

/** The bell's figure: the user's unread notifications, counted along (user_id, read_at, created_at), capped at 99 shown as "99+". */
export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).limit(100).as("unread"));
  return Number(row?.n ?? 0);
}

export type NotificationRow = typeof notifications.$inferSelect;

/** The user's notifications, newest first, one page at a time (`unread` keeps the unread ones only). */
export async function listNotifications(
  db: DbOrTx,
  userId: number,
  opts: { page?: number; pageSize?: number; unread?: boolean } = {},
): Promise<{ rows: NotificationRow[]; total: BoundedTotal; page: number }> {
  const pageSize = opts.pageSize ?? 20;
  const where = and(eq(notifications.userId, userId), opts.unread ? isNull(notifications.readAt) : undefined);
  const [{ n }] = await db.select({ n: count() }).from(notifications).where(where);
  const total = bounded(Number(n));
  const page = clampPage(Math.max(1, opts.page ?? 1), pageSize, total.total);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total, page };
}

/** The newest few for the bell's menu. */
export function latestNotifications(db: DbOrTx, userId: number, limit = 6) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
}

/**
 * Marks the user's notifications read: the given ones, or all of them up to `upToId` (the
 * newest the page showed; ids only grow, so one that arrived since stays unread). Only the user's own rows
 * are touched. Returns how many changed.
 */
export async function markRead(db: DbOrTx, userId: number, target: { ids: number[] } | { upToId: number }): Promise<number> {
  const which =
    "ids" in target
      ? target.ids.length
        ? inArray(notifications.id, target.ids)
        : sql`false`
      : lte(notifications.id, target.upToId);
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), which))
    .returning({ id: notifications.id });
  return rows.length;
}
