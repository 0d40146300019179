import Decimal from "decimal.js";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { objectiveIndicators, objectives, orgs, regions, selfEvaluations } from "@/db/schema";
import { GRADES, type Grade } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { rulesOf, type RuleSetRow } from "./rule-sets";
import { scoreStored } from "./self-evaluation";

export interface ReplayChange {
  selfEvaluationId: number;
  title: string;
  ownerName: string;
  oldTotal: string;
  newTotal: string;
  delta: string;
  oldGrade: Grade;
  newGrade: Grade;
}

export interface ReplayResult {
  ruleSetId: number;
  fiscalYear: number;
  scored: number;
  /** Subjects whose grade changes, largest drop first. */
  gradeChanges: ReplayChange[];
  /** Subjects whose total changes but not their grade. */
  scoreOnlyChanges: number;
  /** Count per grade before and after. */
  before: Record<Grade, number>;
  after: Record<Grade, number>;
}

/**
 * Re-scores every scored self-evaluation of the rule set's fiscal year in the actor's scope under
 * that rule set (typically a draft) and reports the differences. Reads only: nothing is written,
 * not even the rule set's `used` mark — finance sees the effect before adopting it.
 */
export async function replayYear(db: DbOrTx, actor: Actor, ruleSet: RuleSetRow): Promise<ReplayResult> {
  const rules = rulesOf(ruleSet);
  const rows = await db
    .select({ se: selfEvaluations, title: objectives.title, ownerName: orgs.name })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .where(
      and(
        scopeWhere(actor, "evaluation.review.finance", { orgPath: orgs.path, regionPath: regions.path }),
        eq(selfEvaluations.fiscalYear, ruleSet.fiscalYear),
        isNotNull(selfEvaluations.totalScore),
      ),
    );
  const versionIds = [...new Set(rows.map((r) => r.se.versionId))];
  const indicators = versionIds.length ? await db.select().from(objectiveIndicators).where(inArray(objectiveIndicators.versionId, versionIds)) : [];
  const byVersion = new Map<number, typeof indicators>();
  for (const i of indicators.sort((a, b) => a.ordinal - b.ordinal)) byVersion.set(i.versionId, [...(byVersion.get(i.versionId) ?? []), i]);

  const zero = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const before = zero();
  const after = zero();
  const gradeChanges: ReplayChange[] = [];
  let scoreOnlyChanges = 0;
  for (const r of rows) {
    const score = scoreStored(rules, byVersion.get(r.se.versionId) ?? [], r.se);
    const oldGrade = r.se.grade!;
    before[oldGrade] += 1;
    after[score.grade] += 1;
    const delta = new Decimal(score.total).minus(r.se.totalScore!);
    if (score.grade !== oldGrade) {
      gradeChanges.push({
        selfEvaluationId: r.se.id,
        title: r.title,
        ownerName: r.ownerName,
        oldTotal: r.se.totalScore!,
        newTotal: score.total,
        delta: delta.toFixed(2),
        oldGrade,
        newGrade: score.grade,
      });
    } else if (!delta.isZero()) scoreOnlyChanges += 1;
  }
  gradeChanges.sort((a, b) => new Decimal(a.delta).comparedTo(b.delta) || a.selfEvaluationId - b.selfEvaluationId);
  return { ruleSetId: ruleSet.id, fiscalYear: ruleSet.fiscalYear, scored: rows.length, gradeChanges, scoreOnlyChanges, before, after };
}
