import "server-only";
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { evaluationRuleSets, keyEvaluations, objectives, orgs, reEvaluationItems, reEvaluationSamples, rectificationTasks, regions, selfEvaluationEvidence, selfEvaluations, SELF_EVALUATION_STATES, type SelfEvaluationState } from "@/db/schema";
import { GRADES, type Grade } from "@/db/schema/enums";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import { countRows, direction, pageWindow } from "@/lib/paging";

const deptOrg = alias(orgs, "se_dept_org");
const place = { orgPath: orgs.path, regionPath: regions.path };

export const SELF_EVALUATION_SORTS = ["id", "title", "score", "submittedAt"] as const;

/**
 * The self-evaluations matching `where` — a condition on them, their owner (orgs) and their region
 * (regions), such as scopeWhere on those paths — counted exactly for a pager. The self-evaluation
 * list and the disclosure desk's result candidates count with it.
 */
export function countScopedSelfEvaluations(db: DbOrTx, where: SQL | undefined) {
  return countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(selfEvaluations)
      .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
      .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
      .where(where)
      .$dynamic(),
    { cap: false },
  );
}

/** The list's query string; anything malformed falls back to its default. */
export const selfEvaluationListParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  state: z.enum(SELF_EVALUATION_STATES).optional().catch(undefined),
  grade: z.enum(GRADES).optional().catch(undefined),
  sort: z.enum(SELF_EVALUATION_SORTS).catch("id"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});
export type SelfEvaluationListParams = z.output<typeof selfEvaluationListParams>;

export interface SelfEvaluationRow {
  id: number;
  objectiveId: number;
  title: string;
  ownerName: string;
  departmentName: string;
  fiscalYear: number;
  state: SelfEvaluationState;
  totalScore: string | null;
  grade: Grade | null;
  budgetAmount: string;
  executedAmount: string;
  submittedAt: Date | null;
}

const ORDER = {
  id: selfEvaluations.id,
  title: objectives.title,
  score: selfEvaluations.totalScore,
  submittedAt: selfEvaluations.submittedAt,
};

/** One page of the self-evaluations the actor may read, filtered, sorted and counted in the database. */
export async function listSelfEvaluations(db: DbOrTx, actor: Actor, params: SelfEvaluationListParams) {
  const conds: SQL[] = [scopeWhere(actor, "project.read", place)];
  if (params.year) conds.push(eq(selfEvaluations.fiscalYear, params.year));
  if (params.state) conds.push(eq(selfEvaluations.state, params.state));
  if (params.grade) conds.push(eq(selfEvaluations.grade, params.grade));
  const where = and(...conds);
  const { total } = await countScopedSelfEvaluations(db, where);
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);
  const order = direction(params.dir);
  const rows: SelfEvaluationRow[] = await db
    .select({
      id: selfEvaluations.id,
      objectiveId: selfEvaluations.objectiveId,
      title: objectives.title,
      ownerName: orgs.name,
      departmentName: deptOrg.name,
      fiscalYear: selfEvaluations.fiscalYear,
      state: selfEvaluations.state,
      totalScore: selfEvaluations.totalScore,
      grade: selfEvaluations.grade,
      budgetAmount: selfEvaluations.budgetAmount,
      executedAmount: selfEvaluations.executedAmount,
      submittedAt: selfEvaluations.submittedAt,
    })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, selfEvaluations.departmentOrgId))
    .where(where)
    .orderBy(params.sort === "score" || params.sort === "submittedAt" ? sql`${ORDER[params.sort]} ${sql.raw(params.dir)} nulls last` : order(ORDER[params.sort]), asc(selfEvaluations.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page };
}

/** Approved objectives the actor files for that have no self-evaluation yet (the filer's to-do), oldest year first. */
export async function objectivesAwaitingSelfEvaluation(db: DbOrTx, actor: Actor, limit = 20) {
  return db
    .select({ id: objectives.id, title: objectives.title, fiscalYear: objectives.fiscalYear, ownerName: orgs.name })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
    .where(and(scopeWhere(actor, "project.write", place), sql`${objectives.approvedVersionId} is not null`, isNull(selfEvaluations.id)))
    .orderBy(asc(objectives.fiscalYear), asc(objectives.id))
    .limit(limit);
}

/** A self-evaluation with what its page shows: objective title, owner, and the rule set that scored it. */
export async function selfEvaluationDetail(db: DbOrTx, selfEvaluationId: number) {
  const [row] = await db
    .select({ title: objectives.title, ownerName: orgs.name, ruleSetName: evaluationRuleSets.name, ruleSetNumber: evaluationRuleSets.number })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .leftJoin(evaluationRuleSets, eq(evaluationRuleSets.id, selfEvaluations.ruleSetId))
    .where(eq(selfEvaluations.id, selfEvaluationId));
  return row;
}

/** The rule sets of the actor's region and the regions below it, newest year and version first. */
export async function listRuleSets(db: DbOrTx, actor: Actor) {
  return db
    .select({ rs: evaluationRuleSets, regionName: regions.name, regionPath: regions.path })
    .from(evaluationRuleSets)
    .innerJoin(regions, eq(regions.id, evaluationRuleSets.regionId))
    .where(sql`${regions.path} like ${actor.regionPath + "%"}`)
    .orderBy(desc(evaluationRuleSets.fiscalYear), asc(regions.path), desc(evaluationRuleSets.number))
    .limit(200);
}

/** The latest re-evaluation samples in the actor's region, with their items and the self-evaluations' titles. */
export async function listSamples(db: DbOrTx, actor: Actor, limit = 5) {
  const samples = await db
    .select()
    .from(reEvaluationSamples)
    .innerJoin(regions, eq(regions.id, reEvaluationSamples.regionId))
    .where(sql`${regions.path} like ${actor.regionPath + "%"}`)
    .orderBy(desc(reEvaluationSamples.id))
    .limit(limit);
  const out = [];
  for (const { re_evaluation_samples: s } of samples) {
    const items = await db
      .select({ item: reEvaluationItems, title: objectives.title, ownerName: orgs.name })
      .from(reEvaluationItems)
      .innerJoin(selfEvaluations, eq(selfEvaluations.id, reEvaluationItems.selfEvaluationId))
      .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
      .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
      .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
      .where(and(eq(reEvaluationItems.sampleId, s.id), scopeWhere(actor, "evaluation.review.finance", place)))
      .orderBy(asc(reEvaluationItems.id));
    out.push({ sample: s, items });
  }
  return out;
}

/** Key evaluations the actor works on: an evaluator's agency's engagements, or finance's region. */
export async function listKeyEvaluations(db: DbOrTx, actor: Actor) {
  const where = actor.roles.includes("evaluator") && !actor.roles.some((r) => r === "finance_reviewer" || r === "finance_admin")
    ? eq(keyEvaluations.agencyOrgId, actor.orgId)
    : scopeWhere(actor, "evaluation.review.finance", place);
  return db
    .select({ k: keyEvaluations, title: objectives.title, ownerName: orgs.name, amount: objectives.requestedAmount, orgPath: orgs.path, regionPath: regions.path })
    .from(keyEvaluations)
    .innerJoin(objectives, eq(objectives.id, keyEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
    .where(where)
    .orderBy(desc(keyEvaluations.id))
    .limit(100);
}

/** Approved objectives finance may select for key evaluation, largest amount first. */
export async function keyEvaluationCandidates(db: DbOrTx, actor: Actor, limit = 50) {
  return db
    .select({ id: objectives.id, title: objectives.title, fiscalYear: objectives.fiscalYear, amount: objectives.requestedAmount })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(keyEvaluations, eq(keyEvaluations.objectiveId, objectives.id))
    .where(and(scopeWhere(actor, "evaluation.review.finance", place), sql`${objectives.approvedVersionId} is not null`, isNull(keyEvaluations.id)))
    .orderBy(desc(objectives.requestedAmount), asc(objectives.id))
    .limit(limit);
}

/** Evaluation agencies of the actor's region and below. */
export async function agencyOptions(db: DbOrTx, actor: Actor) {
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(and(eq(orgs.kind, "agency"), sql`${regions.path} like ${actor.regionPath + "%"}`))
    .orderBy(asc(orgs.name));
}

/** The evidence files of a self-evaluation (without their bytes), by indicator. */
export async function evidenceOf(db: DbOrTx, selfEvaluationId: number) {
  return db
    .select({ id: selfEvaluationEvidence.id, ordinal: selfEvaluationEvidence.ordinal, filename: selfEvaluationEvidence.filename, size: selfEvaluationEvidence.size })
    .from(selfEvaluationEvidence)
    .where(eq(selfEvaluationEvidence.selfEvaluationId, selfEvaluationId))
    .orderBy(asc(selfEvaluationEvidence.ordinal), asc(selfEvaluationEvidence.createdAt));
}

/** What evaluation asks of the actor now, for the inbox: counts in the actor's scope. */
export async function evaluationInboxCounts(db: DbOrTx, actor: Actor, today: string) {
  const has = (p: Parameters<typeof scopeWhere>[1]) => hasPermission(actor.roles, p);
  const countSe = async (permission: Parameters<typeof scopeWhere>[1], state: SelfEvaluationState) =>
    (
      await db
        .select({ n: count() })
        .from(selfEvaluations)
        .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
        .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
        .where(and(scopeWhere(actor, permission, place), eq(selfEvaluations.state, state)))
    )[0].n;
  const awaiting = has("project.write") ? (await objectivesAwaitingSelfEvaluation(db, actor, 100)).length : null;
  const returned = has("project.write") ? await countSe("project.write", "returned") : null;
  const deptReview = has("evaluation.review.department") ? await countSe("evaluation.review.department", "dept_review") : null;
  const financeReview = has("evaluation.review.finance") ? await countSe("evaluation.review.finance", "finance_review") : null;
  const [rect] = await db
    .select({ open: count(), overdue: sql<number>`count(*) filter (where ${rectificationTasks.deadline} < ${today})::int` })
    .from(rectificationTasks)
    .innerJoin(orgs, eq(orgs.id, rectificationTasks.ownerOrgId))
    .innerJoin(regions, eq(regions.id, rectificationTasks.regionId))
    .where(and(scopeWhere(actor, "project.read", place), sql`${rectificationTasks.state} <> 'closed'`));
  return { awaiting, returned, deptReview, financeReview, rectifications: rect.open, overdueRectifications: rect.overdue };
}
