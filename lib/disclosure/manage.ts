import "server-only";
import { and, desc, eq, isNotNull, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { disclosures, objectives, objectiveVersions, orgs, regions, selfEvaluations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { countScopedSelfEvaluations } from "@/lib/evaluation/queries";
import { countRows, likeEscape, pageWindow } from "@/lib/paging";

const PAGE_SIZE = 20;
const deptOrg = alias(orgs, "dept_org");

/** Approved objectives of a year in the actor's disclosure scope that have no live disclosure; one page. */
export async function disclosureCandidates(db: DbOrTx, actor: Actor, year: number, pageIn: number) {
  const where = and(
    eq(objectives.fiscalYear, year),
    isNotNull(objectives.approvedVersionId),
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
    .select({ id: objectives.id, title: objectives.title, ownerName: orgs.name, departmentName: deptOrg.name, amount: objectiveVersions.requestedAmount })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, objectives.departmentOrgId))
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
    .where(where)
    .orderBy(desc(objectives.id))
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
