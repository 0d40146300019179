import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { auditLog, indicatorChangeRequests, indicatorEvidence, indicators, orgs, regions, sectors, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { keepsBank } from "./guards";
import type { ChangeListQuery } from "./params";
import { countRows, pageWindow } from "@/lib/paging";

/**
 * The sector tree's entries that sector indicators are filed under, in their configured order
 * (the list's sector filter). 共性 has no such rows (common indicators carry no sector): the
 * 共性/个性 filter selects those.
 */
export async function listSectorOptions(db: DbOrTx) {
  return db
    .select({ code: sectors.code, name: sectors.name })
    .from(sectors)
    .where(sql`exists (select 1 from ${indicators} where ${indicators.sector} = ${sectors.name} and ${indicators.kind} = 'sector')`)
    .orderBy(asc(sectors.ordinal), asc(sectors.name));
}

/** Sectors a department may propose new indicators for: those in which it already owns sector indicators (the action's rule). */
export async function proposableSectors(db: DbOrTx, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ sector: indicators.sector, ordinal: sql<number>`min(coalesce(${sectors.ordinal}, 32767))` })
    .from(indicators)
    .leftJoin(sectors, eq(sectors.name, indicators.sector))
    .where(and(eq(indicators.ownerOrgId, actor.orgId), eq(indicators.kind, "sector"), sql`${indicators.sector} is not null`))
    .groupBy(indicators.sector)
    .orderBy(sql`2`, indicators.sector);
  return rows.map((r) => r.sector!).filter(Boolean);
}

/** The bank is the province's: only the provincial finance department keeps it (lib/indicator/guards.ts, to draw buttons). */
export const isProvincialFinance = (actor: Actor): boolean => keepsBank(actor);

/** Who reads every change request: finance and observers; anyone else reads only their own organisation's. */
export function readsAllChanges(actor: Actor): boolean {
  return hasPermission(actor.roles, "indicator.manage") || actor.roles.includes("finance_reviewer") || actor.roles.includes("observer");
}

/** Evidence files may be fetched by finance admins and by the proposing organisation only. */
export function mayReadEvidence(actor: Actor, proposerOrgId: number): boolean {
  return hasPermission(actor.roles, "indicator.manage") || actor.orgId === proposerOrgId;
}

const decider = alias(users, "decider");
const currentIndicator = alias(indicators, "current_indicator");
const baseIndicator = alias(indicators, "base_indicator");

/** The code an approved "add" request was published as (the approval's audit row records it). */
const publishedCode = sql<string | null>`case when ${indicatorChangeRequests.kind} = 'add' and ${indicatorChangeRequests.status} = 'approved' then (
  select a.object_id from audit_log a
  where a.object_type = 'indicator' and a.action = 'indicator.approve.add' and (a.after ->> 'requestId') = ${indicatorChangeRequests.id}::text
  order by a.id limit 1) end`;

/**
 * Change requests, paged in the database: pending first (oldest first, the order to decide them
 * in), then decided ones newest first. Finance and observers see all, others their organisation's.
 * Each row carries the current version of the indicator it changes (what a pending request is
 * compared with) and the version it was proposed against (what a decided one is compared with).
 */
export async function listChangeRequests(db: DbOrTx, actor: Actor, p: ChangeListQuery) {
  const where = and(
    readsAllChanges(actor) ? undefined : eq(indicatorChangeRequests.proposerOrgId, actor.orgId),
    p.status ? eq(indicatorChangeRequests.status, p.status) : undefined,
    p.kind ? eq(indicatorChangeRequests.kind, p.kind) : undefined,
  );
  const pending = sql`case when ${indicatorChangeRequests.status} = 'pending' then 0 else 1 end`;
  const { total } = await countRows(db, db.select({ one: sql`1` }).from(indicatorChangeRequests).where(where).$dynamic(), { cap: false });
  const { page, limit, offset } = pageWindow(p.page, p.pageSize, total);
  const rows = await db
    .select({
      r: indicatorChangeRequests,
      proposer: users.displayName,
      proposerOrg: orgs.name,
      decider: decider.displayName,
      current: currentIndicator,
      base: baseIndicator,
      publishedCode,
      // The proposer's place in the org tree: what the change workflow's available() reads (the decide buttons).
      orgPath: orgs.path,
      regionPath: regions.path,
    })
    .from(indicatorChangeRequests)
    .innerJoin(users, eq(users.id, indicatorChangeRequests.proposerId))
    .innerJoin(orgs, eq(orgs.id, indicatorChangeRequests.proposerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(decider, eq(decider.id, indicatorChangeRequests.decidedBy))
    .leftJoin(currentIndicator, and(eq(currentIndicator.code, indicatorChangeRequests.indicatorCode), eq(currentIndicator.isCurrent, true)))
    .leftJoin(baseIndicator, and(eq(baseIndicator.code, indicatorChangeRequests.indicatorCode), eq(baseIndicator.version, indicatorChangeRequests.baseVersion)))
    .where(where)
    .orderBy(asc(pending), sql`case when ${indicatorChangeRequests.status} = 'pending' then ${indicatorChangeRequests.id} end asc`, desc(indicatorChangeRequests.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page };
}
export type ChangeRow = Awaited<ReturnType<typeof listChangeRequests>>["rows"][number];

/** The evidence files of some requests (without their bytes). */
export async function evidenceOf(db: DbOrTx, requestIds: number[]) {
  if (!requestIds.length) return [];
  return db
    .select({ id: indicatorEvidence.id, requestId: indicatorEvidence.requestId, filename: indicatorEvidence.filename, size: indicatorEvidence.size, createdAt: indicatorEvidence.createdAt })
    .from(indicatorEvidence)
    .where(inArray(indicatorEvidence.requestId, requestIds))
    .orderBy(asc(indicatorEvidence.createdAt));
}

/**
 * An indicator's change requests, including the "add" request it was created by (that one has no
 * indicator code: the approval's audit row links them), with the audit rows of those requests.
 */
export async function indicatorRequests(db: DbOrTx, code: string) {
  const addIds = sql`(select (a.after ->> 'requestId')::int from audit_log a where a.object_type = 'indicator' and a.object_id = ${code} and a.action = 'indicator.approve.add')`;
  const requests = await db
    .select({ r: indicatorChangeRequests, proposer: users.displayName, org: orgs.name, decider: decider.displayName })
    .from(indicatorChangeRequests)
    .innerJoin(users, eq(users.id, indicatorChangeRequests.proposerId))
    .innerJoin(orgs, eq(orgs.id, indicatorChangeRequests.proposerOrgId))
    .leftJoin(decider, eq(decider.id, indicatorChangeRequests.decidedBy))
    .where(or(eq(indicatorChangeRequests.indicatorCode, code), sql`${indicatorChangeRequests.id} in ${addIds}`))
    .orderBy(desc(indicatorChangeRequests.id));
  const addRequests = requests.filter((x) => x.r.kind === "add").map((x) => `request:${x.r.id}`);
  const trail: SQL | undefined = addRequests.length
    ? and(eq(auditLog.objectType, "indicator"), inArray(auditLog.objectId, addRequests))
    : undefined;
  const requestTrail = trail ? await db.select().from(auditLog).where(trail).orderBy(desc(auditLog.id)).limit(100) : [];
  return { requests, requestTrail };
}

/** An organisation's name. */
export async function orgName(db: DbOrTx, id: number | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id));
  return row?.name ?? null;
}

/** An evidence file's metadata and the organisation that proposed its request (for the download check). */
export async function evidenceMeta(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ filename: indicatorEvidence.filename, mime: indicatorEvidence.mime, requestId: indicatorEvidence.requestId, proposerOrgId: indicatorChangeRequests.proposerOrgId })
    .from(indicatorEvidence)
    .innerJoin(indicatorChangeRequests, eq(indicatorChangeRequests.id, indicatorEvidence.requestId))
    .where(eq(indicatorEvidence.id, id));
  return row ?? null;
}

export async function evidenceBytes(db: DbOrTx, id: string) {
  const [row] = await db.select({ data: indicatorEvidence.data }).from(indicatorEvidence).where(eq(indicatorEvidence.id, id));
  return row?.data ?? null;
}

/** Display names of users (audit rows keep the user name typed at sign-in). */
export async function userNames(db: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => typeof x === "number"))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
