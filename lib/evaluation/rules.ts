import { z } from "zod";
import { GRADES, type Grade } from "@/db/schema/enums";

/**
 * A scoring rule set (DESIGN §3.7) as data: the weights, the formula of each comparison, the
 * qualitative bands, the grade bands. Stored as
 * JSON in evaluation_rule_sets.rules, validated by this schema on every write and every read.
 * All numbers are decimal strings.
 */
const dec = z.string().regex(/^\d{1,6}(\.\d{1,2})?$/, "evaluation.rules.invalidNumber");

export const SCORED_LEVELS = ["output", "benefit", "satisfaction"] as const;
export type ScoredLevel = (typeof SCORED_LEVELS)[number];

export const QUALITATIVE_BANDS = ["achieved", "partial", "not_achieved"] as const;
export type QualitativeBand = (typeof QUALITATIVE_BANDS)[number];

/** A percentage 0–100 with at most two decimals. */
const pct = dec.refine((v) => Number(v) <= 100, "evaluation.rules.percentOver100");

/**
 * Result application (结果应用, DESIGN §3.8) as data, part of the year's rule set: what each grade
 * does to next year's request. 差 cut by poorCutPercent (100 = no budget: stop), 中 cut by
 * fairCutPercent (and a rectification), 良 as requested, 优 as requested with priority; an
 * unrectified red monitoring warning cuts a further redWarningCutPercent of what remains.
 * The amount is rounded once to the fen by `rounding` (half_up: 四舍五入; down: 舍去).
 */
export const applicationRulesSchema = z.strictObject({
  poorCutPercent: pct,
  fairCutPercent: pct,
  redWarningCutPercent: pct,
  rounding: z.enum(["half_up", "down"]),
});
export type ApplicationRules = z.infer<typeof applicationRulesSchema>;

/** DESIGN §3.8 defaults: 差 no budget, 中 −10 %, an unrectified red warning a further −10 %, 四舍五入到分. */
export const DEFAULT_APPLICATION_RULES: ApplicationRules = { poorCutPercent: "100", fairCutPercent: "10", redWarningCutPercent: "10", rounding: "half_up" };

export const scoringRulesSchema = z
  .strictObject({
    /** Points of the budget execution rate: min(executed / budget, cap) × weight. */
    executionWeight: dec,
    /** Execution rate (percent) below which the filer must explain. */
    executionExplainBelow: dec,
    /** Points of each scored 一级 level. With the execution weight they make 100. */
    level1Weights: z.strictObject({ output: dec, benefit: dec, satisfaction: dec }),
    /** 一级 classes scored inside another level (成本指标 counts under 产出). */
    cost: z.enum(SCORED_LEVELS),
    formulas: z.strictObject({
      /** ≥: proportional — actual / target of the points; below zeroBelowRatio × target, nothing. */
      gte: z.strictObject({ kind: z.enum(["proportional", "all_or_nothing"]), zeroBelowRatio: dec }),
      /** ≤: full at or below the target, falling linearly to nothing at zeroAtMultiple × target. */
      lte: z.strictObject({ kind: z.enum(["linear", "all_or_nothing"]), zeroAtMultiple: dec }),
      /** =: equal → full; target 0 → full when actual ≤ 0; otherwise as ≥ (or nothing). */
      eq: z.strictObject({ kind: z.enum(["exact_else_gte", "all_or_nothing"]) }),
    }),
    /** Percent of the points for each qualitative judgement: min inclusive, max exclusive except 100. */
    qualitativeBands: z.strictObject({
      achieved: z.strictObject({ min: dec, max: dec }),
      partial: z.strictObject({ min: dec, max: dec }),
      not_achieved: z.strictObject({ min: dec, max: dec }),
    }),
    /** Minimum total for each grade (优 良 中 差). */
    gradeBands: z.strictObject({ excellent: dec, good: dec, fair: dec, poor: dec }),
    /**
     * Result application rules (optional: a set stored before they existed applies
     * DEFAULT_APPLICATION_RULES, with 中's cut from the budget year's grade_medium_cut_percent).
     */
    application: applicationRulesSchema.optional(),
  })
  .superRefine((r, ctx) => {
    // Stryker disable next-line StringLiteral: zod's issue code; the form shows the message on its field whatever the code (docs/TESTING.md)
    const fault = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const sum = [r.executionWeight, r.level1Weights.output, r.level1Weights.benefit, r.level1Weights.satisfaction].reduce((s, v) => s + Math.round(Number(v) * 100), 0);
    if (sum !== 10000) fault(["level1Weights"], "evaluation.rules.weightsNot100");
    const g = r.gradeBands;
    const [e, gd, f, p] = [g.excellent, g.good, g.fair, g.poor].map((v) => Math.round(Number(v) * 100));
    if (!(e > gd && gd > f && f > p && p === 0 && e <= 10000)) fault(["gradeBands"], "evaluation.rules.gradeBandsOrder");
    const b = r.qualitativeBands;
    const n = (v: string) => Math.round(Number(v) * 100);
    if (!(n(b.achieved.max) === 10000 && n(b.achieved.min) === n(b.partial.max) && n(b.partial.min) === n(b.not_achieved.max) && n(b.not_achieved.min) === 0 && n(b.achieved.min) > n(b.partial.min) && n(b.partial.min) > 0)) {
      fault(["qualitativeBands"], "evaluation.rules.bandsOrder");
    }
    if (n(r.formulas.gte.zeroBelowRatio) >= 100) fault(["formulas", "gte"], "evaluation.rules.ratio");
    if (n(r.formulas.lte.zeroAtMultiple) <= 100) fault(["formulas", "lte"], "evaluation.rules.multiple");
  });

export type ScoringRules = z.infer<typeof scoringRulesSchema>;

/** DESIGN §3.7 defaults: 10 / 50 / 30 / 10, proportional ≥, linear ≤ to 2×, bands 80/60, grades 90/80/60. */
export const DEFAULT_RULES: ScoringRules = {
  executionWeight: "10",
  executionExplainBelow: "90",
  level1Weights: { output: "50", benefit: "30", satisfaction: "10" },
  cost: "output",
  formulas: {
    gte: { kind: "proportional", zeroBelowRatio: "0" },
    lte: { kind: "linear", zeroAtMultiple: "2" },
    eq: { kind: "exact_else_gte" },
  },
  qualitativeBands: {
    achieved: { min: "80", max: "100" },
    partial: { min: "60", max: "80" },
    not_achieved: { min: "0", max: "60" },
  },
  gradeBands: { excellent: "90", good: "80", fair: "60", poor: "0" },
  application: DEFAULT_APPLICATION_RULES,
};

export const GRADE_ORDER: readonly Grade[] = GRADES;
