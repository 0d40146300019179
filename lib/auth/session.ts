import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { authSessions, orgs, regions, userRoles, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Role } from "@/db/schema/enums";
import type { Actor } from "./actor";
import { AUTH_POLICY } from "./policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SessionEnd = "missing" | "revoked" | "expired" | "idle" | "disabled" | "password_changed";
export type SessionCheck = { ok: true; actor: Actor } | { ok: false; reason: SessionEnd };

/**
 * Validates a session id from the (signed, encrypted) next-auth token against the
 * auth_sessions table and loads the actor afresh. Runs on every request that needs a user.
 */
export async function checkSession(db: Db, sessionId: string | undefined | null, now = new Date()): Promise<SessionCheck> {
  if (!sessionId || !UUID.test(sessionId)) return { ok: false, reason: "missing" };
  const [row] = await db
    .select({
      session: authSessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        active: users.active,
        passwordChangedAt: users.passwordChangedAt,
        mustChangePassword: users.mustChangePassword,
      },
      org: { id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path },
      region: { id: regions.id, name: regions.name, path: regions.path },
      // The roles in the same round trip: this runs on every signed-in request.
      roles: sql<Role[]>`coalesce((select array_agg(${userRoles.role}::text order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(authSessions.id, sessionId));
  if (!row) return { ok: false, reason: "missing" };
  const { session, user } = row;
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  if (!user.active) return { ok: false, reason: "disabled" };
  if (user.passwordChangedAt > session.createdAt) return { ok: false, reason: "password_changed" };
  if (now >= session.expiresAt) return { ok: false, reason: "expired" };
  if (now.getTime() - session.lastSeenAt.getTime() >= AUTH_POLICY.idleMinutes * 60_000) {
    return { ok: false, reason: "idle" };
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= AUTH_POLICY.touchSeconds * 1000) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, session.id));
  }
  return {
    ok: true,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: row.org.id,
      orgName: row.org.name,
      orgKind: row.org.kind,
      orgPath: row.org.path,
      regionId: row.region.id,
      regionName: row.region.name,
      regionPath: row.region.path,
      roles: row.roles,
      sessionId: session.id,
      ip: session.ip,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

/** Ends one session (sign-out); the audit row names the user, their organisation and the client's address. */
export async function revokeSession(db: Db, sessionId: string, reason: string, ip: string | null = null): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await db.transaction(async (tx) => {
    const [s] = await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
      .returning({ userId: authSessions.userId });
    if (!s) return;
    const [user] = await tx.select({ username: users.username, orgId: users.orgId }).from(users).where(eq(users.id, s.userId));
    await writeAudit(tx, { userId: s.userId, username: user?.username ?? null, orgId: user?.orgId ?? null, ip }, {
      action: "auth.signout",
      objectType: "session",
      objectId: sessionId,
    });
  });
}

/** Ends every open session of a user: account disabled, password changed or reset. */
export async function revokeUserSessions(tx: DbOrTx, userId: number, reason: string): Promise<number> {
  const ended = await tx
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return ended.length;
}
