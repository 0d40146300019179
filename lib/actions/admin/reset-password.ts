"use server";
import { defineAction } from "@/lib/actions/define";
import { resetUserPassword } from "@/lib/admin/users";
import { resetPasswordInput } from "@/lib/validation/admin";

/** Public endpoint: an admin sets a new password; every session of that user ends, and the user must change it at next sign-in. */
export const resetPassword = defineAction({
  name: "admin.resetPassword",
  permission: "user.manage",
  input: resetPasswordInput,
  success: "users.resetDone",
  async run({ actor, db, input }) {
    await resetUserPassword(db, actor, input);
    return null;
  },
});
