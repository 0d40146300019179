import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  monitoringPeriods,
  monitoringReportIndicators,
  monitoringReports,
  monitoringWarnings,
  objectiveIndicators,
  objectives,
  orgs,
  rectificationFiles,
  regions,
  users,
  warningDispositions,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { scopeWhere, scopeWhereByIds } from "@/lib/auth/scope";
import { countRows, direction, pageWindow } from "@/lib/paging";
import type { ReportListParams, WarningListParams } from "./params";

const deptOrg = alias(orgs, "dept_org");
const ownerPlace = { orgPath: orgs.path, regionPath: regions.path };

/** Periods of the actor's region and the regions above it that it can see, newest first. */
export async function listPeriods(db: DbOrTx, actor: Actor) {
  const ids = actor.regionPath.split("/").filter(Boolean).map(Number);
  return db
    .select({ id: monitoringPeriods.id, fiscalYear: monitoringPeriods.fiscalYear, throughMonth: monitoringPeriods.throughMonth, deadline: monitoringPeriods.deadline, regionName: regions.name, regionId: monitoringPeriods.regionId })
    .from(monitoringPeriods)
    .innerJoin(regions, eq(regions.id, monitoringPeriods.regionId))
    .where(ids.length ? inArray(monitoringPeriods.regionId, ids) : sql`false`)
    .orderBy(desc(monitoringPeriods.fiscalYear), desc(monitoringPeriods.throughMonth));
}

/** One page of the reports the actor may read (project.read scope), newest period first. */
export async function listReports(db: DbOrTx, actor: Actor, params: ReportListParams) {
  const conds: SQL[] = [scopeWhere(actor, "project.read", ownerPlace)];
  if (params.periodId) conds.push(eq(monitoringReports.periodId, params.periodId));
  if (params.state) conds.push(eq(monitoringReports.state, params.state));
  const where = and(...conds);
  const { total } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(monitoringReports)
      .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
      .innerJoin(regions, eq(regions.id, orgs.regionId))
      .where(where)
      .$dynamic(),
    { cap: false },
  );
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);
  const rows = await db
    .select({
      id: monitoringReports.id,
      title: objectives.title,
      objectiveId: objectives.id,
      ownerName: orgs.name,
      fiscalYear: monitoringPeriods.fiscalYear,
      throughMonth: monitoringPeriods.throughMonth,
      deadline: monitoringPeriods.deadline,
      state: monitoringReports.state,
      budget: monitoringReports.budget,
      executedAmount: monitoringReports.executedAmount,
      executionIndex: monitoringReports.executionIndex,
      executionLight: monitoringReports.executionLight,
    })
    .from(monitoringReports)
    .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringReports.periodId))
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(where)
    .orderBy(desc(monitoringPeriods.fiscalYear), desc(monitoringPeriods.throughMonth), asc(objectives.title), asc(monitoringReports.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page };
}


/** One page of warnings in the actor's warning.read scope, filtered by region, department, colour, rule and state in SQL. */
export async function listWarnings(db: DbOrTx, actor: Actor, params: WarningListParams) {
  const conds: SQL[] = [];
  if (params.year) conds.push(eq(monitoringPeriods.fiscalYear, params.year));
  if (params.periodId) conds.push(eq(monitoringWarnings.periodId, params.periodId));
  if (params.regionId) conds.push(eq(monitoringWarnings.regionId, params.regionId));
  if (params.departmentId) conds.push(eq(monitoringWarnings.departmentOrgId, params.departmentId));
  if (params.light) conds.push(eq(monitoringWarnings.light, params.light));
  if (params.rule) conds.push(eq(monitoringWarnings.rule, params.rule));
  if (params.state) conds.push(eq(monitoringWarnings.state, params.state));
  // The count is scoped by the warning's own owner and region ids and joins no organisation per
  // row; the page joins them anyway, and is scoped by their paths (the same rows: lib/auth/scope.ts).
  const where = and(scopeWhere(actor, "warning.read", ownerPlace), ...conds);
  const countWhere = and(scopeWhereByIds(actor, "warning.read", { ownerOrgId: monitoringWarnings.ownerOrgId, regionId: monitoringWarnings.regionId }), ...conds);
  const { total, capped } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(monitoringWarnings)
      .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringWarnings.periodId))
      .where(countWhere)
      .$dynamic(),
  );
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);
  const dir = direction(params.dir);
  // The light enum is declared green < yellow < red, so it sorts by severity itself; with the
  // newest first and the id in the same direction, a page is a walk along monitoring_warnings_light_idx.
  const order =
    params.sort === "light"
      ? [dir(monitoringWarnings.light), dir(monitoringWarnings.createdAt), dir(monitoringWarnings.id)]
      : params.sort === "title"
        ? [dir(objectives.title), asc(monitoringWarnings.id)]
        : [dir(monitoringWarnings.createdAt), dir(monitoringWarnings.id)];
  const rows = await db
    .select({
      warning: monitoringWarnings,
      title: objectives.title,
      ownerName: orgs.name,
      departmentName: deptOrg.name,
      regionName: regions.name,
      fiscalYear: monitoringPeriods.fiscalYear,
      throughMonth: monitoringPeriods.throughMonth,
      disposition: warningDispositions,
      // The warning's place in the org tree: what its workflow's available() reads (the page's buttons).
      orgPath: orgs.path,
      regionPath: regions.path,
    })
    .from(monitoringWarnings)
    .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringWarnings.periodId))
    .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
    .innerJoin(orgs, eq(orgs.id, monitoringWarnings.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, monitoringWarnings.departmentOrgId))
    .leftJoin(warningDispositions, eq(warningDispositions.warningId, monitoringWarnings.id))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return { rows, total, capped, page };
}

/** Chart data in the actor's scope for a period: execution-light counts per department, and each report's rate against time progress. */
export async function chartData(db: DbOrTx, actor: Actor, periodId: number) {
  const where = and(scopeWhere(actor, "warning.read", ownerPlace), eq(monitoringReports.periodId, periodId), sql`${monitoringReports.executionLight} is not null`);
  const byDept = await db
    .select({ departmentId: deptOrg.id, department: deptOrg.name, light: monitoringReports.executionLight, n: count() })
    .from(monitoringReports)
    .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, monitoringReports.departmentOrgId))
    .where(where)
    .groupBy(deptOrg.id, deptOrg.name, monitoringReports.executionLight)
    .orderBy(asc(deptOrg.name));
  const points = await db
    .select({
      id: monitoringReports.id,
      title: objectives.title,
      budget: monitoringReports.budget,
      adjustedBudget: monitoringReports.adjustedBudget,
      executed: monitoringReports.executedAmount,
      index: monitoringReports.executionIndex,
      light: monitoringReports.executionLight,
    })
    .from(monitoringReports)
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(where)
    .orderBy(asc(monitoringReports.executionIndex))
    .limit(200);
  return { byDept, points };
}

/** Warnings (with dispositions) of one report, for the report page: the filer and the department see finance's decisions. */
export async function reportWarnings(db: DbOrTx, reportId: number) {
  return db
    .select({ warning: monitoringWarnings, disposition: warningDispositions, decidedByName: users.displayName })
    .from(monitoringWarnings)
    .leftJoin(warningDispositions, eq(warningDispositions.warningId, monitoringWarnings.id))
    .leftJoin(users, eq(users.id, warningDispositions.decidedBy))
    .where(eq(monitoringWarnings.reportId, reportId))
    .orderBy(desc(monitoringWarnings.light), asc(monitoringWarnings.id));
}

/** A subject's monitoring history, period by period, with each indicator line (the caller has checked access to the objective). */
export async function objectiveHistory(db: DbOrTx, objectiveId: number) {
  const reports = await db
    .select({ report: monitoringReports, period: monitoringPeriods })
    .from(monitoringReports)
    .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringReports.periodId))
    .where(eq(monitoringReports.objectiveId, objectiveId))
    .orderBy(asc(monitoringPeriods.fiscalYear), asc(monitoringPeriods.throughMonth));
  if (!reports.length) return { reports, lines: [], indicators: [], warnings: [] };
  const ids = reports.map((r) => r.report.id);
  const [lines, inds, warnings] = await Promise.all([
    db.select().from(monitoringReportIndicators).where(inArray(monitoringReportIndicators.reportId, ids)),
    db
      .select()
      .from(objectiveIndicators)
      .where(inArray(objectiveIndicators.versionId, [...new Set(reports.map((r) => r.report.versionId))]))
      .orderBy(asc(objectiveIndicators.ordinal)),
    db
      .select({ reportId: monitoringWarnings.reportId, rule: monitoringWarnings.rule, light: monitoringWarnings.light, kind: warningDispositions.kind })
      .from(monitoringWarnings)
      .leftJoin(warningDispositions, eq(warningDispositions.warningId, monitoringWarnings.id))
      .where(inArray(monitoringWarnings.reportId, ids)),
  ]);
  return { reports, lines, indicators: inds, warnings };
}

export interface MonitoringInbox {
  toFill: { id: number; title: string; fiscalYear: number; throughMonth: number; deadline: string; state: string }[];
  toReview: { id: number; title: string; ownerName: string; fiscalYear: number; throughMonth: number }[];
  rectifications: { id: number; reportId: number; title: string; deadline: string | null; comment: string; state: string; evidenceReview: string | null }[];
  evidenceToCheck: { id: number; reportId: number; title: string; ownerName: string }[];
}

/** What monitoring puts in the actor's inbox: reports to fill or fix, reports to review, rectifications to carry out, evidence to check. */
export async function monitoringInbox(db: DbOrTx, actor: Actor, limit = 20): Promise<MonitoringInbox> {
  const empty: MonitoringInbox = { toFill: [], toReview: [], rectifications: [], evidenceToCheck: [] };
  const canFile = hasPermission(actor.roles, "project.write");
  const report = () =>
    db
      .select({
        id: monitoringReports.id,
        title: objectives.title,
        ownerName: orgs.name,
        fiscalYear: monitoringPeriods.fiscalYear,
        throughMonth: monitoringPeriods.throughMonth,
        deadline: monitoringPeriods.deadline,
        state: monitoringReports.state,
      })
      .from(monitoringReports)
      .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringReports.periodId))
      .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
      .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
      .innerJoin(regions, eq(regions.id, orgs.regionId));
  const rect = () =>
    db
      .select({
        id: warningDispositions.id,
        reportId: monitoringWarnings.reportId,
        title: objectives.title,
        ownerName: orgs.name,
        deadline: warningDispositions.rectifyDeadline,
        comment: warningDispositions.comment,
        state: warningDispositions.rectificationState,
        evidenceReview: warningDispositions.evidenceReview,
      })
      .from(warningDispositions)
      .innerJoin(monitoringWarnings, eq(monitoringWarnings.id, warningDispositions.warningId))
      .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
      .innerJoin(orgs, eq(orgs.id, monitoringWarnings.ownerOrgId))
      .innerJoin(regions, eq(regions.id, orgs.regionId));
  const [toFill, toReview, rectifications, evidenceToCheck] = await Promise.all([
    canFile
      ? report()
          .where(and(scopeWhere(actor, "project.write", ownerPlace), inArray(monitoringReports.state, ["draft", "returned"])))
          .orderBy(asc(monitoringPeriods.deadline), asc(monitoringReports.id))
          .limit(limit)
      : [],
    hasPermission(actor.roles, "declaration.review.department")
      ? report()
          .where(and(scopeWhere(actor, "declaration.review.department", ownerPlace), eq(monitoringReports.state, "dept_review")))
          .orderBy(asc(monitoringReports.submittedAt), asc(monitoringReports.id))
          .limit(limit)
      : [],
    canFile
      ? rect()
          .where(and(scopeWhere(actor, "project.write", ownerPlace), inArray(warningDispositions.rectificationState, ["open", "evidence_submitted"])))
          .orderBy(asc(warningDispositions.rectifyDeadline), asc(warningDispositions.id))
          .limit(limit)
      : [],
    hasPermission(actor.roles, "warning.dispose")
      ? rect()
          .where(and(scopeWhere(actor, "warning.dispose", ownerPlace), eq(warningDispositions.rectificationState, "evidence_submitted")))
          .orderBy(asc(warningDispositions.evidenceAt), asc(warningDispositions.id))
          .limit(limit)
      : [],
  ]);
  return {
    ...empty,
    toFill,
    toReview,
    rectifications: rectifications.map((r) => ({ ...r, state: r.state ?? "open" })),
    evidenceToCheck,
  };
}

/** Regions the actor's warning scope covers (its own and those below), for the region filter. */
export async function listRegionOptions(db: DbOrTx, actor: Actor) {
  return db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(sql`${regions.path} like ${`${actor.regionPath}%`}`)
    .orderBy(asc(regions.path));
}

/** The evidence files of some dispositions (names and sizes, never the bytes). */
export async function evidenceFiles(db: DbOrTx, dispositionIds: number[]) {
  if (!dispositionIds.length) return [];
  return db
    .select({ id: rectificationFiles.id, dispositionId: rectificationFiles.dispositionId, filename: rectificationFiles.filename, size: rectificationFiles.size })
    .from(rectificationFiles)
    .where(inArray(rectificationFiles.dispositionId, dispositionIds))
    .orderBy(asc(rectificationFiles.createdAt));
}
