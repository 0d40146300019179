import DecimalBase from "decimal.js";
import { formatWanExact } from "@/lib/money";
import type { Comparison, Grade, IndicatorLevel1, IndicatorLevel2 } from "@/db/schema/enums";
import { QUALITATIVE_BANDS, SCORED_LEVELS, type QualitativeBand, type ScoredLevel, type ScoringRules } from "./rules";

/**
 * THE scoring engine of self-evaluation (DESIGN §3.7): pure, exact decimal arithmetic, driven
 * entirely by a rule set (lib/evaluation/rules.ts). Every figure it returns carries the rule
 * that produced it and the numbers it used, so a reader can follow 三级 → 二级 → 一级 → total.
 * Scores keep two decimals (rounded half up, once per indicator); the points of a level are
 * split over its indicators to the cent by largest remainder, so they add up exactly.
 */
const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
type D = InstanceType<typeof Decimal>;
const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

export interface IndicatorActual {
  /** Stable key of the indicator (its ordinal or name). */
  key: string;
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  comparison: Comparison;
  target: string | null;
  /** Declared weight within its 一级 level; null → equal shares. */
  weight: string | null;
  /** Actual value for ≥ ≤ =; ignored for qualitative. */
  actual: string | null;
  /** Qualitative judgement and the percent of the points within its band. */
  band?: QualitativeBand | null;
  percent?: string | null;
}

export interface ScoringInput {
  budget: string;
  executed: string;
  indicators: IndicatorActual[];
}

/** How a figure was obtained: a rule key (translated by the page) and the arithmetic with its numbers. */
export interface Explanation {
  rule: string;
  calc: string;
}

export interface IndicatorScore {
  key: string;
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  comparison: Comparison;
  target: string | null;
  actual: string | null;
  points: string;
  score: string;
  /** Actual ÷ target as a percent where it applies (for the deviation analysis). */
  completion: string | null;
  pointsRule: Explanation;
  scoreRule: Explanation;
}

export interface Level2Score {
  level2: IndicatorLevel2;
  points: string;
  score: string;
  rule: Explanation;
  indicators: IndicatorScore[];
}

export interface Level1Score {
  level1: ScoredLevel;
  weight: string;
  points: string;
  score: string;
  pointsRule: Explanation;
  rule: Explanation;
  level2: Level2Score[];
}

export interface ExecutionScore {
  budget: string;
  executed: string;
  /** Execution rate in percent, two decimals. */
  rate: string;
  points: string;
  score: string;
  needsExplanation: boolean;
  rule: Explanation;
}

export interface ScoreResult {
  execution: ExecutionScore;
  levels: Level1Score[];
  total: string;
  grade: Grade;
  totalRule: Explanation;
  gradeRule: Explanation;
}

const f2 = (d: D) => d.toFixed(2, Decimal.ROUND_HALF_UP);
const show = (d: D) => {
  const s = d.toFixed();
  return s;
};

/** A number typed by a user: "95", "95%", "1,200.5", " -3 ". Null when it is not one. */
export function parseNumber(raw: string | null | undefined): D | null {
  if (raw == null) return null;
  const s = raw.replace(/[,，\s%％]/g, "");
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  return new Decimal(s);
}

/**
 * Splits `total` points (two decimals) over shares by weight, to the cent, by largest
 * remainder (ties to the earlier share), so the parts add up to `total` exactly.
 */
export function allocate(total: D, weights: D[]): D[] {
  // Stryker disable next-line ConditionalExpression: a shortcut — with no weights the split below also gives [] (docs/TESTING.md)
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s.plus(w), ZERO);
  const ws = sum.gt(0) ? weights : weights.map(() => new Decimal(1));
  const wsum = sum.gt(0) ? sum : new Decimal(weights.length);
  const cents = total.times(100).toDecimalPlaces(0, Decimal.ROUND_DOWN);
  const exact = ws.map((w) => cents.times(w).div(wsum));
  const floors = exact.map((e) => e.toDecimalPlaces(0, Decimal.ROUND_DOWN));
  let left = cents.minus(floors.reduce((s, v) => s.plus(v), ZERO)).toNumber();
  // Largest remainder first; the sort is stable, so equal remainders keep the shares' order.
  const order = exact.map((e, i) => ({ i, r: e.minus(floors[i]) })).sort((a, b) => b.r.comparedTo(a.r));
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left -= 1;
  }
  return floors.map((c) => c.div(100));
}

/** Scores one indicator worth `points` under the rule set. */
export function scoreIndicator(rules: ScoringRules, ind: IndicatorActual, points: D): { score: D; rule: Explanation; completion: D | null } {
  const p = show(points);
  if (ind.comparison === "qualitative") {
    const band = ind.band ?? null;
    const pct = parseNumber(ind.percent ?? null);
    if (!band || !QUALITATIVE_BANDS.includes(band) || !pct) return { score: ZERO, rule: { rule: "qualitative.missing", calc: "0.00" }, completion: null };
    const b = rules.qualitativeBands[band];
    const min = new Decimal(b.min);
    const max = new Decimal(b.max);
    // Top band includes its maximum (100); the others stop just below theirs: clamp into the band.
    let used = pct;
    if (used.lt(min)) used = min;
    const top = band === "achieved";
    // Stryker disable next-line LogicalOperator: "top || …" clamps a lower band to its max, which the next line lowers by 0.01 anyway (docs/TESTING.md)
    if (top && used.gt(max)) used = max;
    if (!top && used.gte(max)) used = max.minus("0.01");
    const score = points.times(used).div(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return { score, rule: { rule: `qualitative.${band}`, calc: `${p} × ${show(used)}% = ${f2(score)}` }, completion: used };
  }

  const target = parseNumber(ind.target);
  const actual = parseNumber(ind.actual);
  if (!target) return { score: ZERO, rule: { rule: "target.notNumber", calc: "0.00" }, completion: null };
  if (!actual) return { score: ZERO, rule: { rule: "actual.missing", calc: "0.00" }, completion: null };
  const completion = target.isZero() ? null : actual.div(target).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const full = { score: points, completion };
  const none = (rule: string, calc: string) => ({ score: ZERO, rule: { rule, calc }, completion });
  const a = show(actual);
  const t = show(target);

  const gte = (prefix: string) => {
    const g = rules.formulas.gte;
    if (actual.gte(target)) return { ...full, rule: { rule: `${prefix}.reached`, calc: `${a} ≥ ${t} → ${f2(points)}` } };
    if (target.lte(0) || g.kind === "all_or_nothing") return none(`${prefix}.missed`, `${a} < ${t} → 0.00`);
    const floor = target.times(g.zeroBelowRatio);
    if (actual.lte(0) || actual.lt(floor)) return none(`${prefix}.belowFloor`, `${a} < ${show(floor)} → 0.00`);
    const score = points.times(actual).div(target).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return { score, completion, rule: { rule: `${prefix}.proportional`, calc: `${p} × ${a} ÷ ${t} = ${f2(score)}` } };
  };

  switch (ind.comparison) {
    case "gte":
      return gte("gte");
    case "lte": {
      const l = rules.formulas.lte;
      if (actual.lte(target)) return { ...full, rule: { rule: "lte.reached", calc: `${a} ≤ ${t} → ${f2(points)}` } };
      if (target.lte(0) || l.kind === "all_or_nothing") return none("lte.missed", `${a} > ${t} → 0.00`);
      const m = new Decimal(l.zeroAtMultiple);
      const zeroAt = target.times(m);
      if (actual.gte(zeroAt)) return none("lte.atMultiple", `${a} ≥ ${show(m)} × ${t} → 0.00`);
      const score = points
        .times(new Decimal(1).minus(actual.minus(target).div(target.times(m.minus(1)))))
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      const calc = m.eq(2) ? `${p} × (1 − (${a} − ${t}) ÷ ${t}) = ${f2(score)}` : `${p} × (1 − (${a} − ${t}) ÷ (${t} × ${show(m.minus(1))})) = ${f2(score)}`;
      return { score, completion, rule: { rule: "lte.linear", calc } };
    }
    case "eq": {
      if (actual.eq(target)) return { ...full, rule: { rule: "eq.equal", calc: `${a} = ${t} → ${f2(points)}` } };
      if (target.isZero()) {
        return actual.lte(0)
          ? { ...full, rule: { rule: "eq.zeroTargetMet", calc: `${a} ≤ 0 → ${f2(points)}` } }
          : none("eq.zeroTargetMissed", `${a} > 0 → 0.00`);
      }
      if (rules.formulas.eq.kind === "all_or_nothing") return none("eq.missed", `${a} ≠ ${t} → 0.00`);
      return gte("eq.asGte");
    }
  }
}

function levelOf(rules: ScoringRules, level1: IndicatorLevel1): ScoredLevel {
  return level1 === "cost" ? rules.cost : level1;
}

function gradeOf(rules: ScoringRules, total: D): { grade: Grade; rule: Explanation } {
  const g = rules.gradeBands;
  const bands: [Grade, string][] = [
    ["excellent", g.excellent],
    ["good", g.good],
    ["fair", g.fair],
    ["poor", g.poor],
  ];
  for (const [grade, min] of bands) {
    if (total.gte(min)) return { grade, rule: { rule: `grade.${grade}`, calc: `${f2(total)} ≥ ${min}` } };
  }
  return { grade: "poor", rule: { rule: "grade.poor", calc: `${f2(total)} < ${g.fair}` } };
}

/** Scores a whole subject: execution rate, every indicator, the roll-up and the grade. */
export function scoreSubject(rules: ScoringRules, input: ScoringInput): ScoreResult {
  // Budget execution rate.
  const budget = new Decimal(input.budget);
  const executed = new Decimal(input.executed);
  const ew = new Decimal(rules.executionWeight);
  const ratio = budget.gt(0) ? Decimal.max(ZERO, Decimal.min(executed.div(budget), 1)) : ZERO;
  const rawRate = budget.gt(0) ? executed.div(budget).times(100) : ZERO;
  const execScore = ew.times(ratio).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const execution: ExecutionScore = {
    budget: f2(budget),
    executed: f2(executed),
    rate: f2(rawRate),
    points: f2(ew),
    score: f2(execScore),
    needsExplanation: rawRate.lt(rules.executionExplainBelow),
    rule: budget.gt(0)
      ? { rule: "execution.rate", calc: `min(${formatWanExact(executed)} ÷ ${formatWanExact(budget)}, 1) × ${show(ew)} = ${f2(execScore)}` }
      : { rule: "execution.noBudget", calc: "0.00" },
  };

  // Points of each level; a level with no indicators passes its points to the others in proportion.
  const present = SCORED_LEVELS.filter((l) => input.indicators.some((i) => levelOf(rules, i.level1) === l));
  const declared = SCORED_LEVELS.map((l) => new Decimal(rules.level1Weights[l]));
  const indicatorTotal = declared.reduce((s, w) => s.plus(w), ZERO);
  const presentPoints = allocate(
    indicatorTotal,
    present.map((l) => new Decimal(rules.level1Weights[l])),
  );

  const levels: Level1Score[] = present.map((level1, li) => {
    const items = input.indicators.filter((i) => levelOf(rules, i.level1) === level1);
    const weights = items.map((i) => parseNumber(i.weight) ?? ZERO);
    const useWeights = weights.some((w) => w.gt(0));
    const points = allocate(presentPoints[li], useWeights ? weights : items.map(() => new Decimal(1)));
    const scored: IndicatorScore[] = items.map((ind, k) => {
      const r = scoreIndicator(rules, ind, points[k]);
      return {
        key: ind.key,
        name: ind.name,
        level1: ind.level1,
        level2: ind.level2,
        comparison: ind.comparison,
        target: ind.target,
        actual: ind.comparison === "qualitative" ? (ind.percent ?? null) : ind.actual,
        points: f2(points[k]),
        score: f2(r.score),
        completion: r.completion ? f2(r.completion) : null,
        pointsRule: useWeights
          ? { rule: "points.byWeight", calc: `${f2(presentPoints[li])} × ${show(weights[k])} ÷ ${show(weights.reduce((s, w) => s.plus(w), ZERO))} ≈ ${f2(points[k])}` }
          : { rule: "points.equal", calc: `${f2(presentPoints[li])} ÷ ${items.length} ≈ ${f2(points[k])}` },
        scoreRule: r.rule,
      };
    });
    const level2Keys = [...new Set(scored.map((s) => s.level2))];
    const level2: Level2Score[] = level2Keys.map((level2) => {
      const members = scored.filter((s) => s.level2 === level2);
      const sum = members.reduce((s, m) => s.plus(m.score), ZERO);
      const pts = members.reduce((s, m) => s.plus(m.points), ZERO);
      return { level2, points: f2(pts), score: f2(sum), rule: { rule: "sum.level3", calc: `${members.map((m) => m.score).join(" + ")} = ${f2(sum)}` }, indicators: members };
    });
    const sum = level2.reduce((s, m) => s.plus(m.score), ZERO);
    const redistributed = !presentPoints[li].eq(rules.level1Weights[level1]);
    return {
      level1,
      weight: f2(new Decimal(rules.level1Weights[level1])),
      points: f2(presentPoints[li]),
      score: f2(sum),
      pointsRule: redistributed
        ? { rule: "points.redistributed", calc: `${show(indicatorTotal)} × ${rules.level1Weights[level1]} ÷ ${show(present.reduce((s, l) => s.plus(rules.level1Weights[l]), ZERO))} ≈ ${f2(presentPoints[li])}` }
        : { rule: "points.level1", calc: f2(presentPoints[li]) },
      rule: { rule: "sum.level2", calc: `${level2.map((m) => m.score).join(" + ")} = ${f2(sum)}` },
      level2,
    };
  });

  const total = levels.reduce((s, l) => s.plus(l.score), execScore);
  const { grade, rule: gradeRule } = gradeOf(rules, total);
  return {
    execution,
    levels,
    total: f2(total),
    grade,
    totalRule: { rule: "sum.total", calc: `${execution.score} + ${levels.map((l) => l.score).join(" + ")} = ${f2(total)}` },
    gradeRule,
  };
}

/** The grade a total earns under a rule set. */
export function gradeTotal(rules: ScoringRules, total: string): Grade {
  return gradeOf(rules, new Decimal(total)).grade;
}
