import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { orgs } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db-errors";
import { ActionError } from "@/lib/errors";
import { insertOrg } from "@/lib/org/tree";
import type { createOrgInput, updateOrgProfileInput } from "@/lib/validation/admin";
import { loadOrgInScope, loadRegionInScope } from "./load";

/** A new organisation in the admin's region: a unit only under a department of that region; its code unique. */
export async function createOrg(db: Db, actor: Actor, input: z.output<typeof createOrgInput>) {
  const region = await loadRegionInScope(db, actor, input.regionId);
  if (input.kind === "unit") {
    if (!input.parentId) throw new ActionError("invalid_input", { parentId: "errors.parentKind" });
    const { org: parent } = await loadOrgInScope(db, actor, "org.manage", input.parentId);
    if (parent.kind !== "department" || parent.regionId !== region.id) throw new ActionError("invalid_input", { parentId: "errors.parentKind" });
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
}

/** An organisation's contact person and phone, by whoever may edit that organisation's profile (org.profile.edit scope). */
export async function updateOrgProfile(db: Db, actor: Actor, input: z.output<typeof updateOrgProfileInput>) {
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
}
