import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs, regions, userRoles, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { msg } from "@/lib/i18n/core";

/**
 * Routing health (issue 19 item 2): a declaration is only submitted into a queue somebody owns.
 *   a unit's declaration → dept_review: its parent department needs an active dept_reviewer;
 *   a department's own declaration → finance_review: an active finance_reviewer/finance_admin of
 *   a finance department whose region is the declaration's region or one above it (the finance
 *   scope of lib/auth/scope.ts); the one named to ask is the region's own finance department.
 */
export interface ReviewerGap {
  orgId: number | null;
  orgName: string;
  role: Extract<Role, "dept_reviewer" | "finance_reviewer">;
}

const FINANCE_ROLES = ["finance_reviewer", "finance_admin"] as const;

/** The refusal, as a message reference (said in the reader's language): names the organisation to ask. */
export function reviewerGapMessage(gap: ReviewerGap): string {
  return msg(gap.role === "dept_reviewer" ? "refusal.noDeptReviewer" : "refusal.noFinanceReviewer", { org: gap.orgName });
}

async function hasActive(db: DbOrTx, roles: readonly Role[], where: ReturnType<typeof sql>): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(and(inArray(userRoles.role, [...roles]), eq(users.active, true), eq(orgs.active, true), where))
    .limit(1);
  return !!row;
}

/** Who would review a declaration of this owner next, if nobody: the gap; null when someone does. */
export async function reviewerGapFor(db: DbOrTx, ownerOrgId: number): Promise<ReviewerGap | null> {
  const [owner] = await db
    .select({ kind: orgs.kind, parentId: orgs.parentId, regionId: orgs.regionId, regionPath: regions.path, regionName: regions.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(orgs.id, ownerOrgId));
  if (!owner) return null;
  if (owner.kind === "unit") {
    if (owner.parentId === null) return null;
    const [dept] = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, owner.parentId));
    if (!dept) return null;
    const ok = await hasActive(db, ["dept_reviewer"], sql`${userRoles.orgId} = ${dept.id}`);
    return ok ? null : { orgId: dept.id, orgName: dept.name, role: "dept_reviewer" };
  }
  if (owner.kind === "department") {
    const ok = await hasActive(db, FINANCE_ROLES, sql`${orgs.kind} = 'finance' and ${owner.regionPath} like (${regions.path} || '%')`);
    if (ok) return null;
    const [fin] = await db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(and(eq(orgs.regionId, owner.regionId), eq(orgs.kind, "finance")))
      .orderBy(asc(orgs.id))
      .limit(1);
    return { orgId: fin?.id ?? null, orgName: fin?.name ?? `${owner.regionName}财政部门`, role: "finance_reviewer" };
  }
  return null;
}

export interface OrgLackingReviewer {
  id: number;
  name: string;
  regionName: string;
  role: ReviewerGap["role"];
}

/**
 * The admin's list: active departments (in the actor's scope) with no active dept_reviewer, and
 * active finance departments whose region no active finance reviewer reaches.
 */
export async function listOrgsLackingReviewer(db: DbOrTx, actor: Actor): Promise<OrgLackingReviewer[]> {
  const deptReviewed = sql`exists (select 1 from ${userRoles} ur join ${users} u on u.id = ur.user_id
    where ur.org_id = ${orgs.id} and ur.role = 'dept_reviewer' and u.active)`;
  const financeReviewed = sql`exists (select 1 from ${userRoles} ur join ${users} u on u.id = ur.user_id
    join orgs fo on fo.id = u.org_id join regions fr on fr.id = fo.region_id
    where ur.role in ('finance_reviewer', 'finance_admin') and u.active and fo.active and fo.kind = 'finance'
      and ${regions.path} like (fr.path || '%'))`;
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, regionName: regions.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(
      and(
        eq(orgs.active, true),
        scopeWhere(actor, "org.read", { orgPath: orgs.path, regionPath: regions.path }),
        sql`((${orgs.kind} = 'department' and not ${deptReviewed}) or (${orgs.kind} = 'finance' and not ${financeReviewed}))`,
      ),
    )
    .orderBy(asc(regions.path), asc(orgs.path));
  return rows.map((r) => ({ id: r.id, name: r.name, regionName: r.regionName, role: r.kind === "department" ? "dept_reviewer" : "finance_reviewer" }));
}
