"use server";
import { eq } from "drizzle-orm";
import { orgs } from "@/db/schema";
import { loadOrgInScope, loadRegionInScope } from "@/lib/admin/load";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { insertOrg } from "@/lib/org/tree";
import { createOrgInput } from "@/lib/validation/admin";

/** Public endpoint: a finance admin adds an organisation in its region (a unit under a department). */
export const createOrg = defineAction({
  name: "admin.createOrg",
  permission: "org.manage",
  input: createOrgInput,
  success: "orgs.created",
  async run({ actor, db, input }) {
    const region = await loadRegionInScope(db, actor, input.regionId);
    if (input.kind === "unit") {
      if (!input.parentId) throw new ActionError("invalid_input", { parentId: "errors.parentKind" });
      const { org: parent } = await loadOrgInScope(db, actor, "org.manage", input.parentId);
      if (parent.kind !== "department" || parent.regionId !== region.id) {
        throw new ActionError("invalid_input", { parentId: "errors.parentKind" });
      }
    } else if (input.parentId) {
      throw new ActionError("invalid_input", { parentId: "errors.parentKind" });
    }
    try {
      return await db.transaction(async (tx) => {
        const taken = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, input.code));
        if (taken.length) throw new ActionError("invalid_input", { code: "errors.duplicateCode" });
        const org = await insertOrg(tx, { ...input, parentId: input.parentId ?? null, regionId: region.id });
        await writeAudit(tx, actor, { action: "org.create", objectType: "org", objectId: org.id, after: input });
        return { id: org.id };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ActionError("invalid_input", { code: "errors.duplicateCode" });
      throw e;
    }
  },
});
