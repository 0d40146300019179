"use server";
import { defineAction } from "@/lib/actions/define";
import { updateOrgProfile as update } from "@/lib/admin/orgs";
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
  run: ({ actor, db, input }) => update(db, actor, input),
});
