import "server-only";
import Decimal from "decimal.js";
import { unstable_cache } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/lib/db";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { cachedDetail, cachedFigures, cachedRegions, cachedYears } from "@/lib/disclosure/cached";
import { pickRegion, publicFiguresByRegion, publicListAfter, publicResultsAfter, type PublicDetail, type PublicRow } from "@/lib/disclosure/public";
import { API_DEFAULT_LIMIT, decodeCursor, encodeCursor, type objectiveListQuery, type resultListQuery, type summaryQuery } from "./api-params";
import { objectiveDetail, objectivePage, resultPage, summary, YUAN, type ObjectiveDetail } from "./schemas";

/**
 * The public API's reads, built on the portal's loaders (lib/disclosure/public.ts: only live
 * disclosures, by the same rules) and cached under the portal's tag (PUBLIC_DISCLOSURE_TAG), so a
 * disclosure or withdrawal drops them at the same moment. Every answer is parsed through its zod
 * schema (lib/opendata/schemas.ts) on the way out: no field the schema does not name leaves.
 */
const options = { tags: [PUBLIC_DISCLOSURE_TAG], revalidate: 3600 };
// A keyword is free text: read for each request, never cached (as the portal's search page), so a
// flood of distinct keywords cannot push the portal's pages out of the bounded cache.

export type Answer<T> = { status: 200; body: T } | { status: 400; parameter: string; message: string } | { status: 404; message: string };

const yuan = (v: string | number | null | undefined) => new Decimal(v ?? 0).toFixed(2);

async function regionPathOf(regionId: number | undefined): Promise<{ ok: true; path: string | null } | { ok: false }> {
  if (!regionId) return { ok: true, path: null };
  const r = (await cachedRegions()).find((x) => x.id === regionId);
  return r ? { ok: true, path: r.path } : { ok: false };
}

const NO_REGION = { status: 400 as const, parameter: "regionId", message: "没有这个地区 / no such region" };
const BAD_CURSOR = { status: 400 as const, parameter: "cursor", message: "游标无效 / invalid cursor" };

export function summaryRow(r: PublicRow) {
  return { ...r, amount: yuan(r.amount), amountUnit: YUAN };
}

const objectivesPageUncached = async (p: Omit<z.output<typeof objectiveListQuery>, "regionId" | "limit" | "cursor">, regionPath: string | null, after: string | null, limit: number) => {
  const rows = await publicListAfter(await getDb(), { ...p, q: p.q ?? "" }, regionPath, after ? decodeCursor(after) : null, limit + 1);
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return objectivePage.parse({ data: data.map(summaryRow), nextCursor: rows.length > limit && last ? encodeCursor(last) : null, amountUnit: YUAN });
};
const objectivesPage = unstable_cache(objectivesPageUncached, ["opendata:objectives"], options);

export async function listObjectives(query: z.output<typeof objectiveListQuery>): Promise<Answer<z.output<typeof objectivePage>>> {
  const { regionId, limit, cursor, ...filters } = query;
  if (cursor && !decodeCursor(cursor)) return BAD_CURSOR;
  const region = await regionPathOf(regionId);
  if (!region.ok) return NO_REGION;
  return { status: 200, body: await (filters.q?.trim() ? objectivesPageUncached : objectivesPage)(filters, region.path, cursor ?? null, limit ?? API_DEFAULT_LIMIT) };
}

const resultsPageUncached = async (p: Omit<z.output<typeof resultListQuery>, "regionId" | "limit" | "cursor">, regionPath: string | null, after: string | null, limit: number) => {
  const rows = await publicResultsAfter(await getDb(), { ...p, q: p.q ?? "" }, regionPath, after ? decodeCursor(after) : null, limit + 1);
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return resultPage.parse({
    data: data.map((r) => ({ ...r, amount: yuan(r.amount), amountUnit: YUAN })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    amountUnit: YUAN,
  });
};
const resultsPage = unstable_cache(resultsPageUncached, ["opendata:results"], options);

export async function listResults(query: z.output<typeof resultListQuery>): Promise<Answer<z.output<typeof resultPage>>> {
  const { regionId, limit, cursor, ...filters } = query;
  if (cursor && !decodeCursor(cursor)) return BAD_CURSOR;
  const region = await regionPathOf(regionId);
  if (!region.ok) return NO_REGION;
  return { status: 200, body: await (filters.q?.trim() ? resultsPageUncached : resultsPage)(filters, region.path, cursor ?? null, limit ?? API_DEFAULT_LIMIT) };
}

/** The portal's detail (cachedDetail, live disclosures only) in the API's shape. */
export function detailBody(d: PublicDetail): ObjectiveDetail {
  const c = d.content;
  return objectiveDetail.parse({
    id: d.id,
    title: d.title,
    fiscalYear: d.fiscalYear,
    regionName: d.regionName,
    departmentName: d.departmentName,
    ownerName: d.ownerName,
    category: d.category,
    amount: yuan(d.amount),
    amountUnit: YUAN,
    disclosedAt: d.disclosedAt,
    grade: d.prevailing === "key" ? d.keyEvaluation!.grade : d.prevailing === "self" ? d.evaluation!.grade : null,
    gradeSource: d.prevailing,
    subjectKind: d.subjectKind,
    financeName: d.financeName,
    overallGoal: c.performance.overallGoal ?? null,
    annualGoal: c.performance.annualGoal ?? null,
    budget: {
      requestedAmount: yuan(c.funding.requestedAmount ?? d.amount),
      rows: ((c.funding.rows ?? []) as { source: string; year: number; amount: string | number }[]).map((r) => ({ source: r.source, year: Number(r.year), amount: yuan(r.amount) })),
    },
    indicators: c.indicatorRows.map((r) => ({
      fundUse: r.fundUse,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      comparison: r.comparison,
      annualTarget: r.annualTarget,
      periodTarget: r.periodTarget,
      unit: r.unit,
      weight: r.weight,
      explanation: r.explanation,
      formula: r.formula,
    })),
    selfEvaluation: d.evaluation,
    keyEvaluation: d.keyEvaluation
      ? {
          fiscalYear: d.keyEvaluation.fiscalYear,
          score: d.keyEvaluation.score,
          grade: d.keyEvaluation.grade,
          disclosedAt: d.keyEvaluation.disclosedAt,
          dimensions: d.keyEvaluation.dimensions,
          findings: d.keyEvaluation.findings,
          recommendations: d.keyEvaluation.recommendations,
          agencyName: d.keyEvaluation.agencyName,
        }
      : null,
  });
}

export async function getObjective(id: number): Promise<Answer<ObjectiveDetail>> {
  const d = await cachedDetail(id);
  return d ? { status: 200, body: detailBody(d) } : { status: 404, message: "没有这项公开的绩效目标 / no such disclosed objective" };
}

const summaryOf = unstable_cache(
  async (regionPath: string, regionId: number, regionName: string, year: number) => {
    const [figures, byRegion] = await Promise.all([cachedFigures(regionPath, year), getDb().then((db) => publicFiguresByRegion(db, regionPath, year))]);
    return summary.parse({
      fiscalYear: year,
      regionId,
      regionName,
      amountUnit: YUAN,
      amount: figures.amount,
      count: figures.count,
      byRegion,
      byDepartment: figures.byDepartment,
      otherDepartments: figures.otherDepartments,
      byGrade: figures.byGrade,
    });
  },
  ["opendata:summary"],
  options,
);

export async function getSummary(query: z.output<typeof summaryQuery>): Promise<Answer<z.output<typeof summary>>> {
  const regions = await cachedRegions();
  if (query.regionId && !regions.some((r) => r.id === query.regionId)) return NO_REGION;
  const region = pickRegion(regions, query.regionId);
  const year = query.year ?? (await cachedYears())[0];
  if (!region || !year) return { status: 404, message: "尚无公开数据 / nothing is disclosed yet" };
  return { status: 200, body: await summaryOf(region.path, region.id, region.name, year) };
}
