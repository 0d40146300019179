import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs, regions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import { ActionError } from "@/lib/errors";

/**
 * Loads an organisation with its place in the tree, only if the actor may touch it for
 * `permission`. Out of scope looks exactly like missing: the caller learns nothing.
 */
export async function loadOrgInScope(db: DbOrTx, actor: Actor, permission: Permission, orgId: number) {
  const [row] = await db
    .select({ org: orgs, regionPath: regions.path, regionLevel: regions.level })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(orgs.id, orgId));
  if (!row || !canOn(actor, permission, { orgPath: row.org.path, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "org", id: orgId });
  }
  return row;
}

/** Loads a user whose organisation the actor may touch for `permission`. */
export async function loadUserInScope(db: DbOrTx, actor: Actor, permission: Permission, userId: number) {
  const [row] = await db
    .select({ user: users, org: orgs, regionPath: regions.path })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(users.id, userId));
  if (!row || !canOn(actor, permission, { orgPath: row.org.path, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "user", id: userId });
  }
  return row;
}

/** Loads a region the actor's own region contains. */
export async function loadRegionInScope(db: DbOrTx, actor: Actor, regionId: number) {
  const [row] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!row || !row.path.startsWith(actor.regionPath)) {
    throw new ActionError("not_found", { regionId: "errors.not_found" }, { type: "region", id: regionId });
  }
  return row;
}
