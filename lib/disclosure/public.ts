import "server-only";
import Decimal from "decimal.js";
import { and, asc, count, desc, eq, isNull, like, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { queryRows, type DbOrTx } from "@/db/client";
import { disclosures, objectives, objectiveVersions, orgs, regions, selfEvaluations, type Grade, type ProjectCategory, type RegionLevel, type SubjectKind } from "@/db/schema";
import type { ScoreResult } from "@/lib/evaluation/scoring";
import { parseQuery } from "@/lib/indicator/grams";
import { declarationContent } from "@/lib/objective/content";
import { countRows, likeEscape, pageWindow } from "@/lib/paging";
import type { PublicListParams } from "./params";
import { publicKeyEvaluation, type PublicKeyEvaluation } from "./key-evaluation";

/**
 * What the public may see, and nothing else. Every query here starts FROM the disclosures table
 * and keeps only live rows (withdrawn_at is null) of disclosed objectives; objective content is
 * reached only through a live row's frozen version. An objective without a live disclosure cannot
 * be found by id, by search, in counts or in exports. Results are plain JSON (dates as ISO
 * strings) because they are cached (lib/disclosure/cached.ts).
 */
const live = and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "objective"));
const deptOrg = alias(orgs, "dept_org");
/** A live disclosure of an evaluation result (subject_type "evaluation"); its score and grade are frozen on the row. */
const liveResult = and(isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "evaluation"));
/** The grade of the listed objective's live self-evaluation disclosure, if any (index disclosures_live_evaluation_objective_idx). */
const selfGrade = sql<Grade | null>`(select e.grade from disclosures e where e.subject_type = 'evaluation' and e.withdrawn_at is null and e.objective_id = ${disclosures.objectiveId} order by e.id desc limit 1)`;
/** The grade of its live key-evaluation disclosure, if any (index disclosures_live_key_evaluation_objective_idx). */
const keyGrade = sql<Grade | null>`(select k.grade from disclosures k where k.key_evaluation_id is not null and k.withdrawn_at is null and k.objective_id = ${disclosures.objectiveId} order by k.id desc limit 1)`;
/**
 * THE rule for which result the public sees as an objective's grade (the list, its filter, its Excel
 * column, the landing's distribution): the finance department's key evaluation (重点评价) when one
 * is disclosed, else the unit's self-evaluation (自评). Both are shown on the objective's page.
 */
const prevailingGrade = sql<Grade | null>`coalesce(${keyGrade}, ${selfGrade})`;
export type GradeSource = "key" | "self";
const ownerOrg = alias(orgs, "owner_org");

/** The disclosure's region is the given region or one below it. */
function underRegion(regionPath: string | null | undefined): SQL | undefined {
  return regionPath ? like(disclosures.regionPath, `${likeEscape(regionPath)}%`) : undefined;
}

/** Keyword match: all the query's bigrams (GIN index), then each word as a substring. */
function keywordMatch(q: string): SQL | undefined {
  const { words, grams } = parseQuery(q);
  if (!words.length) return undefined;
  const parts: SQL[] = words.map((w) => sql`${disclosures.searchText} ilike ${`%${likeEscape(w)}%`}`);
  if (grams.length) parts.unshift(sql`${disclosures.searchGrams} @> ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`);
  return and(...parts);
}

export interface PublicRegion {
  id: number;
  name: string;
  path: string;
  level: string;
}

/** Regions, tree order (region names are public). */
export async function publicRegions(db: DbOrTx): Promise<PublicRegion[]> {
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path, level: regions.level })
    .from(regions)
    .orderBy(sql`string_to_array(trim(both '/' from ${regions.path}), '/')::int[]`);
}

/** The fiscal years that have something disclosed, newest first. */
export async function publicYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectDistinct({ year: disclosures.fiscalYear }).from(disclosures).where(live).orderBy(desc(disclosures.fiscalYear));
  return rows.map((r) => r.year);
}

/** Departments that have something disclosed at the region's own level (the province's when no region is given). */
export async function publicDepartments(db: DbOrTx, regionPath?: string | null): Promise<{ id: number; name: string }[]> {
  // The departments of the chosen region's own level (the province's when none is chosen), not
  // of every city and county below it: a province has two thousand of those.
  const level = regionPath ? eq(disclosures.regionPath, regionPath) : sql`${disclosures.regionPath} ~ '^/[0-9]+/$'`;
  return db
    .selectDistinct({ id: deptOrg.id, name: deptOrg.name })
    .from(disclosures)
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .where(and(live, level))
    .orderBy(deptOrg.name, deptOrg.id);
}

export interface PublicFigures {
  amount: string;
  count: number;
  departments: number;
  byCategory: { category: ProjectCategory | null; amount: string; count: number }[];
  /** The departments with the most money disclosed (at most TOP_DEPARTMENTS), largest first. */
  byDepartment: { id: number; name: string; amount: string; count: number }[];
  /** The rest, summed: a province has two thousand departments, too many to list on a landing page. */
  otherDepartments: { departments: number; amount: string; count: number } | null;
  /** Disclosed evaluation results of the year by grade (优 良 中 差 order), with their budgets. */
  byGrade: { grade: Grade; amount: string; count: number }[];
}

const GRADE_ORDER = ["excellent", "good", "fair", "poor"] as const;

/**
 * The grade distribution of a region (and below) and a year: one count per objective with a live
 * result disclosure, under its prevailing grade (the key evaluation's when disclosed, else the
 * self-evaluation's), so each figure matches the list filtered by that grade.
 */
export async function publicGrades(db: DbOrTx, regionPath: string, year: number): Promise<PublicFigures["byGrade"]> {
  const rows = await queryRows<{ grade: Grade; amount: string; count: number }>(
    db,
    sql`select g.grade, sum(g.amount)::text as amount, count(*)::int as count from (
          select distinct on (d.objective_id) d.objective_id, d.grade, d.amount
          from disclosures d
          where d.withdrawn_at is null and (d.subject_type = 'evaluation' or d.key_evaluation_id is not null)
            and d.fiscal_year = ${year} and d.region_path like ${`${likeEscape(regionPath)}%`}
          order by d.objective_id, (d.key_evaluation_id is not null) desc, d.id desc
        ) g group by g.grade`,
  );
  return GRADE_ORDER.flatMap((g) => {
    const r = rows.find((x) => x.grade === g);
    return r ? [{ grade: g, amount: new Decimal(r.amount).toFixed(2), count: Number(r.count) }] : [];
  });
}

export const TOP_DEPARTMENTS = 15;

/** The landing figures of a region (and the regions below) and a year: amount, count, distributions. */
export async function publicFigures(db: DbOrTx, regionPath: string, year: number): Promise<PublicFigures> {
  const where = and(live, eq(disclosures.fiscalYear, year), underRegion(regionPath));
  const byCategory = await db
    .select({ category: disclosures.category, amount: sql<string>`sum(${disclosures.amount})::text`, count: count() })
    .from(disclosures)
    .where(where)
    .groupBy(disclosures.category)
    .orderBy(desc(sql`sum(${disclosures.amount})`));
  const byDepartment = await db
    .select({ id: deptOrg.id, name: deptOrg.name, amount: sql<string>`sum(${disclosures.amount})::text`, count: count() })
    .from(disclosures)
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .where(where)
    .groupBy(deptOrg.id, deptOrg.name)
    .orderBy(desc(sql`sum(${disclosures.amount})`), deptOrg.id);
  const amount = byCategory.reduce((s, c) => s.plus(c.amount), new Decimal(0)).toFixed(2);
  const rest = byDepartment.slice(TOP_DEPARTMENTS);
  return {
    amount,
    count: byCategory.reduce((s, c) => s + c.count, 0),
    departments: byDepartment.length,
    byCategory: byCategory.map((c) => ({ ...c, amount: new Decimal(c.amount).toFixed(2) })),
    byDepartment: byDepartment.slice(0, TOP_DEPARTMENTS).map((d) => ({ ...d, amount: new Decimal(d.amount).toFixed(2) })),
    otherDepartments: rest.length
      ? { departments: rest.length, amount: rest.reduce((s, d) => s.plus(d.amount), new Decimal(0)).toFixed(2), count: rest.reduce((s, d) => s + d.count, 0) }
      : null,
    byGrade: await publicGrades(db, regionPath, year),
  };
}

export interface PublicRow {
  id: number;
  title: string;
  fiscalYear: number;
  regionName: string;
  departmentName: string;
  ownerName: string;
  category: ProjectCategory | null;
  amount: string;
  disclosedAt: string;
  /** Its prevailing grade (THE rule, prevailingGrade): the key evaluation's when disclosed, else the self-evaluation's; null when none is disclosed. */
  grade: Grade | null;
  /** Which result that grade is: "key" (重点评价, scored for the finance department) or "self" (自评, by the unit). */
  gradeSource: GradeSource | null;
}

const ORDER = { disclosedAt: disclosures.disclosedAt, amount: disclosures.amount, title: disclosures.title } as const;

function listWhere(p: Omit<PublicListParams, "page" | "pageSize" | "sort" | "dir">, regionPath: string | null): SQL | undefined {
  return and(
    live,
    p.year ? eq(disclosures.fiscalYear, p.year) : undefined,
    underRegion(regionPath),
    p.departmentId ? eq(disclosures.departmentOrgId, p.departmentId) : undefined,
    p.category ? eq(disclosures.category, p.category) : undefined,
    p.grade
      ? sql`${prevailingGrade} = ${p.grade}`
      : undefined,
    keywordMatch(p.q),
  );
}

/**
 * THE query of the public list's rows: a live disclosure with its region, department, owner and
 * both grades. The portal's list and its export (publicList) and the open-data API (publicListAfter)
 * read it; only their order and window differ.
 */
function publicRows(db: DbOrTx) {
  return db
    .select({
      id: disclosures.id,
      title: disclosures.title,
      fiscalYear: disclosures.fiscalYear,
      regionName: regions.name,
      departmentName: deptOrg.name,
      ownerName: ownerOrg.name,
      category: disclosures.category,
      amount: disclosures.amount,
      disclosedAt: disclosures.disclosedAt,
      keyGrade,
      selfGrade,
    })
    .from(disclosures)
    .innerJoin(regions, eq(regions.id, disclosures.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, disclosures.ownerOrgId))
    .$dynamic();
}

/** A row of publicRows as the public sees it: the prevailing grade and its source, the date as ISO text. */
function toPublicRow({ keyGrade: k, selfGrade: e, ...r }: Awaited<ReturnType<typeof publicRows>>[number]): PublicRow {
  return { ...r, grade: k ?? e, gradeSource: k ? "key" : e ? "self" : null, disclosedAt: r.disclosedAt.toISOString() };
}

/** One page of the public list, filtered, sorted and counted in the database. `limit` overrides paging (exports). */
export async function publicList(
  db: DbOrTx,
  p: PublicListParams,
  regionPath: string | null,
  opts: { limit?: number } = {},
): Promise<{ rows: PublicRow[]; total: number; page: number }> {
  const where = listWhere(p, regionPath);
  const { total } = await countRows(db, db.select({ one: sql`1` }).from(disclosures).where(where).$dynamic(), { cap: false });
  const w = opts.limit ? { page: 1, limit: opts.limit, offset: 0 } : pageWindow(p.page, p.pageSize, total);
  const dir = p.dir === "asc" ? asc : desc;
  const rows = await publicRows(db).where(where).orderBy(dir(ORDER[p.sort]), desc(disclosures.id)).limit(w.limit).offset(w.offset);
  return { rows: rows.map(toPublicRow), total, page: w.page };
}

export interface PublicDetail {
  id: number;
  title: string;
  fiscalYear: number;
  regionName: string;
  departmentName: string;
  ownerName: string;
  category: ProjectCategory | null;
  subjectKind: SubjectKind;
  /** The level of the disclosure's region (省级/市级/县级财政部门 on the table). */
  regionLevel: RegionLevel;
  /** The finance department of the disclosure's region (the 财政部门 row of the table); null if none is on record. */
  financeName: string | null;
  amount: string;
  disclosedAt: string;
  content: Awaited<ReturnType<typeof declarationContent>>;
  /** Its evaluation result, when that is disclosed too (a live "evaluation" disclosure); else null. */
  evaluation: PublicEvaluation | null;
  /** Its key evaluation (重点评价) result and report, when that is disclosed (a live "key_evaluation" disclosure); else null. */
  keyEvaluation: PublicKeyEvaluation | null;
  /** Which of the two is the objective's grade in the list (prevailingGrade): "key" when a key evaluation is disclosed. */
  prevailing: GradeSource | null;
}

export interface PublicEvaluation {
  fiscalYear: number;
  score: string;
  grade: Grade;
  disclosedAt: string;
  /** 预算执行率 and each 一级指标: the points available and the score obtained. */
  levels: { level1: "execution" | ScoreResult["levels"][number]["level1"]; points: string; score: string }[];
}

/** The live result disclosure of an objective: the frozen score and grade, the per-level points of the accepted evaluation. */
export async function publicEvaluation(db: DbOrTx, objectiveId: number): Promise<PublicEvaluation | null> {
  const [r] = await db
    .select({ fiscalYear: disclosures.fiscalYear, score: disclosures.score, grade: disclosures.grade, disclosedAt: disclosures.disclosedAt, breakdown: selfEvaluations.breakdown })
    .from(disclosures)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, disclosures.evaluationId))
    .where(and(liveResult, eq(disclosures.objectiveId, objectiveId)))
    .orderBy(desc(disclosures.id))
    .limit(1);
  if (!r || r.score == null || r.grade == null) return null;
  const b = r.breakdown as ScoreResult | null;
  const levels: PublicEvaluation["levels"] = b
    ? [{ level1: "execution", points: b.execution.points, score: b.execution.score }, ...b.levels.map((l) => ({ level1: l.level1, points: l.points, score: l.score }))]
    : [];
  return { fiscalYear: r.fiscalYear, score: r.score, grade: r.grade, disclosedAt: r.disclosedAt.toISOString(), levels };
}

/** One live disclosure with the content of the version it froze; null when there is none (never disclosed, withdrawn, unknown). */
export async function publicDetail(db: DbOrTx, disclosureId: number): Promise<PublicDetail | null> {
  const [row] = await db
    .select({
      id: disclosures.id,
      title: disclosures.title,
      fiscalYear: disclosures.fiscalYear,
      regionName: regions.name,
      regionLevel: regions.level,
      financeName: sql<string | null>`(select f.name from orgs f where f.region_id = ${disclosures.regionId} and f.kind = 'finance' order by f.id limit 1)`,
      departmentName: deptOrg.name,
      ownerName: ownerOrg.name,
      category: disclosures.category,
      subjectKind: objectives.subjectKind,
      objectiveId: disclosures.objectiveId,
      amount: disclosures.amount,
      disclosedAt: disclosures.disclosedAt,
      version: objectiveVersions,
    })
    .from(disclosures)
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, disclosures.versionId))
    .innerJoin(objectives, eq(objectives.id, disclosures.objectiveId))
    .innerJoin(regions, eq(regions.id, disclosures.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, disclosures.ownerOrgId))
    .where(and(live, eq(disclosures.id, disclosureId)));
  if (!row) return null;
  const { version, ...rest } = row;
  const content = await declarationContent(db, version);
  // What the published table shows, nothing internal: no bank ids, no reasons for custom indicators, no contact.
  const basic = { ...content.basic };
  delete basic.contactName;
  delete basic.contactPhone;
  const evaluation = rest.objectiveId == null ? null : await publicEvaluation(db, rest.objectiveId);
  const keyEvaluation = rest.objectiveId == null ? null : await publicKeyEvaluation(db, rest.objectiveId);
  return {
    ...rest,
    evaluation,
    keyEvaluation,
    prevailing: keyEvaluation ? "key" : evaluation ? "self" : null,
    disclosedAt: rest.disclosedAt.toISOString(),
    content: {
      ...content,
      basic,
      performance: { ...content.performance, indicators: [] },
      indicatorRows: content.indicatorRows.map((r) => ({ ...r, indicatorId: null, customReason: null })),
    },
  };
}

/** The region to show: the given one, else the top of the tree (the province). */
export function pickRegion(all: PublicRegion[], regionId: number | undefined): PublicRegion | null {
  return all.find((r) => r.id === regionId) ?? all[0] ?? null;
}

/** The open-data API's stable order: newest fiscal year first, then the newest disclosure (integers, so a cursor is exact). */
export interface PublicCursor {
  fiscalYear: number;
  id: number;
}

/** The API's keyset: rows after the cursor in (fiscal year desc, id desc) order. */
const KEYSET_ORDER = [desc(disclosures.fiscalYear), desc(disclosures.id)] as const;
function keysetAfter(after: PublicCursor | null): SQL | undefined {
  return after ? sql`(${disclosures.fiscalYear}, ${disclosures.id}) < (${after.fiscalYear}, ${after.id})` : undefined;
}

/**
 * The public list for the open-data API (app/api/public/v1): the same live rows, filters and
 * fields as publicList, read by keyset (fiscal year desc, id desc) after `after`, at most `limit` rows.
 */
export async function publicListAfter(
  db: DbOrTx,
  p: Omit<PublicListParams, "page" | "pageSize" | "sort" | "dir">,
  regionPath: string | null,
  after: PublicCursor | null,
  limit: number,
): Promise<PublicRow[]> {
  const rows = await publicRows(db)
    .where(and(listWhere(p, regionPath), keysetAfter(after)))
    .orderBy(...KEYSET_ORDER)
    .limit(limit);
  return rows.map(toPublicRow);
}

export interface PublicResultRow {
  id: number;
  kind: GradeSource;
  objectiveId: number | null;
  title: string;
  fiscalYear: number;
  regionName: string;
  departmentName: string;
  ownerName: string;
  score: string;
  grade: Grade;
  amount: string;
  disclosedAt: string;
}

/**
 * Live result disclosures (自评 "evaluation" rows and 重点评价 "key_evaluation" rows), keyset order as
 * publicListAfter. objectiveId is the LIVE objective disclosure of the same objective, or null.
 */
export async function publicResultsAfter(
  db: DbOrTx,
  p: { year?: number; departmentId?: number; grade?: Grade; kind?: GradeSource; q: string },
  regionPath: string | null,
  after: PublicCursor | null,
  limit: number,
): Promise<PublicResultRow[]> {
  const o = alias(disclosures, "objective_disclosure");
  const words = parseQuery(p.q).words;
  const rows = await db
    .select({
      id: disclosures.id,
      keyEvaluationId: disclosures.keyEvaluationId,
      objectiveId: o.id,
      title: disclosures.title,
      fiscalYear: disclosures.fiscalYear,
      regionName: regions.name,
      departmentName: deptOrg.name,
      ownerName: ownerOrg.name,
      score: disclosures.score,
      grade: disclosures.grade,
      amount: disclosures.amount,
      disclosedAt: disclosures.disclosedAt,
    })
    .from(disclosures)
    .innerJoin(regions, eq(regions.id, disclosures.regionId))
    .innerJoin(deptOrg, eq(deptOrg.id, disclosures.departmentOrgId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, disclosures.ownerOrgId))
    .leftJoin(o, and(eq(o.objectiveId, disclosures.objectiveId), eq(o.subjectType, "objective"), isNull(o.withdrawnAt)))
    .where(
      and(
        isNull(disclosures.withdrawnAt),
        p.kind === "key" ? sql`${disclosures.keyEvaluationId} is not null` : p.kind === "self" ? eq(disclosures.subjectType, "evaluation") : sql`(${disclosures.subjectType} = 'evaluation' or ${disclosures.keyEvaluationId} is not null)`,
        sql`${disclosures.score} is not null and ${disclosures.grade} is not null`,
        p.year ? eq(disclosures.fiscalYear, p.year) : undefined,
        underRegion(regionPath),
        p.departmentId ? eq(disclosures.departmentOrgId, p.departmentId) : undefined,
        p.grade ? eq(disclosures.grade, p.grade) : undefined,
        ...words.map((w) => sql`${disclosures.title} ilike ${`%${likeEscape(w)}%`}`),
        keysetAfter(after),
      ),
    )
    .orderBy(...KEYSET_ORDER)
    .limit(limit);
  return rows.map(({ keyEvaluationId, score, grade, ...r }) => ({
    ...r,
    kind: keyEvaluationId != null ? ("key" as const) : ("self" as const),
    score: score!,
    grade: grade!,
    disclosedAt: r.disclosedAt.toISOString(),
  }));
}

/** Live objective disclosures of a year by the region they were disclosed at (the region and below), tree order. */
export async function publicFiguresByRegion(db: DbOrTx, regionPath: string, year: number): Promise<{ id: number; name: string; amount: string; count: number }[]> {
  const rows = await db
    .select({ id: regions.id, name: regions.name, path: regions.path, amount: sql<string>`sum(${disclosures.amount})::text`, count: count() })
    .from(disclosures)
    .innerJoin(regions, eq(regions.id, disclosures.regionId))
    .where(and(live, eq(disclosures.fiscalYear, year), underRegion(regionPath)))
    .groupBy(regions.id, regions.name, regions.path)
    .orderBy(sql`string_to_array(trim(both '/' from ${regions.path}), '/')::int[]`);
  return rows.map((r) => ({ id: r.id, name: r.name, amount: new Decimal(r.amount).toFixed(2), count: r.count }));
}
