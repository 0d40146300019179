import "server-only";
import { and, asc, count, desc, eq, exists, ilike, like, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { fiscalYears, orgs, regions, userRoles, users, type OrgKind, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import { countRows, direction, likeEscape, pageWindow } from "@/lib/paging";
import type { UserListParams } from "./params";

/** Tree order of a materialised path ("/1/12/" → {1,12}): parents before children, siblings by id. */
const treeOrder = (col: typeof orgs.path | typeof regions.path) => sql`string_to_array(trim(both '/' from ${col}), '/')::int[]`;

// ---------------------------------------------------------------------------------------------
// Users

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  orgId: number;
  orgName: string;
  orgKind: OrgKind;
  roles: Role[];
}

const USER_ORDER = {
  username: users.username,
  displayName: users.displayName,
  org: orgs.code,
  createdAt: users.createdAt,
} as const;

/**
 * One page of the users the actor may see (user.read scope), filtered, sorted and counted in
 * the database. Roles come aggregated with each row (array_agg), not by a query per row.
 */
export async function listUsers(
  db: DbOrTx,
  actor: Actor,
  params: UserListParams,
): Promise<{ rows: UserRow[]; total: number; page: number }> {
  const conds: SQL[] = [scopeWhere(actor, "user.read", { orgPath: orgs.path, regionPath: regions.path })];
  if (params.q) {
    const pattern = `%${likeEscape(params.q)}%`;
    conds.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  if (params.orgId) conds.push(eq(users.orgId, params.orgId));
  if (params.role) {
    conds.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(userRoles)
          .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, params.role))),
      ),
    );
  }
  if (params.status) conds.push(eq(users.active, params.status === "active"));
  const where = and(...conds);

  const { total } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .innerJoin(regions, eq(regions.id, orgs.regionId))
      .where(where)
      .$dynamic(),
    { cap: false },
  );
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);

  const order = direction(params.dir);
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      phone: users.phone,
      email: users.email,
      active: users.active,
      version: users.version,
      createdAt: users.createdAt,
      orgId: orgs.id,
      orgName: orgs.name,
      orgKind: orgs.kind,
      // text[] so that both drivers hand back a JavaScript array (an enum[] arrives as "{a,b}").
      roles: sql<Role[]>`coalesce((select array_agg(${userRoles.role}::text order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}'::text[])`,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(where)
    .orderBy(order(USER_ORDER[params.sort]), asc(users.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page };
}

// ---------------------------------------------------------------------------------------------
// Organisations

export interface OrgOption {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  regionId: number;
  depth: number;
}

const depthOf = (path: string) => Math.max(0, path.split("/").filter(Boolean).length - 1);

/** Organisations the actor may touch for `permission`, tree-ordered, for select boxes. */
export async function listOrgOptions(db: DbOrTx, actor: Actor, permission: Permission): Promise<OrgOption[]> {
  const rows = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, kind: orgs.kind, regionId: orgs.regionId, path: orgs.path })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(scopeWhere(actor, permission, { orgPath: orgs.path, regionPath: regions.path }))
    .orderBy(treeOrder(regions.path), treeOrder(orgs.path));
  return rows.map(({ path, ...r }) => ({ ...r, depth: depthOf(path) }));
}

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  path: string;
  depth: number;
  regionId: number;
  regionName: string;
  regionPath: string;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
  version: number;
  userCount: number;
}

/** The organisations in the actor's org.read scope, in tree order, each with its number of users. */
export async function listOrgs(db: DbOrTx, actor: Actor): Promise<OrgRow[]> {
  const counts = db
    .select({ orgId: users.orgId, n: count().as("n") })
    .from(users)
    .groupBy(users.orgId)
    .as("user_counts");
  const rows = await db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      kind: orgs.kind,
      path: orgs.path,
      regionId: regions.id,
      regionName: regions.name,
      regionPath: regions.path,
      contactName: orgs.contactName,
      contactPhone: orgs.contactPhone,
      active: orgs.active,
      version: orgs.version,
      userCount: sql<number>`coalesce(${counts.n}, 0)::int`,
    })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(counts, eq(counts.orgId, orgs.id))
    .where(scopeWhere(actor, "org.read", { orgPath: orgs.path, regionPath: regions.path }))
    .orderBy(treeOrder(regions.path), treeOrder(orgs.path));
  return rows.map((r) => ({ ...r, depth: depthOf(r.path) }));
}

export interface RegionOption {
  id: number;
  name: string;
  level: "province" | "city" | "county";
  depth: number;
}

/** The actor's region and the regions below it. */
export async function listRegionsUnder(db: DbOrTx, actor: Actor): Promise<RegionOption[]> {
  const rows = await db
    .select({ id: regions.id, name: regions.name, level: regions.level, path: regions.path })
    .from(regions)
    .where(like(regions.path, `${likeEscape(actor.regionPath)}%`))
    .orderBy(treeOrder(regions.path));
  const base = depthOf(actor.regionPath);
  return rows.map(({ path, ...r }) => ({ ...r, depth: depthOf(path) - base }));
}

// ---------------------------------------------------------------------------------------------
// Fiscal years

/** The province a region path belongs to: the first id of "/1/4/9/". */
export function provinceRegionId(regionPath: string): number | null {
  const first = regionPath.split("/").find(Boolean);
  const id = Number(first);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export type FiscalYearRow = typeof fiscalYears.$inferSelect & { regionName: string };

/** Open fiscal years of the actor's province, newest first (the inbox's deadlines). */
export async function listOpenProvinceYears(db: DbOrTx, actor: Actor): Promise<FiscalYearRow[]> {
  const province = provinceRegionId(actor.regionPath);
  if (!province) return [];
  const rows = await db
    .select({ fy: fiscalYears, regionName: regions.name })
    .from(fiscalYears)
    .innerJoin(regions, eq(regions.id, fiscalYears.regionId))
    .where(and(eq(fiscalYears.regionId, province), eq(fiscalYears.status, "open")))
    .orderBy(desc(fiscalYears.year));
  return rows.map((r) => ({ ...r.fy, regionName: r.regionName }));
}

/**
 * Fiscal years that apply to the actor: those of its own region and the regions above it
 * (a province's year applies to its cities and counties), and those of the regions below.
 */
export async function listFiscalYears(db: DbOrTx, actor: Actor): Promise<FiscalYearRow[]> {
  const rows = await db
    .select({ fy: fiscalYears, regionName: regions.name })
    .from(fiscalYears)
    .innerJoin(regions, eq(regions.id, fiscalYears.regionId))
    .where(
      or(
        like(regions.path, `${likeEscape(actor.regionPath)}%`),
        sql`${actor.regionPath} like ${regions.path} || '%'`,
      ),
    )
    .orderBy(desc(fiscalYears.year), treeOrder(regions.path));
  return rows.map((r) => ({ ...r.fy, regionName: r.regionName }));
}

// ---------------------------------------------------------------------------------------------
// Audit log

/** True for users of a province-level organisation: they see the whole log, sign-in attempts included. */
export function isProvinceActor(actor: Actor): boolean {
  return actor.regionPath.split("/").filter(Boolean).length === 1;
}
