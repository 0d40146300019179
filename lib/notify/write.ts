import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, notifications, type NotificationKind } from "@/db/schema";
import { notifyZh } from "@/lib/i18n/sections/notify.zh";
import type { Recipient } from "./recipients";

export interface NotificationPayload {
  kind: NotificationKind;
  /** The audit action or task kind behind it. */
  source: string;
  title: string;
  href: string;
  note?: string | null;
  dueDate?: string | null;
  actorName?: string | null;
}

/** Whether e-mail is configured: SMTP_URL set (smtp://user:pass@host:port). Without it no e-mail is queued or sent. */
export function mailEnabled(): boolean {
  return !!process.env.SMTP_URL?.trim();
}

/** The e-mail for a notification, in Chinese (the users' language): subject and plain-text body. */
export function emailFor(p: NotificationPayload, base = process.env.NEXTAUTH_URL ?? ""): { subject: string; body: string } {
  const kind = notifyZh.kind[p.kind];
  const subject = `【${notifyZh.mailPrefix}】${kind}：${p.title}`;
  const lines = [`${kind}：${p.title}`];
  if (p.note) lines.push(`${notifyZh.mailNote}${p.note}`);
  if (p.dueDate) lines.push(`${notifyZh.mailDue}${p.dueDate}`);
  lines.push(`${notifyZh.mailLink}${base.replace(/\/$/, "")}${p.href}`);
  return { subject, body: lines.join("\n") };
}

/**
 * Writes one notification per recipient (skipping any whose `dedupeKey` the user already has),
 * and when mail is enabled an outbox row per recipient with an address — in the caller's
 * transaction: a rolled-back event leaves neither. Returns how many were new.
 */
export async function writeNotifications(tx: DbOrTx, recipients: Recipient[], p: NotificationPayload, dedupeKey?: string): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  if (!unique.length) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      unique.map((r) => ({
        userId: r.id,
        kind: p.kind,
        source: p.source,
        title: p.title.slice(0, 500),
        href: p.href,
        note: p.note?.slice(0, 1000) ?? null,
        dueDate: p.dueDate ?? null,
        actorName: p.actorName?.slice(0, 50) ?? null,
        dedupeKey: dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey], where: sql`${notifications.dedupeKey} is not null` })
    .returning({ id: notifications.id, userId: notifications.userId });
  if (rows.length && mailEnabled()) {
    const mail = emailFor(p);
    const addressed = rows.flatMap((row) => {
      const to = unique.find((r) => r.id === row.userId)?.email?.trim();
      return to ? [{ notificationId: row.id, toAddress: to, subject: mail.subject.slice(0, 300), body: mail.body }] : [];
    });
    if (addressed.length) await tx.insert(emailOutbox).values(addressed);
  }
  return rows.length;
}
