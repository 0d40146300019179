import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { mailEnabled } from "./write";

/** Gives up on a message after this many failed attempts (it stays in the outbox with its last error). */
export const MAX_ATTEMPTS = 5;
/** How long a run's claim on a row holds: a run that died mid-send frees its rows after this. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** The sender address: MAIL_FROM, or a no-reply address of the SMTP host. */
function fromAddress(url: URL): string {
  return process.env.MAIL_FROM?.trim() || `预算绩效管理系统 <no-reply@${url.hostname || "localhost"}>`;
}

/**
 * Sends the outbox's unsent e-mails through the SMTP server of SMTP_URL (smtp:// or smtps://,
 * user and password in the URL) and marks each sent; a failure is counted and retried on the
 * next run. Runs after the events' transactions committed (the rows are only visible then):
 * kicked by lib/actions/define.ts after a successful action, and every minute by the server
 * (instrumentation.ts). Without SMTP_URL it does nothing. Returns how many went out.
 */
export async function deliverOutbox(db: DbOrTx, opts: { limit?: number } = {}): Promise<number> {
  if (!mailEnabled()) return 0;
  const url = new URL(process.env.SMTP_URL!.trim());
  // Options in the URL's query are nodemailer's (smtp://host:25?ignoreTLS=true for a local relay).
  const transport = nodemailer.createTransport(url.toString());
  const free = () => or(isNull(emailOutbox.claimedAt), lt(emailOutbox.claimedAt, new Date(Date.now() - CLAIM_LEASE_MS)));
  const pending = await db
    .select()
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS), free()))
    .orderBy(asc(emailOutbox.id))
    .limit(opts.limit ?? 50);
  let sent = 0;
  try {
    for (const m of pending) {
      // Claim the row first (attempts + 1 and the claim's time, where still unsent, unclaimed and with
      // the attempts seen), so two runs — in this process or another — never send it twice, even
      // when one reads the outbox while the other is still sending.
      const [claimed] = await db
        .update(emailOutbox)
        .set({ attempts: sql`${emailOutbox.attempts} + 1`, claimedAt: new Date() })
        .where(and(eq(emailOutbox.id, m.id), isNull(emailOutbox.sentAt), eq(emailOutbox.attempts, m.attempts), free()))
        .returning({ id: emailOutbox.id });
      if (!claimed) continue;
      try {
        await transport.sendMail({ from: fromAddress(url), to: m.toAddress, subject: m.subject, text: m.body });
        await db.update(emailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, m.id));
        sent++;
      } catch (e) {
        await db
          .update(emailOutbox)
          .set({ lastError: String(e instanceof Error ? e.message : e).slice(0, 500), claimedAt: null })
          .where(eq(emailOutbox.id, m.id));
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}

let running: Promise<unknown> | null = null;
/** Starts a delivery in the background unless one is running (never throws; failures stay in the outbox). */
export function kickOutbox(db: DbOrTx): void {
  if (!mailEnabled() || running) return;
  running = deliverOutbox(db)
    .catch((e) => console.error("[mail] delivery failed:", e instanceof Error ? e.message : e))
    .finally(() => (running = null));
}
