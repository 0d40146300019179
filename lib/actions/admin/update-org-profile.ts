"use server";
import { and, eq } from "drizzle-orm";
import { orgs } from "@/db/schema";
import { loadOrgInScope } from "@/lib/admin/load";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { updateOrgProfileInput } from "@/lib/validation/admin";

/**
 * Public endpoint: keep an organisation's contact person and phone. A unit's filer may edit
 * its own unit only; a department its units; finance its region. Another unit's id is refused.
 */
export const updateOrgProfile = defineAction({
  name: "org.updateProfile",
  permission: "org.profile.edit",
  input: updateOrgProfileInput,
  success: "orgs.profileSaved",
  async run({ actor, db, input }) {
    const { org } = await loadOrgInScope(db, actor, "org.profile.edit", input.orgId);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(orgs)
        .set({ contactName: input.contactName, contactPhone: input.contactPhone, version: input.version + 1 })
        .where(and(eq(orgs.id, org.id), eq(orgs.version, input.version)))
        .returning({ version: orgs.version });
      if (!row) throw new ActionError("conflict");
      await writeAudit(tx, actor, {
        action: "org.updateProfile",
        objectType: "org",
        objectId: org.id,
        before: { contactName: org.contactName, contactPhone: org.contactPhone },
        after: { contactName: input.contactName, contactPhone: input.contactPhone },
      });
      return { version: row.version };
    });
  },
});
