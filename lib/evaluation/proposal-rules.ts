import Decimal from "decimal.js";
import type { ProposalRule } from "@/db/schema/evaluation";
import type { Grade } from "@/db/schema/enums";
import { DEFAULT_APPLICATION_RULES, type ApplicationRules, type ScoringRules } from "./rules";
import { gradeTotal } from "./scoring";

/**
 * Result application (结果应用, DESIGN §3.8) as a pure function of the rule set's data: which grade
 * counts, which rule applies, and the amount, exactly (decimal.js, 元, rounded once to the fen).
 *
 * The grade that counts:
 *   1. a key evaluation's (重点评价, accepted) — it prevails;
 *   2. else, when re-evaluation found the self-score inflated (自评质量差), the grade of the
 *      corrected score (the re-score) under the rule set's grade lines;
 *   3. else the self-evaluation's grade.
 * The rule of that grade (the rule set's `application`): 差 −poorCutPercent (100 = stop),
 * 中 −fairCutPercent, 良 as requested, 优 priority (优先保障) as requested; then an unrectified red
 * monitoring warning cuts a further redWarningCutPercent of what remains:
 *   amount = requested × (100 − grade cut) ÷ 100 × (100 − red cut) ÷ 100, rounded to the fen.
 */

export const GRADE_SOURCES = ["self", "key", "re_evaluation"] as const;
export type GradeSource = (typeof GRADE_SOURCES)[number];
export const PROPOSAL_RULE_KEYS = ["poor_stop", "poor_cut", "fair_cut", "good_as_requested", "excellent_priority"] as const;
export type ProposalRuleKey = (typeof PROPOSAL_RULE_KEYS)[number];

/** Everything a proposal's amount came from, stored on the proposal (budget_proposals.basis). */
export interface ProposalBasis {
  gradeSource: GradeSource;
  selfGrade: Grade;
  selfScore: string | null;
  keyGrade: Grade | null;
  keyScore: string | null;
  /** Re-evaluation's corrected score, when the self-score was found inflated. */
  reScore: string | null;
  reGrade: Grade | null;
  redWarnings: number;
  ruleKey: ProposalRuleKey;
  /** Whether the red-warning cut applied. */
  redWarningCut: boolean;
  gradeCutPercent: string;
  redCutPercent: string;
  rounding: ApplicationRules["rounding"];
  /** Where the rules came from: the rule set's own, or the defaults (a set stored before they existed). */
  rulesFrom: "rule_set" | "default";
  requested: string;
  /** The arithmetic with its numbers, in 元. */
  calc: string;
}

export interface ProposalInput {
  rules: ScoringRules;
  /** The budget year's 中 cut, used only when the rule set has no application rules of its own. */
  fallbackFairCut: string;
  requested: string;
  selfGrade: Grade;
  selfScore: string | null;
  keyGrade: Grade | null;
  keyScore: string | null;
  /** The re-score of an inflated self-evaluation (null when not re-evaluated or not inflated). */
  inflatedReScore: string | null;
  redWarnings: number;
}

export interface ProposalOutcome {
  grade: Grade;
  rule: ProposalRule;
  proposed: string;
  cutPercent: string | null;
  rectification: boolean;
  basis: ProposalBasis;
}

/** The application rules of a rule set; a set stored before they existed gets the defaults (中 from the budget year). */
export function applicationRulesOf(rules: ScoringRules, fallbackFairCut: string): { rules: ApplicationRules; from: "rule_set" | "default" } {
  if (rules.application) return { rules: rules.application, from: "rule_set" };
  return { rules: { ...DEFAULT_APPLICATION_RULES, fairCutPercent: new Decimal(fallbackFairCut).toString() }, from: "default" };
}

const yuan = (d: Decimal) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function computeProposal(input: ProposalInput): ProposalOutcome {
  const app = applicationRulesOf(input.rules, input.fallbackFairCut);
  const reGrade = input.inflatedReScore != null ? gradeTotal(input.rules, input.inflatedReScore) : null;
  const [grade, gradeSource]: [Grade, GradeSource] = input.keyGrade ? [input.keyGrade, "key"] : reGrade ? [reGrade, "re_evaluation"] : [input.selfGrade, "self"];
  const a = app.rules;
  const [ruleKey, rule, gradeCut]: [ProposalRuleKey, ProposalRule, string] =
    grade === "poor"
      ? new Decimal(a.poorCutPercent).gte(100)
        ? ["poor_stop", "none", "100"]
        : ["poor_cut", "cut", a.poorCutPercent]
      : grade === "fair"
        ? ["fair_cut", "cut", a.fairCutPercent]
        : grade === "good"
          ? ["good_as_requested", "as_requested", "0"]
          : ["excellent_priority", "priority", "0"];
  const redWarningCut = input.redWarnings > 0 && new Decimal(a.redWarningCutPercent).gt(0);
  const redCut = redWarningCut ? a.redWarningCutPercent : "0";
  const requested = new Decimal(input.requested);
  const exact = requested.times(new Decimal(100).minus(gradeCut)).div(100).times(new Decimal(100).minus(redCut)).div(100);
  const amount = exact.toDecimalPlaces(2, a.rounding === "down" ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP);
  const steps = [yuan(requested)];
  if (new Decimal(gradeCut).gt(0)) steps.push(`(100 − ${gradeCut})%`);
  if (redWarningCut) steps.push(`(100 − ${redCut})%`);
  const calc = `${steps.join(" × ")} = ${yuan(amount)}`;
  return {
    grade,
    rule,
    proposed: amount.toFixed(2),
    cutPercent: rule === "cut" ? gradeCut : null,
    rectification: grade === "poor" || grade === "fair" || input.redWarnings > 0,
    basis: {
      gradeSource,
      selfGrade: input.selfGrade,
      selfScore: input.selfScore,
      keyGrade: input.keyGrade,
      keyScore: input.keyScore,
      reScore: input.inflatedReScore,
      reGrade,
      redWarnings: input.redWarnings,
      ruleKey,
      redWarningCut,
      gradeCutPercent: gradeCut,
      redCutPercent: redCut,
      rounding: a.rounding,
      rulesFrom: app.from,
      requested: requested.toFixed(2),
      calc,
    },
  };
}
