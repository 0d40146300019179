"use server";
import { and, eq } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import { loadUserInScope } from "@/lib/admin/load";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { roleFitsOrg } from "@/lib/auth/roles";
import { setUserRolesInput } from "@/lib/validation/admin";

/** Public endpoint: replace a user's roles (each must fit the kind of the user's organisation). */
export const setUserRoles = defineAction({
  name: "admin.setUserRoles",
  permission: "user.manage",
  input: setUserRolesInput,
  success: "users.rolesSaved",
  async run({ actor, db, input }) {
    const { user, org } = await loadUserInScope(db, actor, "user.manage", input.userId);
    const roles = [...new Set(input.roles)];
    if (roles.some((r) => !roleFitsOrg(r, org.kind))) throw new ActionError("invalid_input", { roles: "errors.roleOrgKind" });
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ version: input.version + 1 })
        .where(and(eq(users.id, user.id), eq(users.version, input.version)))
        .returning({ id: users.id });
      if (!row) throw new ActionError("conflict");
      const before = await tx.delete(userRoles).where(eq(userRoles.userId, user.id)).returning({ role: userRoles.role });
      await tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role, orgId: org.id })));
      await writeAudit(tx, actor, {
        action: "user.setRoles",
        objectType: "user",
        objectId: user.id,
        before: { roles: before.map((r) => r.role) },
        after: { roles },
      });
    });
    return null;
  },
});
