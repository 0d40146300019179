import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  appraisalAssignments,
  appraisals,
  fiscalYears,
  objectives,
  orgs,
  projects,
  regions,
  users,
  type AppraisalConclusion,
  type OrgKind,
  type ProjectCategory,
  type ProjectState,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { countRows, direction, likeEscape, pageWindow } from "@/lib/paging";
import type { ProjectListParams } from "./params";

const treeOrder = (col: typeof orgs.path | typeof regions.path) => sql`string_to_array(trim(both '/' from ${col}), '/')::int[]`;
const depthOf = (path: string) => Math.max(0, path.split("/").filter(Boolean).length - 1);

export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  tier: number;
  category: ProjectCategory;
  departmentName: string;
  ownerName: string;
  ownerKind: OrgKind;
  startYear: number;
  endYear: number;
  totalAmount: string;
  state: ProjectState;
}

const deptOrg = alias(orgs, "dept_org");

const PROJECT_ORDER = {
  code: projects.code,
  name: projects.name,
  amount: projects.totalAmount,
  state: projects.state,
  startYear: projects.startYear,
} as const;

/**
 * One page of the project pool the actor may read (project.read scope on the owner's place in
 * the org tree), filtered, sorted and counted in the database.
 */
export async function listProjects(
  db: DbOrTx,
  actor: Actor,
  params: ProjectListParams,
): Promise<{ rows: ProjectRow[]; total: number; page: number }> {
  const conds: SQL[] = [scopeWhere(actor, "project.read", { orgPath: orgs.path, regionPath: regions.path })];
  if (params.q) {
    const pattern = `%${likeEscape(params.q)}%`;
    conds.push(or(ilike(projects.name, pattern), ilike(projects.code, pattern)) as SQL);
  }
  // A fiscal year selects the projects whose implementation period covers it.
  if (params.year) conds.push(lte(projects.startYear, params.year), gte(projects.endYear, params.year));
  if (params.state) conds.push(eq(projects.state, params.state));
  if (params.departmentId) conds.push(eq(projects.departmentOrgId, params.departmentId));
  if (params.category) conds.push(eq(projects.category, params.category));
  const where = and(...conds);

  const { total } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(projects)
      .innerJoin(orgs, eq(orgs.id, projects.ownerOrgId))
      .innerJoin(regions, eq(regions.id, orgs.regionId))
      .where(where)
      .$dynamic(),
    { cap: false },
  );
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);
  const order = direction(params.dir);
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      tier: projects.tier,
      category: projects.category,
      departmentName: deptOrg.name,
      ownerName: orgs.name,
      ownerKind: orgs.kind,
      startYear: projects.startYear,
      endYear: projects.endYear,
      totalAmount: projects.totalAmount,
      state: projects.state,
    })
    .from(projects)
    .innerJoin(orgs, eq(orgs.id, projects.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentOrgId))
    .where(where)
    .orderBy(order(PROJECT_ORDER[params.sort]), asc(projects.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page };
}

export interface OwnerOption {
  id: number;
  name: string;
  kind: OrgKind;
  /** The line department a project of this owner belongs to. */
  departmentId: number;
  depth: number;
}

/** Units and departments the actor may file projects for (project.write scope), tree-ordered. */
export async function listOwnerOptions(db: DbOrTx, actor: Actor): Promise<OwnerOption[]> {
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, parentId: orgs.parentId, path: orgs.path })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(
      and(
        scopeWhere(actor, "project.write", { orgPath: orgs.path, regionPath: regions.path }),
        inArray(orgs.kind, ["unit", "department"]),
        eq(orgs.active, true),
      ),
    )
    .orderBy(treeOrder(regions.path), treeOrder(orgs.path));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    departmentId: r.kind === "unit" ? (r.parentId ?? r.id) : r.id,
    depth: depthOf(r.path),
  }));
}

export interface Tier1Option {
  id: number;
  code: string;
  name: string;
  departmentId: number;
}

/**
 * Tier-1 projects a new tier-2 project may sit under: those of the departments the actor files
 * for — exactly what createProject accepts as a parent.
 */
export async function listTier1Options(db: DbOrTx, departmentIds: number[]): Promise<Tier1Option[]> {
  if (departmentIds.length === 0) return [];
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name, departmentId: projects.departmentOrgId })
    .from(projects)
    .where(and(eq(projects.tier, 1), inArray(projects.departmentOrgId, [...new Set(departmentIds)]), sql`${projects.state} <> 'withdrawn'`))
    .orderBy(asc(projects.code));
}

/**
 * The department filter of the pool and the queues: the departments of the actor's own level
 * (本级部门) within its project.read scope. A province's finance reviewer is offered the
 * province's departments, not the two thousand of every city and county below; lists still
 * accept any department in scope by id.
 */
export async function listDepartmentOptions(db: DbOrTx, actor: Actor): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(
      and(
        scopeWhere(actor, "project.read", { orgPath: orgs.path, regionPath: regions.path }),
        eq(orgs.kind, "department"),
        eq(orgs.regionId, actor.regionId),
      ),
    )
    .orderBy(treeOrder(regions.path), treeOrder(orgs.path));
}

/** The fiscal years known to the system (for year filters), newest first. */
export async function listYearOptions(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: fiscalYears.year }).from(fiscalYears).orderBy(desc(fiscalYears.year));
  return rows.map((r) => r.year);
}

export interface ProjectObjectiveRow {
  id: number;
  fiscalYear: number;
  title: string;
  state: (typeof objectives.$inferSelect)["state"];
  requestedAmount: string;
  grade: (typeof objectives.$inferSelect)["grade"];
  approved: boolean;
  ownerName: string;
  submittedAt: Date | null;
  /** The ledger's current budget (元) and the first 安排's date (null: none arranged). */
  budget: string;
  arrangedOn: string | null;
}

/** The objectives of a project the actor may read, by fiscal year. */
export async function listProjectObjectives(db: DbOrTx, actor: Actor, projectId: number): Promise<ProjectObjectiveRow[]> {
  return db
    .select({
      id: objectives.id,
      fiscalYear: objectives.fiscalYear,
      title: objectives.title,
      state: objectives.state,
      requestedAmount: objectives.requestedAmount,
      grade: objectives.grade,
      approved: sql<boolean>`${objectives.approvedVersionId} is not null`,
      ownerName: orgs.name,
      submittedAt: objectives.submittedAt,
      budget: objectives.budgetCurrent,
      arrangedOn: objectives.budgetArrangedOn,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(and(eq(objectives.projectId, projectId), scopeWhere(actor, "project.read", { orgPath: orgs.path, regionPath: regions.path })))
    .orderBy(desc(objectives.fiscalYear), asc(objectives.id));
}

/** The years of a project that already have a (project-level) objective: one declaration per year. */
export async function declaredYears(db: DbOrTx, projectId: number): Promise<number[]> {
  const rows = await db
    .select({ year: objectives.fiscalYear })
    .from(objectives)
    .where(and(eq(objectives.projectId, projectId), sql`${objectives.parentObjectiveId} is null`));
  return rows.map((r) => r.year);
}

export type AppraisalRow = typeof appraisals.$inferSelect & { appraiserName: string };

/** A project's ex-ante appraisals, newest first. The caller has loaded the project in scope. */
export async function listAppraisals(db: DbOrTx, projectId: number): Promise<AppraisalRow[]> {
  const rows = await db
    .select({ a: appraisals, appraiserName: users.displayName })
    .from(appraisals)
    .innerJoin(users, eq(users.id, appraisals.appraiserId))
    .where(eq(appraisals.projectId, projectId))
    .orderBy(desc(appraisals.id));
  return rows.map((r) => ({ ...r.a, appraiserName: r.appraiserName }));
}

/** The province's appraisal threshold of a year (the root of the region path is the province). */
export async function appraisalThreshold(db: DbOrTx, regionPath: string, year: number): Promise<string | null> {
  const provinceId = Number(regionPath.split("/").filter(Boolean)[0]);
  if (!Number.isInteger(provinceId)) return null;
  const [fy] = await db
    .select({ threshold: fiscalYears.appraisalThreshold })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, year)));
  return fy?.threshold ?? null;
}

/** Agencies (第三方机构) the actor may engage for an ex-ante appraisal: appraisal.assign scope, active. */
export async function listAgencyOptions(db: DbOrTx, actor: Actor): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(
      and(
        scopeWhere(actor, "appraisal.assign", { orgPath: orgs.path, regionPath: regions.path }),
        eq(orgs.kind, "agency"),
        eq(orgs.active, true),
      ),
    )
    .orderBy(treeOrder(regions.path), treeOrder(orgs.path));
}

export interface EngagementRow {
  id: number;
  fiscalYear: number;
  agencyName: string;
  assignedByName: string;
  createdAt: Date;
  appraisalId: number | null;
  totalScore: string | null;
  conclusion: AppraisalConclusion | null;
}

const agencyOrg = alias(orgs, "agency_org");
const assigner = alias(users, "assigner");

/** The agencies engaged for a project's ex-ante appraisal (委托第三方评估), newest first. The caller has loaded the project in scope. */
export async function listProjectEngagements(db: DbOrTx, projectId: number): Promise<EngagementRow[]> {
  return db
    .select({
      id: appraisalAssignments.id,
      fiscalYear: appraisalAssignments.fiscalYear,
      agencyName: agencyOrg.name,
      assignedByName: assigner.displayName,
      createdAt: appraisalAssignments.createdAt,
      appraisalId: appraisalAssignments.appraisalId,
      totalScore: appraisals.totalScore,
      conclusion: appraisals.conclusion,
    })
    .from(appraisalAssignments)
    .innerJoin(agencyOrg, eq(agencyOrg.id, appraisalAssignments.agencyOrgId))
    .innerJoin(assigner, eq(assigner.id, appraisalAssignments.assignedBy))
    .leftJoin(appraisals, eq(appraisals.id, appraisalAssignments.appraisalId))
    .where(eq(appraisalAssignments.projectId, projectId))
    .orderBy(desc(appraisalAssignments.id));
}

export interface AgencyEngagementRow extends EngagementRow {
  projectId: number;
  projectCode: string;
  projectName: string;
  ownerName: string;
  departmentName: string;
  startYear: number;
  endYear: number;
  totalAmount: string;
  isNew: boolean;
  category: ProjectCategory;
  policyBasis: string | null;
}

/**
 * The engagements (委托事前评估) an actor works on, newest first: an evaluator's are those of its own
 * agency — its only way to a project, since it holds no project.read — and finance's those of the
 * projects of its region (appraisal.assign scope on the project owner's place).
 */
export async function listAgencyEngagements(db: DbOrTx, actor: Actor, limit = 100): Promise<AgencyEngagementRow[]> {
  const ownAgency = actor.roles.includes("evaluator") ? eq(appraisalAssignments.agencyOrgId, actor.orgId) : sql`false`;
  return db
    .select({
      id: appraisalAssignments.id,
      fiscalYear: appraisalAssignments.fiscalYear,
      agencyName: agencyOrg.name,
      assignedByName: assigner.displayName,
      createdAt: appraisalAssignments.createdAt,
      appraisalId: appraisalAssignments.appraisalId,
      totalScore: appraisals.totalScore,
      conclusion: appraisals.conclusion,
      projectId: projects.id,
      projectCode: projects.code,
      projectName: projects.name,
      ownerName: orgs.name,
      departmentName: deptOrg.name,
      startYear: projects.startYear,
      endYear: projects.endYear,
      totalAmount: projects.totalAmount,
      isNew: projects.isNew,
      category: projects.category,
      policyBasis: projects.policyBasis,
    })
    .from(appraisalAssignments)
    .innerJoin(projects, eq(projects.id, appraisalAssignments.projectId))
    .innerJoin(orgs, eq(orgs.id, projects.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, projects.departmentOrgId))
    .innerJoin(agencyOrg, eq(agencyOrg.id, appraisalAssignments.agencyOrgId))
    .innerJoin(assigner, eq(assigner.id, appraisalAssignments.assignedBy))
    .leftJoin(appraisals, eq(appraisals.id, appraisalAssignments.appraisalId))
    .where(or(ownAgency, scopeWhere(actor, "appraisal.assign", { orgPath: orgs.path, regionPath: regions.path })))
    .orderBy(desc(appraisalAssignments.createdAt), desc(appraisalAssignments.id))
    .limit(limit);
}
