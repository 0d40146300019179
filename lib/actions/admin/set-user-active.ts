"use server";
import { defineAction } from "@/lib/actions/define";
import { setUserActive as setActive } from "@/lib/admin/users";
import { setUserActiveInput } from "@/lib/validation/admin";

/** Public endpoint: enable or disable an account. Disabling ends its sessions at once. */
export const setUserActive = defineAction({
  name: "admin.setUserActive",
  permission: "user.manage",
  input: setUserActiveInput,
  async run({ actor, db, input, t }) {
    await setActive(db, actor, input);
    return { message: t(input.active ? "users.enabledDone" : "users.disabledDone") };
  },
});
