import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { disclosures, keyEvaluations, objectives, orgs, regions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { countRows, pageWindow } from "@/lib/paging";

const PAGE_SIZE = 20;
const deptOrg = alias(orgs, "dept_org");

/** Finance's desk: the accepted key evaluations of a year in its region and below that are not disclosed now, newest first, paged. */
export async function keyCandidates(db: DbOrTx, actor: Actor, year: number, pageIn = 1) {
  const where = and(
    eq(keyEvaluations.fiscalYear, year),
    eq(keyEvaluations.state, "accepted"),
    scopeWhere(actor, "disclosure.manage", { orgPath: orgs.path, regionPath: regions.path }),
    sql`not exists (select 1 from ${disclosures} d where d.key_evaluation_id = ${keyEvaluations.id} and d.withdrawn_at is null)`,
  );
  const { total } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(keyEvaluations)
      .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
      .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
      .where(where)
      .$dynamic(),
    { cap: false },
  );
  const { page, limit, offset } = pageWindow(pageIn, PAGE_SIZE, total);
  const rows = await db
    .select({
      id: keyEvaluations.id,
      title: objectives.title,
      ownerName: orgs.name,
      departmentName: deptOrg.name,
      score: keyEvaluations.totalScore,
      grade: keyEvaluations.grade,
    })
    .from(keyEvaluations)
    .innerJoin(objectives, eq(objectives.id, keyEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, objectives.departmentOrgId))
    .where(where)
    .orderBy(desc(keyEvaluations.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page, pageSize: PAGE_SIZE };
}
