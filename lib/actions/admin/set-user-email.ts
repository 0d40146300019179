"use server";
import { defineAction } from "@/lib/actions/define";
import { setUserEmail as setEmail } from "@/lib/admin/users";
import { setUserEmailInput } from "@/lib/validation/admin";

/** Public endpoint: a finance admin sets (or clears) the notification e-mail of a user in its region. */
export const setUserEmail = defineAction({
  name: "admin.setUserEmail",
  permission: "user.manage",
  input: setUserEmailInput,
  success: "notify.emailSaved",
  async run({ actor, db, input }) {
    await setEmail(db, actor, input);
    return null;
  },
});
