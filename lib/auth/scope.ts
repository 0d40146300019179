import { eq, like, or, sql, type SQL, type AnyColumn } from "drizzle-orm";
import { orgs, regions } from "@/db/schema/org";
import type { Role } from "@/db/schema/enums";
import type { Actor, ObjectPlace } from "./actor";
import { ownOrgOnly, rolesGranting, type Permission } from "./permissions";

/**
 * THE place that decides whether a user may touch a given object, from the org tree:
 *   unit_filer, evaluator          → its own organisation only
 *   dept_reviewer                  → its department and the units below it
 *   finance_reviewer/admin, observer → every organisation of its region and the regions below
 * The permission (lib/auth/permissions.ts) says which roles count; a role that does not hold
 * the permission never widens the scope. Fails closed: no matching role, no access.
 */
export function roleReaches(role: Role, actor: Pick<Actor, "orgPath" | "regionPath">, target: ObjectPlace): boolean {
  switch (role) {
    case "unit_filer":
    case "evaluator":
      return target.orgPath === actor.orgPath;
    case "dept_reviewer":
      return target.orgPath.startsWith(actor.orgPath);
    case "finance_reviewer":
    case "finance_admin":
    case "observer":
      return target.regionPath.startsWith(actor.regionPath);
    default:
      return false;
  }
}

export function canOn(actor: Actor, permission: Permission, target: ObjectPlace): boolean {
  return rolesGranting(actor.roles, permission).some((role) =>
    ownOrgOnly(permission, role) ? target.orgPath === actor.orgPath : roleReaches(role, actor, target),
  );
}

/** The three places a role reaches, as conditions: its own organisation, the organisations under it, its region and below. */
interface PlaceConditions {
  ownOrg: () => SQL;
  underOrg: () => SQL;
  inRegion: () => SQL;
}

/** The rule of roleReaches/canOn over the roles that grant the permission, as one SQL condition. */
function scopeSql(actor: Actor, permission: Permission, place: PlaceConditions): SQL {
  const parts: SQL[] = [];
  for (const role of rolesGranting(actor.roles, permission)) {
    switch (role) {
      case "unit_filer":
      case "evaluator":
        parts.push(place.ownOrg());
        break;
      case "dept_reviewer":
        parts.push(ownOrgOnly(permission, role) ? place.ownOrg() : place.underOrg());
        break;
      default:
        parts.push(place.inRegion());
    }
  }
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

/**
 * The same rule as a SQL condition, for lists filtered in the database.
 * `orgPath` and `regionPath` are the columns holding the object's owner paths.
 */
export function scopeWhere(actor: Actor, permission: Permission, cols: { orgPath: AnyColumn; regionPath: AnyColumn }): SQL {
  return scopeSql(actor, permission, {
    ownOrg: () => eq(cols.orgPath, actor.orgPath),
    underOrg: () => like(cols.orgPath, `${actor.orgPath}%`),
    inRegion: () => like(cols.regionPath, `${actor.regionPath}%`),
  });
}

/**
 * The same rule for a table that carries its owner organisation's id and that organisation's
 * region id (objectives, monitoring warnings): conditions on those columns with small subqueries
 * over the org tree, so that a list or a count over the province needs no join through `orgs`
 * and `regions` per row — a province's finance queue counts along an index instead of looking
 * up 2,000 organisations (docs/PERFORMANCE.md). Organisations never change region, so the
 * region id is the owner's (lib/integrity.ts checks it); the org path prefix names the same
 * organisations as `orgPath LIKE …` in scopeWhere.
 */
export function scopeWhereByIds(actor: Actor, permission: Permission, cols: { ownerOrgId: AnyColumn; regionId: AnyColumn }): SQL {
  return scopeSql(actor, permission, {
    ownOrg: () => eq(cols.ownerOrgId, actor.orgId),
    underOrg: () => sql`${cols.ownerOrgId} in (select scope_org.id from ${orgs} scope_org where scope_org.path like ${`${actor.orgPath}%`})`,
    inRegion: () => sql`${cols.regionId} in (select scope_region.id from ${regions} scope_region where scope_region.path like ${`${actor.regionPath}%`})`,
  });
}
