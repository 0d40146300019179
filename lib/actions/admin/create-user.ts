"use server";
import { defineAction } from "@/lib/actions/define";
import { createUser as create } from "@/lib/admin/users";
import { createUserInput } from "@/lib/validation/admin";

/**
 * Public endpoint: a finance admin creates an account in an organisation of its region. The
 * admin chose the password, so the new user must change it at first sign-in.
 */
export const createUser = defineAction({
  name: "admin.createUser",
  permission: "user.manage",
  input: createUserInput,
  success: "users.created",
  run: ({ actor, db, input }) => create(db, actor, input),
});
