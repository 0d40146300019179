"use server";
import { defineAction } from "@/lib/actions/define";
import { setOwnEmail } from "@/lib/auth/own-email";
import { setOwnEmailInput } from "@/lib/validation/admin";

/** Public endpoint: one's own notification e-mail address (empty: none), on the version the page read. */
export const setEmail = defineAction({
  name: "account.setEmail",
  permission: "account.edit",
  input: setOwnEmailInput,
  success: "notify.emailSaved",
  async run({ actor, db, input }) {
    await setOwnEmail(db, actor, input);
    return null;
  },
});
