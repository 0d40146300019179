"use server";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { containsUsername } from "@/lib/auth/password-policy";
import { revokeUserSessions } from "@/lib/auth/session";
import { changePasswordInput } from "@/lib/validation/admin";

/**
 * Public endpoint: change one's own password; every session of the user ends, this one included.
 * The one action open to a user whose password an administrator chose (it clears that mark).
 */
export const changePassword = defineAction({
  name: "account.changePassword",
  permission: "account.edit",
  input: changePasswordInput,
  success: "account.changed",
  passwordChange: true,
  async run({ actor, db, input }) {
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new ActionError("invalid_input", { currentPassword: "errors.wrongPassword" });
    }
    if (containsUsername(input.newPassword, user.username)) throw new ActionError("invalid_input", { newPassword: "errors.passwordHasUsername" });
    if (await verifyPassword(user.passwordHash, input.newPassword)) throw new ActionError("invalid_input", { newPassword: "errors.passwordUnchanged" });
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, version: user.version + 1 })
        .where(eq(users.id, user.id));
      const ended = await revokeUserSessions(tx, user.id, "password_changed");
      await writeAudit(tx, actor, { action: "account.changePassword", objectType: "user", objectId: user.id, after: { sessionsEnded: ended, wasRequired: user.mustChangePassword } });
    });
    return null;
  },
});
