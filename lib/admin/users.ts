import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { containsUsername } from "@/lib/auth/password-policy";
import { roleFitsOrg } from "@/lib/auth/roles";
import { revokeUserSessions } from "@/lib/auth/session";
import { isUniqueViolation } from "@/lib/db-errors";
import { ActionError } from "@/lib/errors";
import type { createUserInput, resetPasswordInput, setUserActiveInput, setUserEmailInput, setUserRolesInput } from "@/lib/validation/admin";
import { loadOrgInScope, loadUserInScope } from "./load";

/**
 * Account administration (lib/actions/admin/* declare the actions): each loads its user or
 * organisation scoped to the admin (lib/admin/load.ts), writes on the expected version, and
 * audits in the same transaction.
 */

/** A new account in an organisation of the admin's region; the admin chose the password, so it must be changed at first sign-in. */
export async function createUser(db: Db, actor: Actor, input: z.output<typeof createUserInput>) {
  const { org } = await loadOrgInScope(db, actor, "user.manage", input.orgId);
  if (input.roles.some((r) => !roleFitsOrg(r, org.kind))) throw new ActionError("invalid_input", { roles: "errors.roleOrgKind" });
  if (containsUsername(input.password, input.username)) throw new ActionError("invalid_input", { password: "errors.passwordHasUsername" });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const taken = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
      if (taken.length) throw new ActionError("invalid_input", { username: "errors.duplicateUsername" });
      const [user] = await tx
        .insert(users)
        .values({ username: input.username, displayName: input.displayName, orgId: org.id, phone: input.phone, email: input.email, passwordHash, mustChangePassword: true })
        .returning({ id: users.id });
      await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: user.id, role, orgId: org.id })));
      await writeAudit(tx, actor, {
        action: "user.create",
        objectType: "user",
        objectId: user.id,
        after: { username: input.username, displayName: input.displayName, orgId: org.id, roles: input.roles, email: input.email },
      });
      return { id: user.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("invalid_input", { username: "errors.duplicateUsername" });
    throw e;
  }
}

/** A new password set by the admin: every session of that user ends, and the user must change it at next sign-in. */
export async function resetUserPassword(db: Db, actor: Actor, input: z.output<typeof resetPasswordInput>): Promise<void> {
  const { user } = await loadUserInScope(db, actor, "user.manage", input.userId);
  if (containsUsername(input.password, user.username)) throw new ActionError("invalid_input", { password: "errors.passwordHasUsername" });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: true, version: input.version + 1 })
      .where(and(eq(users.id, user.id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!row) throw new ActionError("conflict");
    const ended = await revokeUserSessions(tx, user.id, "password_reset");
    await writeAudit(tx, actor, { action: "user.resetPassword", objectType: "user", objectId: user.id, after: { sessionsEnded: ended } });
  });
}

/** Enables or disables an account (never one's own); disabling ends its sessions at once. */
export async function setUserActive(db: Db, actor: Actor, input: z.output<typeof setUserActiveInput>): Promise<void> {
  const { user } = await loadUserInScope(db, actor, "user.manage", input.userId);
  if (user.id === actor.userId && !input.active) throw new ActionError("invalid_input", { _form: "errors.cannotDisableSelf" });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ active: input.active, version: input.version + 1 })
      .where(and(eq(users.id, user.id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!row) throw new ActionError("conflict");
    const ended = input.active ? 0 : await revokeUserSessions(tx, user.id, "disabled");
    await writeAudit(tx, actor, {
      action: input.active ? "user.enable" : "user.disable",
      objectType: "user",
      objectId: user.id,
      before: { active: user.active },
      after: { active: input.active, sessionsEnded: ended },
    });
  });
}

/** Replaces a user's roles; each must fit the kind of the user's organisation. */
export async function setUserRoles(db: Db, actor: Actor, input: z.output<typeof setUserRolesInput>): Promise<void> {
  const { user, org } = await loadUserInScope(db, actor, "user.manage", input.userId);
  const roles = [...new Set(input.roles)];
  if (roles.some((r) => !roleFitsOrg(r, org.kind))) throw new ActionError("invalid_input", { roles: "errors.roleOrgKind" });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ version: input.version + 1 })
      .where(and(eq(users.id, user.id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!row) throw new ActionError("conflict");
    const before = await tx.delete(userRoles).where(eq(userRoles.userId, user.id)).returning({ role: userRoles.role });
    await tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role, orgId: org.id })));
    await writeAudit(tx, actor, { action: "user.setRoles", objectType: "user", objectId: user.id, before: { roles: before.map((r) => r.role) }, after: { roles } });
  });
}

/** Sets or clears (null) the notification e-mail of a user in the admin's region, on the expected version. */
export async function setUserEmail(db: Db, actor: Actor, input: z.output<typeof setUserEmailInput>): Promise<void> {
  const { user } = await loadUserInScope(db, actor, "user.manage", input.userId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ email: input.email, version: input.version + 1 })
      .where(and(eq(users.id, user.id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!row) throw new ActionError("conflict");
    await writeAudit(tx, actor, { action: "user.setEmail", objectType: "user", objectId: user.id, before: { email: user.email }, after: { email: input.email } });
  });
}
