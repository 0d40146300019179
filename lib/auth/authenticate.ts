import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, loginThrottle, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { getDummyHash, verifyPassword } from "./password";
import { AUTH_POLICY } from "./policy";

export type SignInFailure = "invalid" | "locked" | "disabled";
export type SignInResult = { ok: true; userId: number; sessionId: string } | { ok: false; code: SignInFailure };

export interface SignInInput {
  username: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Checks a user name and password and, on success, opens a server-side session.
 * Unknown user names and wrong passwords fail identically (same message, same timing, same
 * lock-out counter), so a caller learns nothing about which accounts exist. Every outcome
 * is audited.
 */
export async function authenticate(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const name = input.username.trim().toLowerCase().slice(0, 50);
  const ip = input.ip?.slice(0, 64) ?? null;
  const anonymous = { userId: null, username: name, ip };

  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.username, name));
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await writeAudit(db, anonymous, { action: "auth.signin.locked", objectType: "account", objectId: name });
    return { ok: false, code: "locked" };
  }

  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = ${name}`);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await getDummyHash(), input.password), false);

  if (!passwordOk) {
    const lockAt = new Date(now.getTime() + AUTH_POLICY.lockMinutes * 60_000);
    return db.transaction(async (tx) => {
      // One statement, so concurrent failures cannot lose a count. An expired lock starts
      // the count afresh.
      const [row] = await tx
        .insert(loginThrottle)
        .values({ username: name, failedCount: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: loginThrottle.username,
          set: {
            failedCount: sql`case when ${loginThrottle.lockedUntil} is not null then 1 else ${loginThrottle.failedCount} + 1 end`,
            lockedUntil: sql`null`,
            lastFailedAt: now,
          },
        })
        .returning({ failedCount: loginThrottle.failedCount });
      const locked = row.failedCount >= AUTH_POLICY.maxFailures;
      if (locked) {
        await tx.update(loginThrottle).set({ lockedUntil: lockAt }).where(eq(loginThrottle.username, name));
      }
      await writeAudit(tx, user ? { ...anonymous, userId: user.id, orgId: user.orgId } : anonymous, {
        action: "auth.signin.failed",
        objectType: "account",
        objectId: name,
        after: { reason: user ? "wrong_password" : "unknown_account", failedCount: row.failedCount, locked },
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
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, name));
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

