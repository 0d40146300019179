"use server";
import { defineAction } from "@/lib/actions/define";
import { createOrg as create } from "@/lib/admin/orgs";
import { createOrgInput } from "@/lib/validation/admin";

/** Public endpoint: a finance admin adds an organisation in its region (a unit under a department). */
export const createOrg = defineAction({
  name: "admin.createOrg",
  permission: "org.manage",
  input: createOrgInput,
  success: "orgs.created",
  run: ({ actor, db, input }) => create(db, actor, input),
});
