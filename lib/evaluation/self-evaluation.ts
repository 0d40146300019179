import Decimal from "decimal.js";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { evaluationRuleSets, objectiveIndicators, selfEvaluations } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { ActualRow } from "@/lib/validation/evaluation";
import { activeRuleSetFor } from "./rule-sets";
import { scoringRulesSchema, type ScoringRules } from "./rules";
import { parseNumber, scoreSubject, type IndicatorActual, type ScoreResult, type ScoringInput } from "./scoring";

type IndicatorRow = typeof objectiveIndicators.$inferSelect;
type SelfEvaluationRow = typeof selfEvaluations.$inferSelect;

export function actualsOf(se: Pick<SelfEvaluationRow, "actuals">): ActualRow[] {
  return (se.actuals as ActualRow[] | null) ?? [];
}

/** The engine's input from an objective version's indicator table and the filer's actual values. */
export function scoringInput(indicators: IndicatorRow[], actuals: ActualRow[], budget: string, executed: string): ScoringInput {
  const byOrdinal = new Map(actuals.map((a) => [a.ordinal, a]));
  return {
    budget,
    executed,
    indicators: indicators.map((i): IndicatorActual => {
      const a = byOrdinal.get(i.ordinal);
      return {
        key: String(i.ordinal),
        name: i.name,
        level1: i.level1,
        level2: i.level2,
        comparison: i.comparison,
        target: i.annualTarget,
        weight: i.weight,
        actual: a?.actual ?? null,
        band: a?.band ?? null,
        percent: a?.percent ?? null,
      };
    }),
  };
}

export async function indicatorsOf(db: DbOrTx, versionId: number) {
  return db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, versionId)).orderBy(objectiveIndicators.ordinal);
}

/**
 * Takes the governing rule set for scoring and marks it used in the same statement (the row is
 * locked until the transaction ends), so finance can no longer edit it from this moment on.
 */
export async function takeRuleSetForScoring(tx: Tx, regionId: number, fiscalYear: number): Promise<{ id: number; rules: ScoringRules }> {
  const active = await activeRuleSetFor(tx, regionId, fiscalYear);
  if (!active) throw new ActionError("invalid_input", { _form: "evaluation.rules.none" });
  const [row] = await tx
    .update(evaluationRuleSets)
    .set({ used: true })
    .where(and(eq(evaluationRuleSets.id, active.id), eq(evaluationRuleSets.status, "active")))
    .returning();
  if (!row) throw new ActionError("conflict");
  return { id: row.id, rules: scoringRulesSchema.parse(row.rules) };
}

/** Scores a stored self-evaluation under the given rules (pure once the indicators are loaded). */
export function scoreStored(rules: ScoringRules, indicators: IndicatorRow[], se: Pick<SelfEvaluationRow, "actuals" | "budgetAmount" | "executedAmount">): ScoreResult {
  return scoreSubject(rules, scoringInput(indicators, actualsOf(se), se.budgetAmount, se.executedAmount));
}

/**
 * What must be filled before submitting (DESIGN §3.7): every actual value, a judgement within its
 * band for qualitative indicators, a deviation analysis where a target was missed, and an
 * explanation when the execution rate is below the threshold. Field keys match the form.
 */
export function submissionProblems(rules: ScoringRules, indicators: IndicatorRow[], se: Pick<SelfEvaluationRow, "actuals" | "budgetAmount" | "executedAmount" | "executionExplanation">, score: ScoreResult) {
  const problems: Record<string, string> = {};
  const actuals = new Map(actualsOf(se).map((a) => [a.ordinal, a]));
  const scored = new Map(score.levels.flatMap((l) => l.level2.flatMap((l2) => l2.indicators)).map((i) => [i.key, i]));
  for (const ind of indicators) {
    const a = actuals.get(ind.ordinal);
    const key = `actuals.${ind.ordinal}`;
    if (ind.comparison === "qualitative") {
      if (!a?.band || !a.percent) {
        problems[`${key}.band`] = "evaluation.errors.missingBand";
        continue;
      }
      const b = rules.qualitativeBands[a.band];
      const p = new Decimal(a.percent);
      const top = a.band === "achieved";
      if (p.lt(b.min) || (top ? p.gt(b.max) : p.gte(b.max))) problems[`${key}.percent`] = "evaluation.errors.percentOutOfBand";
      // A judgement is given with its reason, whatever the band (DESIGN §3.7).
      if (!a.deviation) problems[`${key}.deviation`] = "evaluation.errors.missingReason";
      continue;
    } else if (!a?.actual || !parseNumber(a.actual)) {
      problems[`${key}.actual`] = "evaluation.errors.missingActual";
      continue;
    }
    const s = scored.get(String(ind.ordinal));
    if (s && new Decimal(s.score).lt(s.points) && !a?.deviation) problems[`${key}.deviation`] = "evaluation.errors.missingDeviation";
  }
  if (score.execution.needsExplanation && !se.executionExplanation) problems.executionExplanation = "evaluation.errors.missingExplanation";
  return problems;
}

/** Stores the score of a self-evaluation (inside the transaction that changed it). */
export async function storeScore(tx: Tx, selfEvaluationId: number, ruleSetId: number, score: ScoreResult) {
  await tx
    .update(selfEvaluations)
    .set({ ruleSetId, totalScore: score.total, grade: score.grade, breakdown: score, updatedAt: new Date() })
    .where(eq(selfEvaluations.id, selfEvaluationId));
}

export const bumpVersion = sql`${selfEvaluations.version} + 1`;
