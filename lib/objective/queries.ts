import "server-only";
import { and, asc, desc, eq, ilike, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  disclosures,
  fiscalYears,
  objectives,
  orgs,
  projects,
  regions,
  reviews,
  type Grade,
  type ObjectiveState,
  type ProjectCategory,
  type ReviewStage,
  type SubjectKind,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { scopeWhere, scopeWhereByIds } from "@/lib/auth/scope";
import { todayIso } from "@/lib/format";
import { countRows, direction, likeEscape, pageWindow } from "@/lib/paging";
import type { ObjectiveListParams, ObjectiveQueue } from "./params";

const deptOrg = alias(orgs, "dept_org");
/**
 * The scope of a list, said two ways that name the same rows (tests/integration/scope-by-ids):
 * by the owner's org-tree paths for the page, which joins the owner's organisation and region
 * anyway; by the objective's own owner and region ids for the count, which then joins nothing
 * per row (a province's finance queue counted in half the time).
 */
type Place = "paths" | "ids";
const ownerPlace = { orgPath: orgs.path, regionPath: regions.path };
const ownerIds = { ownerOrgId: objectives.ownerOrgId, regionId: objectives.regionId };
function scoped(actor: Actor, permission: Permission, place: Place): SQL {
  return place === "ids" ? scopeWhereByIds(actor, permission, ownerIds) : scopeWhere(actor, permission, ownerPlace);
}
/** The province of the objective's region: the first id of its path ("/1/4/" → 1). Its fiscal year holds the deadlines. */
const provinceId = sql`split_part(${regions.path}, '/', 2)::int`;

export interface ObjectiveRow {
  id: number;
  title: string;
  subjectKind: SubjectKind;
  category: ProjectCategory | null;
  ownerName: string;
  departmentName: string;
  fiscalYear: number;
  requestedAmount: string;
  submittedAt: Date | null;
  updatedAt: Date;
  state: ObjectiveState;
  isKey: boolean;
  grade: Grade | null;
  /** The province's fiscal-year dates for this objective's year (null when no year is set up). */
  declarationEnd: string | null;
  reviewDeadline: string | null;
}

const ORDER = {
  submittedAt: objectives.submittedAt,
  title: objectives.title,
  amount: objectives.requestedAmount,
  state: objectives.state,
} as const;

/** The conditions of a queue, on top of the project.read scope every list has. */
function queueWhere(actor: Actor, queue: ObjectiveQueue | undefined, place: Place): SQL[] {
  switch (queue) {
    case "department":
      // Units' declarations under the reviewer's department (the owner's place, as the workflow checks it).
      return [eq(objectives.state, "dept_review"), scoped(actor, "declaration.review.department", place)];
    case "finance":
      return [eq(objectives.state, "finance_review"), scoped(actor, "declaration.review.finance", place)];
    case "mine":
      return [scoped(actor, "project.write", place)];
    default:
      return [];
  }
}

function selectRows(db: DbOrTx) {
  return db
    .select({
      id: objectives.id,
      title: objectives.title,
      subjectKind: objectives.subjectKind,
      category: projects.category,
      ownerName: orgs.name,
      departmentName: deptOrg.name,
      fiscalYear: objectives.fiscalYear,
      requestedAmount: objectives.requestedAmount,
      submittedAt: objectives.submittedAt,
      updatedAt: objectives.updatedAt,
      state: objectives.state,
      isKey: objectives.isKey,
      grade: objectives.grade,
      declarationEnd: fiscalYears.declarationEnd,
      reviewDeadline: fiscalYears.reviewDeadline,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, objectives.departmentOrgId))
    .leftJoin(projects, eq(projects.id, objectives.projectId))
    .leftJoin(fiscalYears, and(eq(fiscalYears.year, objectives.fiscalYear), eq(fiscalYears.regionId, provinceId)));
}

/** The matching objectives, counted up to COUNT_CAP unless `cap: false`. `where` may name only objectives and projects columns: the count joins nothing else. */
function countObjectives(db: DbOrTx, where: SQL | undefined, opts: { cap?: boolean } = {}) {
  return countRows(db, db.select({ one: sql`1` }).from(objectives).leftJoin(projects, eq(projects.id, objectives.projectId)).where(where).$dynamic(), opts);
}

/**
 * One page of objectives the actor may read (project.read scope on the owner's place), optionally
 * narrowed to a review queue, filtered, sorted and counted in the database.
 */
export async function listObjectives(
  db: DbOrTx,
  actor: Actor,
  params: ObjectiveListParams,
): Promise<{ rows: ObjectiveRow[]; total: number; capped: boolean; page: number }> {
  const conds: SQL[] = [];
  if (params.q) conds.push(ilike(objectives.title, `%${likeEscape(params.q)}%`));
  if (params.year) conds.push(eq(objectives.fiscalYear, params.year));
  if (params.state) conds.push(eq(objectives.state, params.state));
  if (params.departmentId) conds.push(eq(objectives.departmentOrgId, params.departmentId));
  if (params.category) conds.push(eq(projects.category, params.category));
  if (params.subjectKind) conds.push(eq(objectives.subjectKind, params.subjectKind));
  if (params.regionId) conds.push(eq(objectives.regionId, params.regionId));
  if (params.underRegionId)
    conds.push(sql`${objectives.regionId} in (select under_region.id from ${regions} under_region where under_region.path like (select top_region.path from ${regions} top_region where top_region.id = ${params.underRegionId}) || '%')`);
  if (params.stage === "declared") conds.push(notInArray(objectives.state, ["draft", "superseded"]));
  if (params.stage === "unsubmitted") conds.push(inArray(objectives.state, ["draft", "returned"]));
  if (params.stage === "disclosed")
    conds.push(sql`exists (select 1 from ${disclosures} live_d where live_d.objective_id = ${objectives.id} and live_d.subject_type = 'objective' and live_d.withdrawn_at is null)`);
  const where = (place: Place) => and(scoped(actor, "project.read", place), ...queueWhere(actor, params.queue, place), ...conds);

  const { total, capped } = await countObjectives(db, where("ids"));
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);
  const order = direction(params.dir);
  // Unsubmitted rows (no submission time) go last whichever way submission time is sorted.
  const primary = params.sort === "submittedAt" ? sql`${objectives.submittedAt} ${sql.raw(params.dir === "desc" ? "desc" : "asc")} nulls last` : order(ORDER[params.sort]);
  const rows = await selectRows(db)
    .where(where("paths"))
    .orderBy(primary, asc(objectives.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, capped, page };
}

export interface InboxItem extends ObjectiveRow {
  /** The deadline that applies to this item (declaration end for filers, review deadline for reviewers). */
  due: string | null;
  overdue: boolean;
}

export interface ReturnedItem extends InboxItem {
  returnStage: ReviewStage | null;
  returnReasons: string | null;
}

export interface InboxCounts {
  drafts: { items: InboxItem[]; total: number };
  returned: { items: ReturnedItem[]; total: number };
  toReview: {
    department: { items: InboxItem[]; total: number } | null;
    finance: { items: InboxItem[]; total: number } | null;
    total: number;
  };
}

function withDue<T extends ObjectiveRow>(row: T, due: string | null, today: string): T & { due: string | null; overdue: boolean } {
  return { ...row, due, overdue: due !== null && due < today };
}

/**
 * What waits for the actor (DESIGN §7): declarations to finish and returned ones to fix in its
 * project.write scope, and the department and finance review queues it may act on — each the
 * first `limit` items (oldest first) with the total, and the deadline for overdue marking.
 */
export async function inboxCounts(db: DbOrTx, actor: Actor, limit = 8, now = new Date()): Promise<InboxCounts> {
  const today = todayIso(now);
  const canFile = hasPermission(actor.roles, "project.write");

  /** `conds(place)`: the list's conditions in the given way of saying the scope. */
  async function list(conds: (place: Place) => SQL[], order: SQL[]) {
    const where = (place: Place) => and(scoped(actor, "project.read", place), ...conds(place));
    const [rows, total] = await Promise.all([
      selectRows(db)
        .where(where("paths"))
        .orderBy(...order, asc(objectives.id))
        .limit(limit),
      countObjectives(db, where("ids"), { cap: false }).then((c) => c.total), // the inbox says exactly how many wait
    ]);
    return { rows, total };
  }

  const empty = { items: [], total: 0 };
  const [drafts, returned, dept, finance] = await Promise.all([
    canFile ? list((place) => [scoped(actor, "project.write", place), eq(objectives.state, "draft")], [asc(objectives.fiscalYear), desc(objectives.updatedAt)]) : null,
    canFile ? list((place) => [scoped(actor, "project.write", place), eq(objectives.state, "returned")], [desc(objectives.updatedAt)]) : null,
    hasPermission(actor.roles, "declaration.review.department") ? list((place) => queueWhere(actor, "department", place), [sql`${objectives.submittedAt} asc nulls last`]) : null,
    hasPermission(actor.roles, "declaration.review.finance") ? list((place) => queueWhere(actor, "finance", place), [sql`${objectives.submittedAt} asc nulls last`]) : null,
  ]);

  // The latest review of each returned item says who returned it and why.
  const lastReview = new Map<number, { stage: ReviewStage; reasons: string | null }>();
  if (returned?.rows.length) {
    const ids = returned.rows.map((r) => r.id);
    const rows = await db
      .selectDistinctOn([reviews.objectiveId], { objectiveId: reviews.objectiveId, stage: reviews.stage, reasons: reviews.reasons })
      .from(reviews)
      .where(inArray(reviews.objectiveId, ids))
      .orderBy(reviews.objectiveId, desc(reviews.id));
    for (const r of rows) lastReview.set(r.objectiveId, { stage: r.stage, reasons: r.reasons });
  }

  const queue = (q: typeof dept) => (q ? { items: q.rows.map((r) => withDue(r, r.reviewDeadline, today)), total: q.total } : null);
  const deptQueue = queue(dept);
  const financeQueue = queue(finance);
  return {
    drafts: drafts ? { items: drafts.rows.map((r) => withDue(r, r.declarationEnd, today)), total: drafts.total } : empty,
    returned: returned
      ? {
          items: returned.rows.map((r) => ({
            ...withDue(r, r.declarationEnd, today),
            returnStage: lastReview.get(r.id)?.stage ?? null,
            returnReasons: lastReview.get(r.id)?.reasons ?? null,
          })),
          total: returned.total,
        }
      : empty,
    toReview: { department: deptQueue, finance: financeQueue, total: (deptQueue?.total ?? 0) + (financeQueue?.total ?? 0) },
  };
}

/**
 * The fiscal years open for declaration (status 'open') of the province of `regionPath` — the
 * province's fiscal_years rows hold the year and its deadlines — oldest first.
 */
export async function listOpenFiscalYears(db: DbOrTx, regionPath: string): Promise<number[]> {
  const province = Number(regionPath.split("/").filter(Boolean)[0]);
  if (!Number.isInteger(province)) return [];
  const rows = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.regionId, province), eq(fiscalYears.status, "open")))
    .orderBy(asc(fiscalYears.year));
  return rows.map((r) => r.year);
}

/** The fiscal years a department already has its overall objective (部门整体绩效目标) for: one per year. */
export async function departmentObjectiveYears(db: DbOrTx, orgId: number): Promise<number[]> {
  const rows = await db
    .select({ year: objectives.fiscalYear })
    .from(objectives)
    .where(and(eq(objectives.ownerOrgId, orgId), eq(objectives.subjectKind, "department")));
  return rows.map((r) => r.year);
}
