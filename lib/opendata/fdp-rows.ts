import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { disclosures, keyEvaluations, objectiveIndicators, objectiveVersions, orgs, regions, selfEvaluations, type Grade } from "@/db/schema";
import { chinaDate } from "@/lib/format";
import { likeEscape } from "@/lib/paging";
import { FDP_SCHEMAS, type FdpResource, type PackageScope } from "./fdp-descriptor";

/**
 * The rows of a year's Fiscal Data Package, read the way the portal reads (lib/disclosure/public.ts):
 * FROM the disclosures table, live rows only (withdrawn_at is null), objective content only through
 * a live row's frozen version; a result only when its own disclosure is live, and only for an
 * objective in the package. Read in keyset pages of BATCH objective disclosures (id > last id),
 * so a province's year is never held in memory whole: each page is written out before the next
 * is read.
 */
export const FDP_BATCH = 1000;

const deptOrg = alias(orgs, "dept_org");
const ownerOrg = alias(orgs, "owner_org");
const liveObjective = and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "objective"));
// The same two expressions as public.ts's selfGrade and keyGrade: THE prevailing-grade rule (key evaluation first, else self).
const selfGrade = sql<Grade | null>`(select e.grade from disclosures e where e.subject_type = 'evaluation' and e.withdrawn_at is null and e.objective_id = ${disclosures.objectiveId} order by e.id desc limit 1)`;
const keyGrade = sql<Grade | null>`(select k.grade from disclosures k where k.key_evaluation_id is not null and k.withdrawn_at is null and k.objective_id = ${disclosures.objectiveId} order by k.id desc limit 1)`;

export interface ScopeRegion {
  id: number;
  name: string;
  path: string;
}

export type FdpScope = PackageScope & { region: ScopeRegion | null };

/** One keyset page of the scope's live objective disclosures, after disclosure id `after`. */
async function objectivePage(db: DbOrTx, scope: FdpScope, after: number, limit: number) {
  return db
    .select({
      id: disclosures.id,
      objectiveId: disclosures.objectiveId,
      versionId: disclosures.versionId,
      fiscalYear: disclosures.fiscalYear,
      regionId: disclosures.regionId,
      regionName: regions.name,
      department: deptOrg.name,
      unit: ownerOrg.name,
      category: disclosures.category,
      title: disclosures.title,
      amount: disclosures.amount,
      overallGoal: objectiveVersions.overallGoal,
      annualGoal: objectiveVersions.annualGoal,
      disclosedAt: disclosures.disclosedAt,
      keyGrade,
      selfGrade,
    })
    .from(disclosures)
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, disclosures.versionId))
    .innerJoin(regions, eq(regions.id, disclosures.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, disclosures.ownerOrgId))
    .where(
      and(
        liveObjective,
        eq(disclosures.fiscalYear, scope.year),
        scope.region ? like(disclosures.regionPath, `${likeEscape(scope.region.path)}%`) : undefined,
        gt(disclosures.id, after),
      ),
    )
    .orderBy(asc(disclosures.id))
    .limit(limit);
}

type ObjectiveRow = Awaited<ReturnType<typeof objectivePage>>[number];

/** The scope's live objective disclosures, page by page. */
async function* objectivePages(db: DbOrTx, scope: FdpScope, batch: number): AsyncGenerator<ObjectiveRow[]> {
  let after = 0;
  for (;;) {
    const page = await objectivePage(db, scope, after, batch);
    if (page.length) yield page;
    if (page.length < batch) return;
    after = page[page.length - 1].id;
  }
}

const s = (v: string | number | null | undefined): string => (v == null ? "" : String(v));

function objectiveCells(r: ObjectiveRow): string[] {
  const grade = r.keyGrade ?? r.selfGrade;
  return [
    s(r.id),
    s(r.fiscalYear),
    s(r.regionId),
    r.regionName,
    r.department,
    r.unit,
    s(r.category),
    r.title,
    r.amount,
    s(r.overallGoal),
    s(r.annualGoal),
    chinaDate(r.disclosedAt),
    s(grade),
    r.keyGrade ? "key" : r.selfGrade ? "self" : "",
    `/portal/objectives/${r.id}`,
  ];
}

function budgetCells(r: ObjectiveRow): string[] {
  return [s(r.id), r.title, s(r.fiscalYear), s(r.regionId), r.regionName, r.department, r.unit, s(r.category), "expenditure", "approved", "CNY", r.amount];
}

/** The indicator rows of a page's frozen versions, in the page's order then the table's. */
async function indicatorCells(db: DbOrTx, page: ObjectiveRow[]): Promise<string[][]> {
  const versionIds = page.map((p) => p.versionId).filter((v): v is number => v != null);
  if (!versionIds.length) return [];
  const rows = await db
    .select()
    .from(objectiveIndicators)
    .where(inArray(objectiveIndicators.versionId, versionIds))
    .orderBy(asc(objectiveIndicators.versionId), asc(objectiveIndicators.ordinal));
  const byVersion = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byVersion.get(r.versionId) ?? [];
    list.push(r);
    byVersion.set(r.versionId, list);
  }
  return page.flatMap((p) =>
    (byVersion.get(p.versionId ?? -1) ?? []).map((r) => [
      s(p.id),
      s(r.ordinal),
      s(r.fundUse),
      r.level1,
      r.level2,
      r.name,
      r.comparison,
      s(r.annualTarget),
      s(r.periodTarget),
      s(r.unit),
      s(r.weight),
      s(r.explanation),
      s(r.formula),
    ]),
  );
}

/**
 * The results the portal shows on each objective's page of this page (publicEvaluation and
 * publicKeyEvaluation): the newest live disclosure of each kind for the objective, when it has
 * a score and grade.
 */
async function resultCells(db: DbOrTx, page: ObjectiveRow[]): Promise<string[][]> {
  const objectiveIds = page.map((p) => p.objectiveId).filter((v): v is number => v != null);
  if (!objectiveIds.length) return [];
  const cols = { id: disclosures.id, objectiveId: disclosures.objectiveId, fiscalYear: disclosures.fiscalYear, score: disclosures.score, grade: disclosures.grade, disclosedAt: disclosures.disclosedAt };
  const self = await db
    .selectDistinctOn([disclosures.objectiveId], cols)
    .from(disclosures)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, disclosures.evaluationId))
    .where(and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "evaluation"), inArray(disclosures.objectiveId, objectiveIds)))
    .orderBy(disclosures.objectiveId, desc(disclosures.id));
  const key = await db
    .selectDistinctOn([disclosures.objectiveId], cols)
    .from(disclosures)
    .innerJoin(keyEvaluations, eq(keyEvaluations.id, disclosures.keyEvaluationId))
    .where(and(isNull(disclosures.withdrawnAt), isNotNull(disclosures.keyEvaluationId), inArray(disclosures.objectiveId, objectiveIds)))
    .orderBy(disclosures.objectiveId, desc(disclosures.id));
  const selfBy = new Map(self.map((r) => [r.objectiveId, r]));
  const keyBy = new Map(key.map((r) => [r.objectiveId, r]));
  const out: string[][] = [];
  for (const p of page) {
    for (const [kind, r] of [["self", selfBy.get(p.objectiveId)], ["key", keyBy.get(p.objectiveId)]] as const) {
      if (!r || r.score == null || r.grade == null) continue;
      out.push([s(r.id), s(p.id), kind, s(r.fiscalYear), r.score, r.grade, chinaDate(r.disclosedAt)]);
    }
  }
  return out;
}

/** The CSV rows (cells in the Table Schema's field order) of one resource, a page at a time. */
export async function* fdpRowPages(db: DbOrTx, scope: FdpScope, resource: FdpResource, batch = FDP_BATCH): AsyncGenerator<string[][]> {
  for await (const page of objectivePages(db, scope, batch)) {
    if (resource === "objectives") yield page.map(objectiveCells);
    else if (resource === "budget") yield page.map(budgetCells);
    else if (resource === "indicators") yield await indicatorCells(db, page);
    else yield await resultCells(db, page);
  }
}

/** The first keyset page of every resource at once (one read of the objectives): the 数据下载 page's size sample. */
export async function fdpFirstPage(db: DbOrTx, scope: FdpScope, batch: number): Promise<Record<FdpResource, string[][]>> {
  const page = await objectivePage(db, scope, 0, batch);
  return {
    objectives: page.map(objectiveCells),
    indicators: await indicatorCells(db, page),
    results: await resultCells(db, page),
    budget: page.map(budgetCells),
  };
}

/** The finance department of the scope's region (the province's when none): the package's publisher. */
export async function fdpPublisher(db: DbOrTx, regionId: number | null): Promise<string | null> {
  const [r] = await db
    .select({ name: orgs.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(and(eq(orgs.kind, "finance"), regionId ? eq(regions.id, regionId) : sql`${regions.path} ~ '^/[0-9]+/$'`))
    .orderBy(asc(orgs.id))
    .limit(1);
  return r?.name ?? null;
}

// ---- CSV ------------------------------------------------------------------------------------

/** A spreadsheet would read a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: RFC 4180 quoting; a text cell that would start a formula gets a leading '. */
export function csvCell(value: string, isText: boolean): string {
  const v = isText && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(cells: string[], textColumns: boolean[]): string {
  return `${cells.map((c, i) => csvCell(c, textColumns[i])).join(",")}\r\n`;
}

/** The CSV of one resource, streamed: the header, then each page's lines as it is read. */
export function fdpCsvStream(db: DbOrTx, scope: FdpScope, resource: FdpResource, opts: { batch?: number; onRows?: (n: number) => void } = {}): ReadableStream<Uint8Array> {
  const fields = FDP_SCHEMAS[resource].fields;
  const textColumns = fields.map((f) => f.type === "string");
  const encoder = new TextEncoder();
  let pages: AsyncGenerator<string[][]> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!pages) {
        pages = fdpRowPages(db, scope, resource, opts.batch ?? FDP_BATCH);
        controller.enqueue(encoder.encode(csvLine(fields.map((f) => f.name), fields.map(() => false))));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      opts.onRows?.(next.value.length);
      controller.enqueue(encoder.encode(next.value.map((cells) => csvLine(cells, textColumns)).join("")));
    },
    async cancel() {
      await pages?.return(undefined);
    },
  });
}

/** The byte size of a resource's CSV, counted while streaming it (nothing kept). */
export async function fdpCsvSize(db: DbOrTx, scope: FdpScope, resource: FdpResource): Promise<{ bytes: number; rows: number }> {
  let bytes = 0;
  let rows = 0;
  const reader = fdpCsvStream(db, scope, resource, { onRows: (n) => (rows += n) }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { bytes, rows };
}
