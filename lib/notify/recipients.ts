import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs, regions, userRoles, users, type Role } from "@/db/schema";

export interface Recipient {
  id: number;
  email: string | null;
}

/** Active users holding one of `roles` in the organisation `orgId` (the filers of a unit, the proposer's department). */
export async function usersOfOrg(tx: DbOrTx, orgId: number, roles: Role[]): Promise<Recipient[]> {
  return tx
    .selectDistinct({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.active, true), eq(userRoles.orgId, orgId), inArray(userRoles.role, roles)));
}

/** The filers of an object's owner: its unit filers, and a department's own filer (dept_reviewer files for its own objects). */
export function filersOf(tx: DbOrTx, ownerOrgId: number): Promise<Recipient[]> {
  return usersOfOrg(tx, ownerOrgId, ["unit_filer", "dept_reviewer"]);
}

/**
 * Finance users (finance_reviewer, finance_admin) whose region covers the object's region
 * (their region and those below it: lib/auth/scope.ts's rule for these roles).
 */
export async function financeOver(tx: DbOrTx, regionId: number): Promise<Recipient[]> {
  return tx
    .selectDistinct({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(
      and(
        eq(users.active, true),
        inArray(userRoles.role, ["finance_reviewer", "finance_admin"]),
        sql`(select r.path from ${regions} r where r.id = ${regionId}) like ${regions.path} || '%'`,
      ),
    );
}

export async function userById(tx: DbOrTx, id: number): Promise<Recipient[]> {
  return tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.id, id), eq(users.active, true)));
}
