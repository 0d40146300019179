"use server";
import { defineAction } from "@/lib/actions/define";
import { changeOwnPassword } from "@/lib/auth/change-password";
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
    await changeOwnPassword(db, actor, input);
    return null;
  },
});
