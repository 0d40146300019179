import "server-only";
import { and, desc, eq, isNotNull, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { disclosures, objectives, orgs, regions, selfEvaluations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { countScopedSelfEvaluations } from "@/lib/evaluation/queries";
import { countRows, likeEscape, pageWindow } from "@/lib/paging";

const PAGE_SIZE = 20;

/** 公开期限: the 批复 date + the province's fiscal year's disclosure_days (20 unless set), as text "YYYY-MM-DD". */
const disclosureDeadlineSql = sql<string>`(${objectives.budgetArrangedOn} + coalesce((select fy.disclosure_days from fiscal_years fy where fy.region_id = split_part(${regions.path}, '/', 2)::int and fy.year = ${objectives.fiscalYear}), 20))::text`;
const deptOrg = alias(orgs, "dept_org");

/**
 * What the desk proposes (同步公开): approved objectives of a year in the actor's disclosure scope
 * whose budget is arranged (批复) and that have no live disclosure, each with the ledger's current
 * budget and its deadline — the 批复 date plus the province's `disclosure_days` — soonest first; one page.
 */
export async function disclosureCandidates(db: DbOrTx, actor: Actor, year: number, pageIn: number) {
  const where = and(
    eq(objectives.fiscalYear, year),
    isNotNull(objectives.approvedVersionId),
    isNotNull(objectives.budgetArrangedOn),
    scopeWhere(actor, "disclosure.manage", { orgPath: orgs.path, regionPath: regions.path }),
    sql`not exists (select 1 from ${disclosures} d where d.objective_id = ${objectives.id} and d.subject_type = 'objective' and d.withdrawn_at is null)`,
  );
  const { total } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(objectives)
      .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
      .innerJoin(regions, eq(regions.id, orgs.regionId))
      .where(where)
      .$dynamic(),
    { cap: false },
  );
  const { page, limit, offset } = pageWindow(pageIn, PAGE_SIZE, total);
  const rows = await db
    .select({ id: objectives.id, title: objectives.title, ownerName: orgs.name, departmentName: deptOrg.name, amount: objectives.budgetCurrent, deadline: disclosureDeadlineSql })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, objectives.departmentOrgId))
    .where(where)
    .orderBy(objectives.budgetArrangedOn, desc(objectives.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page, pageSize: PAGE_SIZE };
}

/** Disclosures (live and withdrawn) of a year in the actor's region and below; one page, newest first. */
export async function disclosureRecords(db: DbOrTx, actor: Actor, year: number, pageIn: number) {
  const where = and(eq(disclosures.fiscalYear, year), like(disclosures.regionPath, `${likeEscape(actor.regionPath)}%`));
  const { total } = await countRows(db, db.select({ one: sql`1` }).from(disclosures).where(where).$dynamic(), { cap: false });
  const { page, limit, offset } = pageWindow(pageIn, PAGE_SIZE, total);
  const rows = await db
    .select({
      id: disclosures.id,
      title: disclosures.title,
      subjectType: disclosures.subjectType,
      grade: disclosures.grade,
      score: disclosures.score,
      amount: disclosures.amount,
      version: disclosures.version,
      departmentName: deptOrg.name,
      disclosedAt: disclosures.disclosedAt,
      disclosedBy: users.displayName,
      withdrawnAt: disclosures.withdrawnAt,
      withdrawReason: disclosures.withdrawReason,
    })
    .from(disclosures)
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .innerJoin(users, eq(users.id, disclosures.disclosedBy))
    .where(where)
    .orderBy(sql`${disclosures.withdrawnAt} is not null`, desc(disclosures.disclosedAt), desc(disclosures.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page, pageSize: PAGE_SIZE, live: rows.filter((r) => r.withdrawnAt === null).length };
}


/** Accepted self-evaluations of a year in the actor's disclosure scope whose result has no live disclosure; one page. */
export async function resultCandidates(db: DbOrTx, actor: Actor, year: number, pageIn: number) {
  const where = and(
    eq(selfEvaluations.fiscalYear, year),
    eq(selfEvaluations.state, "accepted"),
    scopeWhere(actor, "disclosure.manage", { orgPath: orgs.path, regionPath: regions.path }),
    sql`not exists (select 1 from ${disclosures} d where d.evaluation_id = ${selfEvaluations.id} and d.subject_type = 'evaluation' and d.withdrawn_at is null)`,
  );
  const { total } = await countScopedSelfEvaluations(db, where);
  const { page, limit, offset } = pageWindow(pageIn, PAGE_SIZE, total);
  const rows = await db
    .select({
      id: selfEvaluations.id,
      title: objectives.title,
      ownerName: orgs.name,
      departmentName: deptOrg.name,
      score: selfEvaluations.totalScore,
      grade: selfEvaluations.grade,
    })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, selfEvaluations.departmentOrgId))
    .where(where)
    .orderBy(desc(selfEvaluations.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page, pageSize: PAGE_SIZE };
}
