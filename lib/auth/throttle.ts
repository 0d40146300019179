import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { loginThrottle } from "@/db/schema";
import { AUTH_POLICY } from "./policy";

/** The per-name budget's row, and the bucket of sign-ins whose client address is not known. */
export const NAME_SOURCE = "*";
export const UNKNOWN_SOURCE = "?";

/** Where a sign-in comes from, as the throttle counts it. */
export function sourceOf(ip: string | null | undefined): string {
  return ip ? ip.slice(0, 64) : UNKNOWN_SOURCE;
}

/** The lock on a (name, source) pair, if one is in force at `now`. */
export async function pairLock(db: DbOrTx, name: string, source: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.username, name), eq(loginThrottle.source, source)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export interface FailureCount {
  /** Failures of this (name, source) pair, this one included. */
  failedCount: number;
  /** Failures of the name from every source within the name window. */
  nameCount: number;
  /** The pair's lock after this failure (set once: a lock in force is never moved), or null. */
  lockedUntil: Date | null;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Counts a failed sign-in, in the caller's transaction. The name's budget first, then the pair,
 * whose lock is decided in the same single statement that counts: a lock in force stays as it
 * is; otherwise reaching the allowance locks for firstLockMinutes × 2^(failures over the
 * allowance), at most lockMinutes. Concurrent failures queue on the row, so none is lost and
 * none can clear another's lock.
 */
export async function recordFailure(tx: Tx, name: string, source: string, now: Date): Promise<FailureCount> {
  const nameWindowStart = new Date(now.getTime() - AUTH_POLICY.nameWindowMinutes * 60_000);
  const [nameRow] = await tx
    .insert(loginThrottle)
    .values({ username: name, source: NAME_SOURCE, failedCount: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: [loginThrottle.username, loginThrottle.source],
      set: {
        failedCount: sql`case when ${loginThrottle.lastFailedAt} is null or ${loginThrottle.lastFailedAt} <= ${ts(nameWindowStart)} then 1 else ${loginThrottle.failedCount} + 1 end`,
        lastFailedAt: now,
      },
    })
    .returning({ failedCount: loginThrottle.failedCount });

  // Once the name's budget is spent, each address gets one free failure instead of maxFailures.
  const allowance = nameRow.failedCount > AUTH_POLICY.nameBudget ? 1 : AUTH_POLICY.maxFailures;
  const pairWindowStart = new Date(now.getTime() - AUTH_POLICY.pairWindowHours * 3_600_000);
  const count = sql`(case when ${loginThrottle.lastFailedAt} is null or ${loginThrottle.lastFailedAt} <= ${ts(pairWindowStart)} then 1 else ${loginThrottle.failedCount} + 1 end)`;
  const firstLock = allowance <= 1 ? new Date(now.getTime() + AUTH_POLICY.firstLockMinutes * 60_000) : null;
  const [pair] = await tx
    .insert(loginThrottle)
    .values({ username: name, source, failedCount: 1, lastFailedAt: now, lockedUntil: firstLock })
    .onConflictDoUpdate({
      target: [loginThrottle.username, loginThrottle.source],
      set: {
        failedCount: count,
        lastFailedAt: now,
        lockedUntil: sql`case
          when ${loginThrottle.lockedUntil} > ${ts(now)} then ${loginThrottle.lockedUntil}
          when ${count} >= ${allowance} then ${ts(now)} + make_interval(mins => least(${AUTH_POLICY.lockMinutes}, ${AUTH_POLICY.firstLockMinutes} * power(2, least(${count} - ${allowance}, 16)))::int)
          else null end`,
      },
    })
    .returning({ failedCount: loginThrottle.failedCount, lockedUntil: loginThrottle.lockedUntil });
  return { failedCount: pair.failedCount, nameCount: nameRow.failedCount, lockedUntil: pair.lockedUntil && pair.lockedUntil > now ? pair.lockedUntil : null };
}

/**
 * The success path's check, in the transaction that opens the session: takes the pair's row
 * (creating it if need be, so a failure racing this one waits for it) and refuses if a lock is
 * in force now — a lock set by failures that finished while this password was being checked.
 * Allowed, the pair's counter is cleared; the name's budget is not (it counts every address).
 */
export async function admitSuccess(tx: Tx, name: string, source: string, now: Date): Promise<{ ok: true } | { ok: false; lockedUntil: Date }> {
  const [row] = await tx
    .insert(loginThrottle)
    .values({ username: name, source, failedCount: 0 })
    .onConflictDoUpdate({ target: [loginThrottle.username, loginThrottle.source], set: { failedCount: sql`${loginThrottle.failedCount}` } })
    .returning({ lockedUntil: loginThrottle.lockedUntil });
  if (row.lockedUntil && row.lockedUntil > now) return { ok: false, lockedUntil: row.lockedUntil };
  await tx.delete(loginThrottle).where(and(eq(loginThrottle.username, name), eq(loginThrottle.source, source)));
  return { ok: true };
}
