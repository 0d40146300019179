import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** What a notification says happened (lib/notify): the bell's kinds. */
export const NOTIFICATION_KINDS = ["returned", "approved", "warned", "due_soon", "overdue"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * An in-app notification (站内通知) for one user. Event notifications are written in the
 * transaction of the event (lib/notify/events.ts, called from writeAudit); deadline reminders
 * ("due in 3 days", "overdue") are written idempotently when the user's pages load, one per
 * (user, task, deadline, kind) by `dedupeKey`.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 20 }).$type<NotificationKind>().notNull(),
    /** The audit action or task kind behind it ("objective.finance_return", "task.monitoringToFill"). */
    source: varchar("source", { length: 60 }).notNull(),
    /** The object's name as the user knows it (the objective's title), and where it is dealt with. */
    title: text("title").notNull(),
    href: varchar("href", { length: 300 }).notNull(),
    /** The reason given (a return's), or the deadline for reminders. */
    note: text("note"),
    dueDate: date("due_date"),
    actorName: varchar("actor_name", { length: 50 }),
    dedupeKey: varchar("dedupe_key", { length: 120 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // The bell: a user's unread ones, newest first.
    index("notifications_user_read_idx").on(t.userId, t.readAt, t.createdAt),
    uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

/**
 * E-mails waiting to go out (only when SMTP_URL is configured): written in the event's
 * transaction, so a rolled-back event sends nothing; lib/notify/mailer.ts delivers them after
 * the commit and marks them sent.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: serial("id").primaryKey(),
    notificationId: integer("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    toAddress: varchar("to_address", { length: 254 }).notNull(),
    subject: varchar("subject", { length: 300 }).notNull(),
    body: text("body").notNull(),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When a delivery run took the row to send it; another run leaves it alone until the lease ends (lib/notify/mailer.ts). */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_outbox_pending_idx").on(t.sentAt, t.id)],
);
