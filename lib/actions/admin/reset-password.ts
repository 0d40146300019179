"use server";
import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { loadUserInScope } from "@/lib/admin/load";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { containsUsername } from "@/lib/auth/password-policy";
import { revokeUserSessions } from "@/lib/auth/session";
import { resetPasswordInput } from "@/lib/validation/admin";

/** Public endpoint: an admin sets a new password; every session of that user ends, and the user must change it at next sign-in. */
export const resetPassword = defineAction({
  name: "admin.resetPassword",
  permission: "user.manage",
  input: resetPasswordInput,
  success: "users.resetDone",
  async run({ actor, db, input }) {
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
      await writeAudit(tx, actor, {
        action: "user.resetPassword",
        objectType: "user",
        objectId: user.id,
        after: { sessionsEnded: ended },
      });
    });
    return null;
  },
});
