"use server";
import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { loadUserInScope } from "@/lib/admin/load";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { revokeUserSessions } from "@/lib/auth/session";
import { setUserActiveInput } from "@/lib/validation/admin";

/** Public endpoint: enable or disable an account. Disabling ends its sessions at once. */
export const setUserActive = defineAction({
  name: "admin.setUserActive",
  permission: "user.manage",
  input: setUserActiveInput,
  async run({ actor, db, input, t }) {
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
    return { message: t(input.active ? "users.enabledDone" : "users.disabledDone") };
  },
});
