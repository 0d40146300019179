import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { getDummyHash, verifyPassword } from "./password";
import { AUTH_POLICY } from "./policy";
import { admitSuccess, pairLock, recordFailure, sourceOf } from "./throttle";

export type SignInFailure = "invalid" | "locked" | "disabled";
export type SignInResult = { ok: true; userId: number; sessionId: string } | { ok: false; code: SignInFailure };

export interface SignInInput {
  username: string;
  password: string;
  /** The client's address as lib/auth/client-ip.ts decides it; null when not known. */
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Checks a user name and password and, on success, opens a server-side session.
 * Unknown user names and wrong passwords fail identically (same message, same timing, same
 * counters), so a caller learns nothing about which accounts exist. Failures are throttled per
 * (user name, client address) with growing locks, plus a per-name budget that never locks the
 * name itself (lib/auth/throttle.ts): an attacker at one address cannot lock the user out at
 * theirs. The lock is checked again inside the transaction that opens the session, so attempts
 * racing in parallel cannot sign in once the pair is locked. Every outcome is audited.
 */
export async function authenticate(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const name = input.username.trim().toLowerCase().slice(0, 50);
  const ip = input.ip?.slice(0, 64) ?? null;
  const source = sourceOf(ip);
  const anonymous = { userId: null, username: name, ip };

  if (await pairLock(db, name, source, now)) {
    await writeAudit(db, anonymous, { action: "auth.signin.locked", objectType: "account", objectId: name });
    return { ok: false, code: "locked" };
  }

  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = ${name}`);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await getDummyHash(), input.password), false);

  if (!passwordOk) {
    return db.transaction(async (tx) => {
      const counted = await recordFailure(tx, name, source, now);
      const locked = counted.lockedUntil !== null;
      await writeAudit(tx, user ? { ...anonymous, userId: user.id, orgId: user.orgId } : anonymous, {
        action: "auth.signin.failed",
        objectType: "account",
        objectId: name,
        after: {
          reason: user ? "wrong_password" : "unknown_account",
          failedCount: counted.failedCount,
          nameFailures: counted.nameCount,
          locked,
          lockedUntil: counted.lockedUntil?.toISOString() ?? null,
        },
      });
      return { ok: false as const, code: locked ? ("locked" as const) : ("invalid" as const) };
    });
  }

  if (!user.active) {
    await writeAudit(db, { ...anonymous, userId: user.id, orgId: user.orgId }, {
      action: "auth.signin.refused",
      objectType: "account",
      objectId: name,
      after: { reason: "disabled" },
    });
    return { ok: false, code: "disabled" };
  }

  return db.transaction(async (tx) => {
    const admitted = await admitSuccess(tx, name, source, now);
    if (!admitted.ok) {
      // Failures that finished while this password was being checked locked the pair.
      await writeAudit(tx, { ...anonymous, userId: user.id, orgId: user.orgId }, {
        action: "auth.signin.locked",
        objectType: "account",
        objectId: name,
        after: { lockedUntil: admitted.lockedUntil.toISOString() },
      });
      return { ok: false as const, code: "locked" as const };
    }
    const [session] = await tx
      .insert(authSessions)
      .values({
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + AUTH_POLICY.absoluteHours * 3_600_000),
        ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: authSessions.id });
    await writeAudit(tx, { userId: user.id, username: user.username, orgId: user.orgId, ip }, {
      action: "auth.signin",
      objectType: "session",
      objectId: session.id,
    });
    return { ok: true as const, userId: user.id, sessionId: session.id };
  });
}
