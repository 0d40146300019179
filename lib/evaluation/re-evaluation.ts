import { randomInt } from "node:crypto";
import Decimal from "decimal.js";
import { and, asc, count, eq, exists, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { monitoringPeriods, monitoringWarnings, orgs, reEvaluationItems, reEvaluationSamples, regions, selfEvaluations } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn, scopeWhere } from "@/lib/auth/scope";
import { drawSample } from "./sample";

/** A self-score more than this many points above the re-score is inflated (自评质量差, DESIGN §3.7). */
export const INFLATION_POINTS = "10";

export function isInflated(selfScore: string, reScore: string): boolean {
  return new Decimal(selfScore).minus(reScore).gt(INFLATION_POINTS);
}

/**
 * Draws a re-evaluation sample of a fiscal year: `percent` of the submitted self-evaluations in
 * the actor's region, at random from a recorded seed (given, or drawn here and recorded), PLUS
 * every candidate whose objective had a red monitoring warning in that year (reason `warning`;
 * one drawn at random keeps reason `random`, never twice). The random part alone is what
 * `drawSample(candidates, seed, percent)` reproduces.
 */
export async function drawReEvaluationSample(db: Db, actor: Actor, input: { fiscalYear: number; percent: string; seed: number | null }) {
  const candidates = await db
    .select({
      id: selfEvaluations.id,
      score: selfEvaluations.totalScore,
      red: exists(
        db
          .select({ one: sql`1` })
          .from(monitoringWarnings)
          .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringWarnings.periodId))
          .where(and(eq(monitoringWarnings.objectiveId, selfEvaluations.objectiveId), eq(monitoringWarnings.light, "red"), eq(monitoringPeriods.fiscalYear, input.fiscalYear))),
      ).mapWith(Boolean),
    })
    .from(selfEvaluations)
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .where(
      and(
        scopeWhere(actor, "evaluation.review.finance", { orgPath: orgs.path, regionPath: regions.path }),
        eq(selfEvaluations.fiscalYear, input.fiscalYear),
        ne(selfEvaluations.state, "draft"),
        ne(selfEvaluations.state, "returned"),
        sql`${selfEvaluations.totalScore} is not null`,
      ),
    )
    .orderBy(asc(selfEvaluations.id));
  const seed = input.seed ?? randomInt(0, 2 ** 31 - 1);
  const ids = candidates.map((c) => c.id);
  const picked = drawSample(ids, seed, input.percent);
  const pickedSet = new Set(picked);
  const warned = candidates.filter((c) => c.red && !pickedSet.has(c.id)).map((c) => c.id);
  const scores = new Map(candidates.map((c) => [c.id, c.score!]));
  return db.transaction(async (tx) => {
    const [sample] = await tx
      .insert(reEvaluationSamples)
      .values({ regionId: actor.regionId, fiscalYear: input.fiscalYear, percent: input.percent, seed, candidates: ids, createdBy: actor.userId })
      .returning();
    if (picked.length) {
      await tx.insert(reEvaluationItems).values(picked.map((id) => ({ sampleId: sample.id, selfEvaluationId: id, reason: "random" as const, selfScore: scores.get(id)! })));
    }
    if (warned.length) {
      await tx.insert(reEvaluationItems).values(warned.map((id) => ({ sampleId: sample.id, selfEvaluationId: id, reason: "warning" as const, selfScore: scores.get(id)! })));
    }
    await writeAudit(tx, actor, { action: "reEvaluation.sample", objectType: "re_evaluation_sample", objectId: sample.id, after: { fiscalYear: input.fiscalYear, percent: input.percent, seed, picked, warned } });
    return { sampleId: sample.id, seed, picked, warned, candidates: ids.length };
  });
}

/** Finance records the re-score of a sampled self-evaluation; the system marks inflation. */
export async function recordReScore(db: Db, actor: Actor, input: { itemId: number; version: number; reScore: string; note: string | null }) {
  const [row] = await db
    .select({ item: reEvaluationItems, orgPath: orgs.path, regionPath: regions.path })
    .from(reEvaluationItems)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, reEvaluationItems.selfEvaluationId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .where(eq(reEvaluationItems.id, input.itemId));
  if (!row || !canOn(actor, "evaluation.review.finance", { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "re_evaluation_item", id: input.itemId });
  }
  if (row.item.version !== input.version) throw new ActionError("conflict");
  const inflated = isInflated(row.item.selfScore, input.reScore);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reEvaluationItems)
      .set({ reScore: input.reScore, inflated, note: input.note, scoredBy: actor.userId, scoredAt: new Date(), version: sql`${reEvaluationItems.version} + 1` })
      .where(and(eq(reEvaluationItems.id, row.item.id), eq(reEvaluationItems.version, input.version)))
      .returning({ version: reEvaluationItems.version });
    if (!updated) throw new ActionError("conflict");
    await writeAudit(tx, actor, {
      action: "reEvaluation.score",
      objectType: "re_evaluation_item",
      objectId: row.item.id,
      before: { reScore: row.item.reScore, inflated: row.item.inflated },
      after: { selfScore: row.item.selfScore, reScore: input.reScore, inflated },
    });
    return { version: updated.version, inflated };
  });
}

/** Inflated self-evaluations counted against each unit (for the assessment of performance management work). */
export async function inflationByUnit(db: DbOrTx, actor: Actor, fiscalYear: number) {
  return db
    .select({ orgId: orgs.id, orgName: orgs.name, inflated: count() })
    .from(reEvaluationItems)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, reEvaluationItems.selfEvaluationId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .where(
      and(
        scopeWhere(actor, "evaluation.review.finance", { orgPath: orgs.path, regionPath: regions.path }),
        eq(selfEvaluations.fiscalYear, fiscalYear),
        eq(reEvaluationItems.inflated, true),
      ),
    )
    .groupBy(orgs.id, orgs.name)
    .orderBy(asc(orgs.name));
}
