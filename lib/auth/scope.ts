import { eq, like, or, sql, type SQL, type AnyColumn } from "drizzle-orm";
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

/**
 * The same rule as a SQL condition, for lists filtered in the database.
 * `orgPath` and `regionPath` are the columns holding the object's owner paths.
 */
export function scopeWhere(
  actor: Actor,
  permission: Permission,
  cols: { orgPath: AnyColumn; regionPath: AnyColumn },
): SQL {
  const parts: SQL[] = [];
  for (const role of rolesGranting(actor.roles, permission)) {
    switch (role) {
      case "unit_filer":
      case "evaluator":
        parts.push(eq(cols.orgPath, actor.orgPath));
        break;
      case "dept_reviewer":
        parts.push(ownOrgOnly(permission, role) ? eq(cols.orgPath, actor.orgPath) : like(cols.orgPath, `${actor.orgPath}%`));
        break;
      default:
        parts.push(like(cols.regionPath, `${actor.regionPath}%`));
    }
  }
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

