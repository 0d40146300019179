import type { TargetJudgement } from "@/db/schema/monitoring";
import { DEVIATION_MESSAGES, deviationGaps } from "@/lib/validation/monitoring";
import { msg } from "@/lib/i18n/core";

export interface ReportDraft {
  executedAmount: string | null;
  lines: {
    ordinal: number;
    valueReached: string | null;
    expectedValue: string | null;
    judgement: TargetJudgement | null;
    deviationReason: string | null;
    correctiveMeasure: string | null;
  }[];
}

/**
 * What a report needs before it can be submitted, keyed by the field it concerns
 * ("executedAmount", "lines.3.judgement"): the executed amount, and for every indicator the value
 * reached, the expected full-year value and the judgement; a target at risk needs its deviation
 * reason and corrective measure.
 */
export function reportErrors(d: ReportDraft): Record<string, string> {
  const e: Record<string, string> = {};
  const required = msg("errors.required");
  if (!d.executedAmount) e.executedAmount = msg("rules.executedToDate");
  for (const l of d.lines) {
    const k = `lines.${l.ordinal}`;
    if (!l.valueReached) e[`${k}.valueReached`] = required;
    if (!l.expectedValue) e[`${k}.expectedValue`] = required;
    if (!l.judgement) e[`${k}.judgement`] = msg("rules.judgement");
    for (const f of deviationGaps(l)) e[`${k}.${f}`] = DEVIATION_MESSAGES[f];
  }
  return e;
}
