"use server";
import { sql } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import { loadOrgInScope } from "@/lib/admin/load";
import { defineAction } from "@/lib/actions/define";
import { writeAudit } from "@/lib/audit";
import { ActionError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { containsUsername } from "@/lib/auth/password-policy";
import { roleFitsOrg } from "@/lib/auth/roles";
import { isUniqueViolation } from "@/lib/db-errors";
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
  async run({ actor, db, input }) {
    const { org } = await loadOrgInScope(db, actor, "user.manage", input.orgId);
    if (input.roles.some((r) => !roleFitsOrg(r, org.kind))) throw new ActionError("invalid_input", { roles: "errors.roleOrgKind" });
    if (containsUsername(input.password, input.username)) throw new ActionError("invalid_input", { password: "errors.passwordHasUsername" });
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.transaction(async (tx) => {
        const taken = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
        if (taken.length) throw new ActionError("invalid_input", { username: "errors.duplicateUsername" });
        const [user] = await tx
          .insert(users)
          .values({ username: input.username, displayName: input.displayName, orgId: org.id, phone: input.phone, passwordHash, mustChangePassword: true })
          .returning({ id: users.id });
        await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: user.id, role, orgId: org.id })));
        await writeAudit(tx, actor, {
          action: "user.create",
          objectType: "user",
          objectId: user.id,
          after: { username: input.username, displayName: input.displayName, orgId: org.id, roles: input.roles },
        });
        return { id: user.id };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ActionError("invalid_input", { username: "errors.duplicateUsername" });
      throw e;
    }
  },
});
