import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { ActionError } from "@/lib/errors";
import type { changePasswordInput } from "@/lib/validation/admin";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { containsUsername } from "./password-policy";
import { revokeUserSessions } from "./session";

/**
 * One's own new password, after the current one: not containing the user name, not the same as
 * before. Every session of the user ends, this one included; the must-change mark is cleared.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: z.output<typeof changePasswordInput>): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ActionError("invalid_input", { currentPassword: "errors.wrongPassword" });
  }
  if (containsUsername(input.newPassword, user.username)) throw new ActionError("invalid_input", { newPassword: "errors.passwordHasUsername" });
  if (await verifyPassword(user.passwordHash, input.newPassword)) throw new ActionError("invalid_input", { newPassword: "errors.passwordUnchanged" });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, version: user.version + 1 }).where(eq(users.id, user.id));
    const ended = await revokeUserSessions(tx, user.id, "password_changed");
    await writeAudit(tx, actor, { action: "account.changePassword", objectType: "user", objectId: user.id, after: { sessionsEnded: ended, wasRequired: user.mustChangePassword } });
  });
}
