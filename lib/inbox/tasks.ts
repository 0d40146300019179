import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  appraisalAssignments,
  fiscalYears,
  indicatorChangeRequests,
  keyEvaluations,
  monitoringPeriods,
  monitoringReports,
  monitoringWarnings,
  objectives,
  orgs,
  projects,
  rectificationTasks,
  regions,
  selfEvaluations,
  warningDispositions,
} from "@/db/schema";
import { provinceRegionId } from "@/lib/admin/queries";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { scopeWhere, scopeWhereByIds } from "@/lib/auth/scope";
import { todayIso } from "@/lib/format";
import { bounded, COUNT_CAP, type BoundedTotal } from "@/lib/paging";

/**
 * THE list of task kinds the inbox holds (待办), in the cycle's order. Each is a query in the
 * database, in the actor's scope (lib/auth/scope.ts) for the permission that lets it act, and
 * only for the fiscal years of the actor's province that are open (the current cycle): a closed
 * year's objects are not tasks any more, so they are neither listed nor overdue.
 */
export const TASK_KINDS = [
  "objectiveDraft",
  "objectiveReturned",
  "deptReview",
  "financeReview",
  "monitoringToFill",
  "monitoringToReview",
  "warningToDispose",
  "rectificationToDo",
  "evidenceToDecide",
  "indicatorChange",
  "selfEvalToFill",
  "selfEvalReturned",
  "selfEvalDeptReview",
  "selfEvalToAccept",
  "evalRectification",
  "keyEvalToFill",
  "keyEvalToAccept",
  "appraisalToRecord",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** One task: what it is about, where it is done, its deadline (a China date) if it has one. */
export interface Task {
  kind: TaskKind;
  id: number;
  title: string;
  href: string;
  due: string | null;
  fiscalYear: number | null;
  /** A short fact: the light of a warning, the owner of a declaration, finance's instruction. */
  note: string | null;
  overdue: boolean;
  /** Due today or within the next three days (and so not overdue). */
  dueSoon: boolean;
}

type Year = SQL | typeof objectives.fiscalYear;
type Open = (year: Year) => SQL;

/** The columns every kind selects, so that their counts are one UNION ALL and their items one shape. */
function cols(id: SQL, title: SQL, due: SQL, year: SQL, note: SQL, ref: SQL = sql`null::int`) {
  return {
    id: sql<number>`${id}`.as("id"),
    title: sql<string>`${title}`.as("title"),
    due: sql<string | null>`${due}`.as("due"),
    year: sql<number | null>`${year}`.as("year"),
    note: sql<string | null>`${note}`.as("note"),
    ref: sql<number | null>`${ref}`.as("ref"),
  };
}

/** The province's fiscal year of an object's year (its deadlines), joined by year. */
function fyJoin(actor: Actor, year: Year) {
  return and(eq(fiscalYears.regionId, provinceRegionId(actor.regionPath) ?? -1), eq(fiscalYears.year, sql`${year}`));
}

function objectiveQuery(db: DbOrTx, actor: Actor, open: Open, due: SQL, conds: SQL[]) {
  return db
    .select(cols(sql`${objectives.id}`, sql`${objectives.title}`, due, sql`${objectives.fiscalYear}`, sql`${orgs.name}`))
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .leftJoin(fiscalYears, fyJoin(actor, objectives.fiscalYear))
    .where(and(open(objectives.fiscalYear), ...conds))
    .orderBy(sql`${due} asc nulls last`, asc(objectives.id))
    .$dynamic();
}

type TaskQuery = ReturnType<typeof objectiveQuery>;

interface Def {
  permission: Permission;
  /** Where the whole list is worked through. */
  listHref: string;
  /** The item's page from its row (`ref`: a second id some kinds need). */
  href: (row: { id: number; ref: number | null }) => string;
  query: (db: DbOrTx, actor: Actor, open: Open) => TaskQuery;
}

function reportQuery(db: DbOrTx, open: Open, due: SQL, conds: SQL[]) {
  return db
    .select(cols(sql`${monitoringReports.id}`, sql`${objectives.title}`, due, sql`${monitoringPeriods.fiscalYear}`, sql`${orgs.name}`))
    .from(monitoringReports)
    .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringReports.periodId))
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
    .where(and(open(sql`${monitoringPeriods.fiscalYear}`), ...conds))
    .orderBy(sql`${due} asc nulls last`, asc(monitoringReports.id))
    .$dynamic() as unknown as TaskQuery;
}

function dispositionQuery(db: DbOrTx, open: Open, due: SQL, conds: SQL[]) {
  return db
    .select(cols(sql`${warningDispositions.id}`, sql`${objectives.title}`, due, sql`${monitoringPeriods.fiscalYear}`, sql`${warningDispositions.comment}`, sql`${monitoringWarnings.reportId}`))
    .from(warningDispositions)
    .innerJoin(monitoringWarnings, eq(monitoringWarnings.id, warningDispositions.warningId))
    .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringWarnings.periodId))
    .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
    .where(and(open(sql`${monitoringPeriods.fiscalYear}`), ...conds))
    .orderBy(sql`${due} asc nulls last`, asc(warningDispositions.id))
    .$dynamic() as unknown as TaskQuery;
}

function selfEvalQuery(db: DbOrTx, actor: Actor, open: Open, conds: SQL[]) {
  return db
    .select(cols(sql`${selfEvaluations.id}`, sql`${objectives.title}`, sql`${fiscalYears.selfEvaluationDeadline}`, sql`${selfEvaluations.fiscalYear}`, sql`${orgs.name}`))
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .leftJoin(fiscalYears, fyJoin(actor, sql`${selfEvaluations.fiscalYear}`))
    .where(and(open(sql`${selfEvaluations.fiscalYear}`), ...conds))
    .orderBy(sql`${fiscalYears.selfEvaluationDeadline} asc nulls last`, asc(selfEvaluations.id))
    .$dynamic() as unknown as TaskQuery;
}

function keyEvalQuery(db: DbOrTx, open: Open, conds: SQL[]) {
  return db
    .select(cols(sql`${keyEvaluations.id}`, sql`${objectives.title}`, sql`null::date`, sql`${keyEvaluations.fiscalYear}`, sql`${orgs.name}`))
    .from(keyEvaluations)
    .innerJoin(objectives, eq(objectives.id, keyEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .where(and(open(sql`${keyEvaluations.fiscalYear}`), ...conds))
    .orderBy(asc(keyEvaluations.createdAt), asc(keyEvaluations.id))
    .$dynamic() as unknown as TaskQuery;
}

const objIds = { ownerOrgId: objectives.ownerOrgId, regionId: objectives.regionId };
const reportIds = { ownerOrgId: monitoringReports.ownerOrgId, regionId: monitoringReports.regionId };
const warningIds = { ownerOrgId: monitoringWarnings.ownerOrgId, regionId: monitoringWarnings.regionId };
const seIds = { ownerOrgId: selfEvaluations.ownerOrgId, regionId: selfEvaluations.regionId };

const DEFS: Record<TaskKind, Def> = {
  objectiveDraft: {
    permission: "project.write",
    listHref: "/projects",
    href: (r) => `/objectives/${r.id}`,
    query: (db, actor, open) => objectiveQuery(db, actor, open, sql`${fiscalYears.declarationEnd}`, [eq(objectives.state, "draft"), scopeWhereByIds(actor, "project.write", objIds)]),
  },
  objectiveReturned: {
    permission: "project.write",
    listHref: "/projects",
    href: (r) => `/objectives/${r.id}`,
    query: (db, actor, open) => objectiveQuery(db, actor, open, sql`${fiscalYears.declarationEnd}`, [eq(objectives.state, "returned"), scopeWhereByIds(actor, "project.write", objIds)]),
  },
  deptReview: {
    permission: "declaration.review.department",
    listHref: "/review/department",
    href: (r) => `/objectives/${r.id}`,
    query: (db, actor, open) =>
      objectiveQuery(db, actor, open, sql`${fiscalYears.reviewDeadline}`, [eq(objectives.state, "dept_review"), scopeWhereByIds(actor, "declaration.review.department", objIds)]),
  },
  financeReview: {
    permission: "declaration.review.finance",
    listHref: "/review/finance",
    href: (r) => `/objectives/${r.id}`,
    query: (db, actor, open) =>
      objectiveQuery(db, actor, open, sql`${fiscalYears.reviewDeadline}`, [eq(objectives.state, "finance_review"), scopeWhereByIds(actor, "declaration.review.finance", objIds)]),
  },
  monitoringToFill: {
    permission: "project.write",
    listHref: "/monitoring",
    href: (r) => `/monitoring/reports/${r.id}`,
    query: (db, actor, open) =>
      reportQuery(db, open, sql`${monitoringPeriods.deadline}`, [inArray(monitoringReports.state, ["draft", "returned"]), scopeWhereByIds(actor, "project.write", reportIds)]),
  },
  monitoringToReview: {
    permission: "declaration.review.department",
    listHref: "/monitoring",
    href: (r) => `/monitoring/reports/${r.id}`,
    query: (db, actor, open) => reportQuery(db, open, sql`null::date`, [eq(monitoringReports.state, "dept_review"), scopeWhereByIds(actor, "declaration.review.department", reportIds)]),
  },
  // Red and yellow warnings finance has not disposed of yet (DESIGN §3.6), red first.
  warningToDispose: {
    permission: "warning.dispose",
    listHref: "/warnings",
    href: (r) => `/monitoring/reports/${r.ref}`,
    query: (db, actor, open) =>
      db
        .select(cols(sql`${monitoringWarnings.id}`, sql`${objectives.title}`, sql`null::date`, sql`${monitoringPeriods.fiscalYear}`, sql`${monitoringWarnings.light}::text`, sql`${monitoringWarnings.reportId}`))
        .from(monitoringWarnings)
        .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringWarnings.periodId))
        .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
        .where(
          and(
            open(sql`${monitoringPeriods.fiscalYear}`),
            eq(monitoringWarnings.state, "open"),
            inArray(monitoringWarnings.light, ["red", "yellow"]),
            scopeWhereByIds(actor, "warning.dispose", warningIds),
          ),
        )
        .orderBy(sql`(${monitoringWarnings.light} = 'red') desc`, asc(monitoringWarnings.createdAt), asc(monitoringWarnings.id))
        .$dynamic() as unknown as TaskQuery,
  },
  rectificationToDo: {
    permission: "project.write",
    listHref: "/monitoring",
    href: (r) => `/monitoring/reports/${r.ref}`,
    query: (db, actor, open) =>
      dispositionQuery(db, open, sql`${warningDispositions.rectifyDeadline}`, [eq(warningDispositions.rectificationState, "open"), scopeWhereByIds(actor, "project.write", warningIds)]),
  },
  evidenceToDecide: {
    permission: "warning.dispose",
    listHref: "/warnings",
    href: (r) => `/monitoring/reports/${r.ref}`,
    query: (db, actor, open) =>
      dispositionQuery(db, open, sql`null::date`, [eq(warningDispositions.rectificationState, "evidence_submitted"), scopeWhereByIds(actor, "warning.dispose", warningIds)]),
  },
  // Change requests belong to no fiscal year: every pending one of a department in the scope.
  indicatorChange: {
    permission: "indicator.manage",
    listHref: "/indicators/changes",
    href: () => "/indicators/changes",
    query: (db, actor) =>
      db
        .select(
          cols(
            sql`${indicatorChangeRequests.id}`,
            sql`coalesce(${indicatorChangeRequests.proposed} ->> 'name', ${indicatorChangeRequests.indicatorCode}, '#' || ${indicatorChangeRequests.id})`,
            sql`null::date`,
            sql`null::int`,
            sql`${orgs.name}`,
          ),
        )
        .from(indicatorChangeRequests)
        .innerJoin(orgs, eq(orgs.id, indicatorChangeRequests.proposerOrgId))
        .innerJoin(regions, eq(regions.id, orgs.regionId))
        .where(and(eq(indicatorChangeRequests.status, "pending"), scopeWhere(actor, "indicator.manage", { orgPath: orgs.path, regionPath: regions.path })))
        .orderBy(asc(indicatorChangeRequests.createdAt), asc(indicatorChangeRequests.id))
        .$dynamic() as unknown as TaskQuery,
  },
  // Approved objectives with no self-evaluation yet, or one still in draft.
  selfEvalToFill: {
    permission: "project.write",
    listHref: "/evaluation",
    href: (r) => (r.ref ? `/evaluation/${r.ref}` : "/evaluation"),
    query: (db, actor, open) =>
      db
        .select(cols(sql`${objectives.id}`, sql`${objectives.title}`, sql`${fiscalYears.selfEvaluationDeadline}`, sql`${objectives.fiscalYear}`, sql`${orgs.name}`, sql`${selfEvaluations.id}`))
        .from(objectives)
        .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
        .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
        .leftJoin(fiscalYears, fyJoin(actor, objectives.fiscalYear))
        .where(
          and(
            open(objectives.fiscalYear),
            sql`${objectives.approvedVersionId} is not null`,
            or(isNull(selfEvaluations.id), eq(selfEvaluations.state, "draft")),
            scopeWhereByIds(actor, "project.write", objIds),
          ),
        )
        .orderBy(sql`${fiscalYears.selfEvaluationDeadline} asc nulls last`, asc(objectives.id))
        .$dynamic() as unknown as TaskQuery,
  },
  selfEvalReturned: {
    permission: "project.write",
    listHref: "/evaluation?state=returned",
    href: (r) => `/evaluation/${r.id}`,
    query: (db, actor, open) => selfEvalQuery(db, actor, open, [eq(selfEvaluations.state, "returned"), scopeWhereByIds(actor, "project.write", seIds)]),
  },
  selfEvalDeptReview: {
    permission: "evaluation.review.department",
    listHref: "/evaluation?state=dept_review",
    href: (r) => `/evaluation/${r.id}`,
    query: (db, actor, open) => selfEvalQuery(db, actor, open, [eq(selfEvaluations.state, "dept_review"), scopeWhereByIds(actor, "evaluation.review.department", seIds)]),
  },
  selfEvalToAccept: {
    permission: "evaluation.review.finance",
    listHref: "/evaluation?state=finance_review",
    href: (r) => `/evaluation/${r.id}`,
    query: (db, actor, open) => selfEvalQuery(db, actor, open, [eq(selfEvaluations.state, "finance_review"), scopeWhereByIds(actor, "evaluation.review.finance", seIds)]),
  },
  evalRectification: {
    permission: "project.write",
    listHref: "/evaluation/rectification",
    href: () => "/evaluation/rectification",
    query: (db, actor, open) =>
      db
        .select(cols(sql`${rectificationTasks.id}`, sql`${objectives.title}`, sql`${rectificationTasks.deadline}`, sql`${selfEvaluations.fiscalYear}`, sql`${rectificationTasks.requirement}`))
        .from(rectificationTasks)
        .innerJoin(selfEvaluations, eq(selfEvaluations.id, rectificationTasks.selfEvaluationId))
        .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
        .where(
          and(
            open(sql`${selfEvaluations.fiscalYear}`),
            eq(rectificationTasks.state, "open"),
            scopeWhereByIds(actor, "project.write", { ownerOrgId: rectificationTasks.ownerOrgId, regionId: rectificationTasks.regionId }),
          ),
        )
        .orderBy(asc(rectificationTasks.deadline), asc(rectificationTasks.id))
        .$dynamic() as unknown as TaskQuery,
  },
  // The evaluator's agency fills the key evaluations it was assigned (its own organisation, not the owner's).
  keyEvalToFill: {
    permission: "evaluation.key.fill",
    listHref: "/evaluation/key",
    href: () => "/evaluation/key",
    query: (db, actor, open) => keyEvalQuery(db, open, [eq(keyEvaluations.state, "assigned"), eq(keyEvaluations.agencyOrgId, actor.orgId)]),
  },
  keyEvalToAccept: {
    permission: "evaluation.review.finance",
    listHref: "/evaluation/key",
    href: () => "/evaluation/key",
    query: (db, actor, open) =>
      keyEvalQuery(db, open, [
        eq(keyEvaluations.state, "submitted"),
        scopeWhereByIds(actor, "evaluation.review.finance", { ownerOrgId: keyEvaluations.ownerOrgId, regionId: keyEvaluations.regionId }),
      ]),
  },
  // Ex-ante appraisals the evaluator's agency was engaged for and has not recorded (evaluators only:
  // finance records the appraisals it makes itself from the project, not from a queue).
  appraisalToRecord: {
    permission: "evaluation.key.fill",
    listHref: "/appraisals",
    href: () => "/appraisals",
    query: (db, actor, open) =>
      db
        .select(cols(sql`${appraisalAssignments.id}`, sql`${projects.name}`, sql`null::date`, sql`${appraisalAssignments.fiscalYear}`, sql`${orgs.name}`))
        .from(appraisalAssignments)
        .innerJoin(projects, eq(projects.id, appraisalAssignments.projectId))
        .innerJoin(orgs, eq(orgs.id, projects.ownerOrgId))
        .where(and(open(sql`${appraisalAssignments.fiscalYear}`), isNull(appraisalAssignments.appraisalId), eq(appraisalAssignments.agencyOrgId, actor.orgId)))
        .orderBy(asc(appraisalAssignments.createdAt), asc(appraisalAssignments.id))
        .$dynamic() as unknown as TaskQuery,
  },
};

/** The kinds the actor's roles can have, in TASK_KINDS order. */
export function taskKindsFor(actor: Pick<Actor, "roles">): TaskKind[] {
  return TASK_KINDS.filter((k) => hasPermission(actor.roles, DEFS[k].permission));
}

/** The condition "this year is one of the open fiscal years of the actor's province" (the current cycle). */
function openYears(actor: Actor): Open {
  const province = provinceRegionId(actor.regionPath) ?? -1;
  return (year) => sql`${year} in (select open_fy.year from ${fiscalYears} open_fy where open_fy.region_id = ${province} and open_fy.status = 'open')`;
}

function queryOf(db: DbOrTx, actor: Actor, kind: TaskKind) {
  return DEFS[kind].query(db, actor, openYears(actor));
}

/** A yyyy-MM-dd date `n` days later. */
export function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface TaskCounts {
  byKind: Partial<Record<TaskKind, BoundedTotal>>;
  total: number;
  /** Some kind has more than COUNT_CAP: the total is a lower bound. */
  capped: boolean;
}

/**
 * The counts of every kind the actor can have, each capped at COUNT_CAP, in ONE query (a
 * UNION ALL of capped counts): what the navigation shows on every page.
 */
export async function countTasks(db: DbOrTx, actor: Actor): Promise<TaskCounts> {
  const kinds = taskKindsFor(actor);
  if (!kinds.length) return { byKind: {}, total: 0, capped: false };
  const counts = kinds.map((k) =>
    db
      .select({ kind: sql<string>`${k}::text`.as("kind"), n: sql<number>`count(*)::int`.as("n") })
      .from(
        queryOf(db, actor, k)
          .limit(COUNT_CAP + 1)
          .as(`t_${k}`),
      ),
  );
  const [first, second, ...rest] = counts;
  const rows: { kind: string; n: number }[] = second ? await unionAll(first, second, ...rest) : await first;
  const byKind: Partial<Record<TaskKind, BoundedTotal>> = {};
  let total = 0;
  let capped = false;
  for (const r of rows) {
    const b = bounded(Number(r.n));
    byKind[r.kind as TaskKind] = b;
    total += b.total;
    capped ||= b.capped;
  }
  return { byKind, total, capped };
}

export interface TaskGroup {
  kind: TaskKind;
  listHref: string;
  count: BoundedTotal;
  items: Task[];
}

function toTask(kind: TaskKind, r: { id: unknown; title: string; due: unknown; year: unknown; note: string | null; ref: unknown }, today: string, soon: string): Task {
  const due = r.due ? String(r.due).slice(0, 10) : null;
  const id = Number(r.id);
  return {
    kind,
    id,
    title: r.title,
    href: DEFS[kind].href({ id, ref: r.ref == null ? null : Number(r.ref) }),
    due,
    fiscalYear: r.year == null ? null : Number(r.year),
    note: r.note,
    overdue: due !== null && due < today,
    dueSoon: due !== null && due >= today && due <= soon,
  };
}

/**
 * The inbox: per kind the actor can have, its capped count and first `limit` tasks with their
 * deadlines; overdue and due-soon are judged on China's calendar day (`now`).
 */
export async function listTasks(db: DbOrTx, actor: Actor, opts: { limit?: number; now?: Date } = {}): Promise<TaskGroup[]> {
  const limit = opts.limit ?? 5;
  const today = todayIso(opts.now);
  const soon = plusDays(today, 3);
  const kinds = taskKindsFor(actor);
  const [counts, lists] = await Promise.all([countTasks(db, actor), Promise.all(kinds.map((k) => queryOf(db, actor, k).limit(limit)))]);
  return kinds.map((kind, i) => ({
    kind,
    listHref: DEFS[kind].listHref,
    count: counts.byKind[kind] ?? { total: 0, capped: false },
    items: lists[i].map((r) => toTask(kind, r, today, soon)),
  }));
}

/**
 * The actor's tasks with a deadline that is overdue or due within three days (the current cycle
 * only), at most `limit` per kind: what the deadline reminders are written from.
 */
export async function deadlineTasks(db: DbOrTx, actor: Actor, opts: { limit?: number; now?: Date } = {}): Promise<Task[]> {
  const limit = opts.limit ?? 20;
  const today = todayIso(opts.now);
  const soon = plusDays(today, 3);
  const kinds = taskKindsFor(actor);
  const lists = await Promise.all(kinds.map((k) => queryOf(db, actor, k).limit(limit)));
  return kinds.flatMap((kind, i) => lists[i].map((r) => toTask(kind, r, today, soon)).filter((t) => t.overdue || t.dueSoon));
}
