import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessmentResults, assessmentRounds } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { frameworkOf } from "./framework";
import type { FrameworkRow } from "./frameworks";
import { computeFigures, type ComputedResult } from "./rounds";
import type { JudgedScore } from "./scoring";

/**
 * A framework (a draft, typically) replayed against a year of the actor's region: every figure
 * computed as a round would, in memory, written nowhere. Judged scores come from that year's round
 * where one exists (by indicator code); without them the totals stay open.
 */
export async function replayFramework(db: DbOrTx, actor: Actor, row: FrameworkRow, fiscalYear: number): Promise<ComputedResult[]> {
  const framework = frameworkOf(row.framework);
  const judged = await db
    .select({ orgId: assessmentResults.orgId, judged: assessmentResults.judged })
    .from(assessmentResults)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentResults.roundId))
    .where(and(eq(assessmentRounds.regionId, actor.regionId), eq(assessmentRounds.fiscalYear, fiscalYear)));
  return computeFigures(db, framework, { regionId: actor.regionId, regionPath: actor.regionPath, fiscalYear }, new Map(judged.map((j) => [j.orgId, j.judged as Record<string, JudgedScore>])));
}
