import { and, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  auditLog,
  budgetProposals,
  disclosures,
  evaluationRuleSets,
  indicators,
  keyEvaluations,
  monitoringReports,
  monitoringWarnings,
  objectives,
  orgs,
  projects,
  rectificationTasks,
  regions,
  selfEvaluations,
  users,
  warningDispositions,
} from "@/db/schema";
import { isProvinceActor } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { countRows, pageWindow } from "@/lib/paging";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "./audit-actions";
import { FIELD_REFS, type NameOf } from "./audit-labels";

/**
 * The audit log as an auditor queries it: by user, organisation, China-time date range, object
 * type and action, newest first, a page at a time with a capped count (lib/project/queries.ts),
 * and with each row's object named (batched, one query per object type on the page).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date that exists (2026-02-30 does not). */
const date = z
  .string()
  .trim()
  .refine((v) => {
    const d = new Date(`${v}T12:00:00Z`);
    return DATE.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  });

export const AUDIT_EXPORT_CAP = 50_000;

export interface AuditFilters {
  /** A user name or display name, matched exactly. */
  user?: string;
  /** The acting organisation and the organisations under it. */
  orgId?: number;
  /** China dates (Asia/Shanghai), both included. */
  from?: string;
  to?: string;
  objectType?: string;
  action?: string;
}

export type AuditFilterErrors = Partial<Record<"from" | "to" | "user", "auditLog.ui.badDate" | "auditLog.ui.badRange">>;

const PAGE_SIZES = [10, 20, 50] as const;

/** The query string of the page and of its export: a malformed value is dropped, a bad date is told on its field. */
export function parseAuditQuery(raw: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  errors: AuditFilterErrors;
  page: number;
  pageSize: number;
} {
  const one = (k: string) => {
    const v = raw[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  const errors: AuditFilterErrors = {};
  const filters: AuditFilters = {};
  const user = one("user");
  if (user) filters.user = user.slice(0, 50);
  const orgId = Number(one("orgId"));
  if (Number.isInteger(orgId) && orgId > 0 && orgId <= 2_147_483_647) filters.orgId = orgId;
  for (const k of ["from", "to"] as const) {
    const v = one(k);
    if (!v) continue;
    if (date.safeParse(v).success) filters[k] = v;
    else errors[k] = "auditLog.ui.badDate";
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = "auditLog.ui.badRange";
    delete filters.to;
  }
  const objectType = one("objectType");
  if (objectType && (AUDIT_OBJECT_TYPES as readonly string[]).includes(objectType)) filters.objectType = objectType;
  const action = one("action");
  if (action && (AUDIT_ACTIONS as readonly string[]).includes(action)) filters.action = action;
  const page = Math.min(Math.max(1, Math.trunc(Number(one("page")) || 1)), 1_000_000);
  const size = Number(one("pageSize"));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : 20;
  return { filters, errors, page, pageSize };
}

/** The first instant of a China date. China has kept +08:00 all year since 1991. */
export function chinaDayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

function chinaDayAfter(isoDate: string): Date {
  return new Date(chinaDayStart(isoDate).getTime() + 24 * 3600 * 1000);
}

/** Who may read which rows: the province level reads all; others the rows of organisations in their scope. */
function scopeOf(actor: Actor): SQL | undefined {
  return isProvinceActor(actor) ? undefined : scopeWhere(actor, "audit.read", { orgPath: orgs.path, regionPath: regions.path });
}

/** The ids of the users a user filter names (user name or display name), read first so the log is searched by index. */
async function userIdsOf(db: DbOrTx, f: AuditFilters): Promise<number[] | undefined> {
  if (!f.user) return undefined;
  const rows = await db.select({ id: users.id }).from(users).where(or(eq(users.username, f.user), eq(users.displayName, f.user)));
  return rows.map((r) => r.id);
}

/** The filters as SQL, each served by an index on (column, id) or (at). */
export function auditWhere(actor: Actor, f: AuditFilters, userIds?: number[]): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeOf(actor)];
  if (f.user) conds.push(userIds?.length ? inArray(auditLog.actorUserId, userIds) : sql`false`);
  if (f.orgId) {
    conds.push(
      inArray(
        auditLog.actorOrgId,
        sql`(select o.id from ${orgs} o where o.path like (select p.path from ${orgs} p where p.id = ${f.orgId}) || '%')`,
      ),
    );
  }
  if (f.from) conds.push(sql`${auditLog.at} >= ${chinaDayStart(f.from).toISOString()}::timestamptz`);
  if (f.to) conds.push(sql`${auditLog.at} < ${chinaDayAfter(f.to).toISOString()}::timestamptz`);
  if (f.objectType) conds.push(eq(auditLog.objectType, f.objectType));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  return and(...conds);
}

export interface AuditLogRow {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorName: string | null;
  actorDisplayName: string | null;
  actorOrgName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

function selectRows(db: DbOrTx) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: auditLog.actorName,
      actorDisplayName: users.displayName,
      actorOrgName: orgs.name,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.actorOrgId))
    .leftJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(users, eq(users.id, auditLog.actorUserId));
}

/** One page, newest first; the count stops at COUNT_CAP (then `capped`). */
export async function listAuditLog(db: DbOrTx, actor: Actor, f: AuditFilters, page: number, pageSize: number) {
  const where = auditWhere(actor, f, await userIdsOf(db, f));
  const { total, capped } = await countRows(
    db,
    db.select({ one: sql`1` }).from(auditLog).leftJoin(orgs, eq(orgs.id, auditLog.actorOrgId)).leftJoin(regions, eq(regions.id, orgs.regionId)).where(where).$dynamic(),
  );
  // Past COUNT_CAP matches the pager stops at the last counted page: narrow the filters (as every list does).
  const w = pageWindow(page, pageSize, total);
  const rows: AuditLogRow[] = await selectRows(db).where(where).orderBy(desc(auditLog.id)).limit(w.limit).offset(w.offset);
  return { rows, total, capped, page: w.page };
}

/** Every matching row, newest first, `size` at a time by keyset on id, at most `cap` rows. */
export async function* auditExportPages(db: DbOrTx, actor: Actor, f: AuditFilters, cap = AUDIT_EXPORT_CAP, size = 1000): AsyncGenerator<AuditLogRow[]> {
  const where = auditWhere(actor, f, await userIdsOf(db, f));
  let last: number | null = null;
  let sent = 0;
  while (sent < cap) {
    const rows: AuditLogRow[] = await selectRows(db)
      .where(and(where, last === null ? undefined : lt(auditLog.id, last)))
      .orderBy(desc(auditLog.id))
      .limit(Math.min(size, cap - sent));
    if (!rows.length) return;
    sent += rows.length;
    last = rows[rows.length - 1].id;
    yield rows;
    if (rows.length < size) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Naming the objects of a page

export interface AuditObjectRef {
  name: string;
  href?: string;
}

export const objectKey = (type: string, id: string) => `${type}:${id}`;

const intIds = (ids: string[]) => [...new Set(ids.filter((v) => /^\d{1,9}$/.test(v)).map(Number))];

type Resolver = (db: DbOrTx, ids: string[]) => Promise<[string, AuditObjectRef][]>;

/** The title of an objective reached through another row's objective_id. */
const viaObjective =
  (
    table: typeof selfEvaluations | typeof keyEvaluations | typeof monitoringReports | typeof monitoringWarnings,
    href: (id: number, objectiveId: number) => string,
  ): Resolver =>
  async (db, ids) => {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db
      .select({ id: table.id, objectiveId: objectives.id, title: objectives.title })
      .from(table)
      .innerJoin(objectives, eq(objectives.id, table.objectiveId))
      .where(inArray(table.id, n));
    return rows.map((r) => [String(r.id), { name: r.title, href: href(r.id, r.objectiveId) }]);
  };

const RESOLVERS: Record<string, Resolver> = {
  async objective(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: objectives.id, title: objectives.title }).from(objectives).where(inArray(objectives.id, n));
    return rows.map((r) => [String(r.id), { name: r.title, href: `/objectives/${r.id}` }]);
  },
  async project(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: projects.id, name: projects.name, code: projects.code }).from(projects).where(inArray(projects.id, n));
    return rows.map((r) => [String(r.id), { name: `${r.name}（${r.code}）`, href: `/projects/${r.id}` }]);
  },
  async user(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, n));
    return rows.map((r) => [String(r.id), { name: `${r.displayName}（${r.username}）`, href: `/admin/users?q=${encodeURIComponent(r.username)}` }]);
  },
  /** Sign-in attempts name the account by the user name typed. */
  async account(db, ids) {
    const names = [...new Set(ids)].filter((v) => v.length <= 50);
    if (!names.length) return [];
    const rows = await db.select({ username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, names));
    return rows.map((r) => [r.username, { name: `${r.displayName}（${r.username}）`, href: `/admin/users?q=${encodeURIComponent(r.username)}` }]);
  },
  async org(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, n));
    return rows.map((r) => [String(r.id), { name: r.name, href: "/admin/orgs" }]);
  },
  async region(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, n));
    return rows.map((r) => [String(r.id), { name: r.name }]);
  },
  async indicator(db, ids) {
    const codes = [...new Set(ids)].filter((v) => !v.startsWith("request:") && v.length <= 40);
    if (!codes.length) return [];
    const rows = await db
      .select({ code: indicators.code, name: indicators.name })
      .from(indicators)
      .where(and(inArray(indicators.code, codes), eq(indicators.isCurrent, true)));
    return rows.map((r) => [r.code, { name: `${r.name}（${r.code}）`, href: `/indicators/${encodeURIComponent(r.code)}` }]);
  },
  async disclosure(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: disclosures.id, title: disclosures.title }).from(disclosures).where(inArray(disclosures.id, n));
    return rows.map((r) => [String(r.id), { name: r.title, href: "/disclosure" }]);
  },
  self_evaluation: viaObjective(selfEvaluations, (id) => `/evaluation/${id}`),
  key_evaluation: viaObjective(keyEvaluations, (id) => `/evaluation/key/${id}/report`),
  monitoring_report: viaObjective(monitoringReports, (id) => `/monitoring/reports/${id}`),
  monitoring_warning: viaObjective(monitoringWarnings, () => "/warnings"),
  async warning_disposition(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db
      .select({ id: warningDispositions.id, title: objectives.title })
      .from(warningDispositions)
      .innerJoin(monitoringWarnings, eq(monitoringWarnings.id, warningDispositions.warningId))
      .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
      .where(inArray(warningDispositions.id, n));
    return rows.map((r) => [String(r.id), { name: r.title, href: "/warnings" }]);
  },
  async budget_proposal(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db
      .select({ id: budgetProposals.id, title: objectives.title })
      .from(budgetProposals)
      .innerJoin(selfEvaluations, eq(selfEvaluations.id, budgetProposals.selfEvaluationId))
      .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
      .where(inArray(budgetProposals.id, n));
    return rows.map((r) => [String(r.id), { name: r.title, href: "/evaluation/proposals" }]);
  },
  async rectification_task(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db
      .select({ id: rectificationTasks.id, title: objectives.title })
      .from(rectificationTasks)
      .innerJoin(selfEvaluations, eq(selfEvaluations.id, rectificationTasks.selfEvaluationId))
      .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
      .where(inArray(rectificationTasks.id, n));
    return rows.map((r) => [String(r.id), { name: r.title, href: "/evaluation/rectification" }]);
  },
  async evaluation_rule_set(db, ids) {
    const n = intIds(ids);
    if (!n.length) return [];
    const rows = await db.select({ id: evaluationRuleSets.id, name: evaluationRuleSets.name, year: evaluationRuleSets.fiscalYear }).from(evaluationRuleSets).where(inArray(evaluationRuleSets.id, n));
    return rows.map((r) => [String(r.id), { name: `${r.name}（${r.year}）`, href: "/evaluation/rules" }]);
  },
  async fiscal_year(_db, ids) {
    return intIds(ids).map((y) => [String(y), { name: String(y), href: "/admin/fiscal-years" }]);
  },
};

/**
 * Names and links of the objects of some rows: one query per object type present (not per
 * row). A link goes to the object's own page, which checks the reader's scope itself.
 */
export async function resolveAuditObjects(
  db: DbOrTx,
  rows: readonly { objectType: string; objectId: string | null; before?: unknown; after?: unknown }[],
): Promise<Map<string, AuditObjectRef>> {
  const byType = new Map<string, string[]>();
  const add = (type: string, id: string) => {
    if (!RESOLVERS[type]) return;
    const list = byType.get(type) ?? [];
    list.push(id);
    byType.set(type, list);
  };
  for (const r of rows) {
    if (r.objectId != null) add(r.objectType, r.objectId);
    // Objects named inside before/after (objectiveId, orgId…) are resolved in the same queries.
    for (const side of [r.before, r.after]) {
      if (side === null || typeof side !== "object" || Array.isArray(side)) continue;
      for (const [field, type] of Object.entries(FIELD_REFS)) {
        const v = (side as Record<string, unknown>)[field];
        if (typeof v === "number" || typeof v === "string") add(type, String(v));
      }
    }
  }
  const found = await Promise.all([...byType].map(async ([type, ids]) => (await RESOLVERS[type](db, ids)).map(([id, ref]) => [objectKey(type, id), ref] as const)));
  return new Map(found.flat());
}

/** The names found, as auditDetail reads them. */
export function nameLookup(names: Map<string, AuditObjectRef>): NameOf {
  return (type, id) => names.get(objectKey(type, id))?.name;
}

/** The object types that have a resolver: the rest are named by type and number. */
export const RESOLVED_OBJECT_TYPES = Object.keys(RESOLVERS);
