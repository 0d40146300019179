"use server";
import { defineAction } from "@/lib/actions/define";
import { setUserRoles as setRoles } from "@/lib/admin/users";
import { setUserRolesInput } from "@/lib/validation/admin";

/** Public endpoint: replace a user's roles (each must fit the kind of the user's organisation). */
export const setUserRoles = defineAction({
  name: "admin.setUserRoles",
  permission: "user.manage",
  input: setUserRolesInput,
  success: "users.rolesSaved",
  async run({ actor, db, input }) {
    await setRoles(db, actor, input);
    return null;
  },
});
