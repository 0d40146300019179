import { describe, expect, it } from "vitest";
import DecimalBase from "decimal.js";
import { DEFAULT_RULES, scoringRulesSchema, type ScoringRules } from "@/lib/evaluation/rules";
import { allocate, gradeTotal, parseNumber, scoreIndicator, scoreSubject, type IndicatorActual } from "@/lib/evaluation/scoring";

/*
 * What the self-evaluation page shows a finance reviewer — each indicator's score and the rule and
 * arithmetic printed beside it, the level totals, the grade — at the edges where a small slip in the
 * engine would change a figure (issue 22: the survivors of mutation testing).
 */
const D = (v: string | number) => new DecimalBase(v);
const R = DEFAULT_RULES;

function ind(comparison: IndicatorActual["comparison"], target: string | null, actual: string | null, extra: Partial<IndicatorActual> = {}): IndicatorActual {
  return { key: "1", name: "指标", level1: "output", level2: "quantity", comparison, target, weight: null, actual, ...extra };
}
const run = (i: IndicatorActual, points = "100", rules: ScoringRules = R) => {
  const r = scoreIndicator(rules, i, D(points));
  return { score: r.score.toFixed(2), rule: r.rule.rule, calc: r.rule.calc, completion: r.completion?.toFixed(2) ?? null };
};
const withFormulas = (f: Partial<ScoringRules["formulas"]>): ScoringRules => ({ ...R, formulas: { ...R.formulas, ...f } });

describe("a number typed into the actual or target is read whole, or not at all", () => {
  it("text before or after the digits is not a number: the indicator scores 0 with 'actual missing'", () => {
    for (const actual of ["abc95", "95abc", "约95", "95以上", "9 5x", "95.", ".5", "1.2.3", "--3", "", "%"]) {
      expect(run(ind("gte", "100", actual)), actual).toEqual({ score: "0.00", rule: "actual.missing", calc: "0.00", completion: null });
    }
    expect(run(ind("gte", "100", null))).toMatchObject({ score: "0.00", rule: "actual.missing" });
  });
  it("a target with words around its number is not a number either", () => {
    for (const target of ["≥95", "95个", "x100"]) expect(run(ind("gte", target, "100")), target).toMatchObject({ score: "0.00", rule: "target.notNumber", calc: "0.00" });
  });
  it("separators, percent signs and spaces (half or full width) are ignored; a sign is allowed", () => {
    expect(parseNumber("1，200.5％")?.toFixed()).toBe("1200.5");
    expect(parseNumber(" 1 200 ")?.toFixed()).toBe("1200");
    expect(parseNumber("+3")?.toFixed()).toBe("3");
    expect(parseNumber("-3.25")?.toFixed()).toBe("-3.25");
    expect(parseNumber(undefined)).toBeNull();
    expect(run(ind("gte", "1,000", "950"))).toMatchObject({ score: "95.00", calc: "100 × 950 ÷ 1000 = 95.00", completion: "95.00" });
  });
});

describe("qualitative judgement: the percent is kept inside its band", () => {
  const q = (band: IndicatorActual["band"], percent: string | null) => run(ind("qualitative", "完成", null, { band, percent }));
  it("partly achieved stops just below 80%: 80 or more counts as 79.99", () => {
    expect(q("partial", "80")).toEqual({ score: "79.99", rule: "qualitative.partial", calc: "100 × 79.99% = 79.99", completion: "79.99" });
    expect(q("partial", "95")).toMatchObject({ score: "79.99" });
    expect(q("partial", "79.98")).toMatchObject({ score: "79.98" });
  });
  it("partly achieved starts at 60%: less counts as 60", () => {
    expect(q("partial", "20")).toEqual({ score: "60.00", rule: "qualitative.partial", calc: "100 × 60% = 60.00", completion: "60.00" });
    expect(q("partial", "60.01")).toMatchObject({ score: "60.01" });
  });
  it("achieved runs from 80% up to and including 100%", () => {
    expect(q("achieved", "100")).toMatchObject({ score: "100.00", calc: "100 × 100% = 100.00" });
    expect(q("achieved", "130")).toMatchObject({ score: "100.00", completion: "100.00" });
    expect(q("achieved", "99.99")).toMatchObject({ score: "99.99" });
    expect(q("achieved", "50")).toMatchObject({ score: "80.00", rule: "qualitative.achieved" });
  });
  it("not achieved stays below 60%", () => {
    expect(q("not_achieved", "60")).toMatchObject({ score: "59.99", rule: "qualitative.not_achieved" });
    expect(q("not_achieved", "0")).toMatchObject({ score: "0.00", completion: "0.00" });
    expect(q("not_achieved", "30")).toMatchObject({ score: "30.00" });
  });
  it("a province's own bands are used, not the defaults", () => {
    const bands = { ...R, qualitativeBands: { achieved: { min: "90", max: "100" }, partial: { min: "50", max: "90" }, not_achieved: { min: "0", max: "50" } } };
    expect(run(ind("qualitative", "完成", null, { band: "achieved", percent: "85" }), "100", bands)).toMatchObject({ score: "90.00" });
    expect(run(ind("qualitative", "完成", null, { band: "partial", percent: "40" }), "100", bands)).toMatchObject({ score: "50.00" });
  });
  it("no band, an unknown band or no percent: 0 with 'judgement missing'", () => {
    for (const [band, percent] of [[null, "90"], [undefined, "90"], ["done" as never, "90"], ["achieved", null], ["achieved", "很好"]] as const) {
      expect(q(band, percent)).toEqual({ score: "0.00", rule: "qualitative.missing", calc: "0.00", completion: null });
    }
  });
});

describe("points split to the cent: ties go to the earlier indicator", () => {
  const cents = (total: string, weights: number[]) => allocate(D(total), weights.map((w) => D(w))).map((d) => d.toFixed(2));
  it("one or two spare cents go to the first indicators", () => {
    expect(cents("0.01", [1, 1, 1])).toEqual(["0.01", "0.00", "0.00"]);
    expect(cents("0.02", [1, 1, 1])).toEqual(["0.01", "0.01", "0.00"]);
    expect(cents("10", [1, 1, 1])).toEqual(["3.34", "3.33", "3.33"]);
  });
  it("otherwise the largest remainder takes the cent, wherever it is", () => {
    expect(cents("0.01", [1, 2])).toEqual(["0.00", "0.01"]);
    expect(cents("0.02", [1, 1, 2])).toEqual(["0.01", "0.00", "0.01"]);
    expect(cents("0.01", [1, 1, 2])).toEqual(["0.00", "0.00", "0.01"]);
    expect(cents("1", [1, 1, 1, 3])).toEqual(["0.17", "0.17", "0.16", "0.50"]);
  });
  it("no weight at all: equal shares; nothing to split: nothing; fractions of a cent are dropped", () => {
    expect(cents("10", [0, 0])).toEqual(["5.00", "5.00"]);
    expect(cents("10", [])).toEqual([]);
    expect(cents("10.009", [1])).toEqual(["10.00"]);
  });
});

describe("≥ indicators under a province's formulas", () => {
  const floor60 = withFormulas({ gte: { kind: "proportional", zeroBelowRatio: "0.6" } });
  it("below 60% of the target there is nothing, and the page says so", () => {
    expect(run(ind("gte", "100", "59.99"), "100", floor60)).toEqual({ score: "0.00", rule: "gte.belowFloor", calc: "59.99 < 60 → 0.00", completion: "59.99" });
    expect(run(ind("gte", "100", "60"), "100", floor60)).toMatchObject({ score: "60.00", rule: "gte.proportional" });
  });
  it("with no floor, an actual of 0 or less scores nothing (below floor), a little more scores a little", () => {
    expect(run(ind("gte", "100", "0"))).toMatchObject({ score: "0.00", rule: "gte.belowFloor", calc: "0 < 0 → 0.00" });
    expect(run(ind("gte", "100", "0.01"))).toMatchObject({ score: "0.01", rule: "gte.proportional" });
  });
  it("all or nothing: just missing the target gives nothing", () => {
    const aon = withFormulas({ gte: { kind: "all_or_nothing", zeroBelowRatio: "0" } });
    expect(run(ind("gte", "100", "99.99"), "100", aon)).toEqual({ score: "0.00", rule: "gte.missed", calc: "99.99 < 100 → 0.00", completion: "99.99" });
    expect(run(ind("gte", "100", "100"), "100", aon)).toEqual({ score: "100.00", rule: "gte.reached", calc: "100 ≥ 100 → 100.00", completion: "100.00" });
  });
  it("a target of 0 or below that is missed gives nothing; completion is not shown for a zero target", () => {
    expect(run(ind("gte", "-5", "-6"))).toMatchObject({ score: "0.00", rule: "gte.missed", completion: "120.00" });
    expect(run(ind("gte", "0", "-1"))).toMatchObject({ score: "0.00", rule: "gte.missed", completion: null });
  });
});

describe("≤ indicators", () => {
  it("the line to zero at 2× the target is printed with its numbers", () => {
    expect(run(ind("lte", "5", "5"))).toEqual({ score: "100.00", rule: "lte.reached", calc: "5 ≤ 5 → 100.00", completion: "100.00" });
    expect(run(ind("lte", "5", "10"))).toEqual({ score: "0.00", rule: "lte.atMultiple", calc: "10 ≥ 2 × 5 → 0.00", completion: "200.00" });
    expect(run(ind("lte", "5", "9.99"))).toMatchObject({ score: "0.20", rule: "lte.linear" });
  });
  it("a province falling to zero at 3× the target", () => {
    const m3 = withFormulas({ lte: { kind: "linear", zeroAtMultiple: "3" } });
    expect(run(ind("lte", "10", "20"), "100", m3)).toEqual({ score: "50.00", rule: "lte.linear", calc: "100 × (1 − (20 − 10) ÷ (10 × 2)) = 50.00", completion: "200.00" });
    expect(run(ind("lte", "10", "30"), "100", m3)).toMatchObject({ score: "0.00", rule: "lte.atMultiple", calc: "30 ≥ 3 × 10 → 0.00" });
  });
  it("all or nothing, or a target of 0 or below: above the target is nothing", () => {
    const aon = withFormulas({ lte: { kind: "all_or_nothing", zeroAtMultiple: "2" } });
    expect(run(ind("lte", "5", "5.01"), "100", aon)).toEqual({ score: "0.00", rule: "lte.missed", calc: "5.01 > 5 → 0.00", completion: "100.20" });
    expect(run(ind("lte", "-1", "0"))).toMatchObject({ score: "0.00", rule: "lte.missed" });
    expect(run(ind("lte", "0", "0.01"))).toEqual({ score: "0.00", rule: "lte.missed", calc: "0.01 > 0 → 0.00", completion: null });
  });
});

describe("= indicators", () => {
  it("equal, zero target met or missed, otherwise as ≥ — each says which", () => {
    expect(run(ind("eq", "12", "12"))).toEqual({ score: "100.00", rule: "eq.equal", calc: "12 = 12 → 100.00", completion: "100.00" });
    expect(run(ind("eq", "0", "-1"))).toEqual({ score: "100.00", rule: "eq.zeroTargetMet", calc: "-1 ≤ 0 → 100.00", completion: null });
    expect(run(ind("eq", "0", "0.5"))).toEqual({ score: "0.00", rule: "eq.zeroTargetMissed", calc: "0.5 > 0 → 0.00", completion: null });
    expect(run(ind("eq", "12", "9"))).toMatchObject({ score: "75.00", rule: "eq.asGte.proportional", calc: "100 × 9 ÷ 12 = 75.00" });
    expect(run(ind("eq", "12", "13"))).toMatchObject({ score: "100.00", rule: "eq.asGte.reached" });
  });
  it("all or nothing: anything but the target is nothing", () => {
    const aon = withFormulas({ eq: { kind: "all_or_nothing" } });
    expect(run(ind("eq", "12", "13"), "100", aon)).toEqual({ score: "0.00", rule: "eq.missed", calc: "13 ≠ 12 → 0.00", completion: "108.33" });
  });
});

describe("a whole subject as the page prints it", () => {
  const subject = (indicators: IndicatorActual[], budget = "1000000", executed = "1000000") => scoreSubject(R, { budget, executed, indicators });
  it("execution: the rate, its points and the formula in 万元", () => {
    const r = subject([], "1000000", "850000");
    expect(r.execution).toEqual({
      budget: "1000000.00", executed: "850000.00", rate: "85.00", points: "10.00", score: "8.50", needsExplanation: true,
      rule: { rule: "execution.rate", calc: "min(85.00 ÷ 100.00, 1) × 10 = 8.50" },
    });
    expect(subject([], "1000000", "1200000").execution).toMatchObject({ rate: "120.00", score: "10.00", needsExplanation: false });
    expect(subject([], "1000000", "-5").execution).toMatchObject({ score: "0.00" });
  });
  it("no budget: no execution points, and the page says why", () => {
    expect(subject([], "0", "100").execution).toEqual({
      budget: "0.00", executed: "100.00", rate: "0.00", points: "10.00", score: "0.00", needsExplanation: true, rule: { rule: "execution.noBudget", calc: "0.00" },
    });
  });
  it("cost indicators count under output; the level's points and rule are shown", () => {
    const r = subject([
      ind("gte", "100", "100", { key: "a", level1: "cost", level2: "cost" }),
      ind("gte", "100", "50", { key: "b", level1: "benefit", level2: "social" }),
      ind("gte", "100", "100", { key: "c", level1: "satisfaction", level2: "satisfaction" }),
    ]);
    expect(r.levels.map((l) => [l.level1, l.weight, l.points, l.score, l.pointsRule])).toEqual([
      ["output", "50.00", "50.00", "50.00", { rule: "points.level1", calc: "50.00" }],
      ["benefit", "30.00", "30.00", "15.00", { rule: "points.level1", calc: "30.00" }],
      ["satisfaction", "10.00", "10.00", "10.00", { rule: "points.level1", calc: "10.00" }],
    ]);
    expect(r.levels[0].level2[0]).toMatchObject({ level2: "cost", points: "50.00", score: "50.00", rule: { rule: "sum.level3", calc: "50.00 = 50.00" } });
    expect(r.levels[1].rule).toEqual({ rule: "sum.level2", calc: "15.00 = 15.00" });
    expect(r).toMatchObject({ total: "85.00", grade: "good", gradeRule: { rule: "grade.good", calc: "85.00 ≥ 80" }, totalRule: { rule: "sum.total", calc: "10.00 + 50.00 + 15.00 + 10.00 = 85.00" } });
  });
  it("a province scoring cost under benefit", () => {
    const r = scoreSubject({ ...R, cost: "benefit" }, { budget: "1", executed: "1", indicators: [ind("gte", "1", "1", { level1: "cost", level2: "cost" })] });
    expect(r.levels.map((l) => l.level1)).toEqual(["benefit"]);
  });
  it("a missing level's points pass to the others, and the page shows the share", () => {
    const r = subject([ind("gte", "100", "100", { key: "a" }), ind("gte", "100", "100", { key: "b", level1: "benefit", level2: "social" })]);
    expect(r.levels[0].pointsRule).toEqual({ rule: "points.redistributed", calc: "90 × 50 ÷ 80 ≈ 56.25" });
    expect(r.levels[1].pointsRule).toEqual({ rule: "points.redistributed", calc: "90 × 30 ÷ 80 ≈ 33.75" });
  });
  it("indicator points by declared weight, or equal shares, each with its arithmetic", () => {
    const weighted = subject([ind("gte", "1", "1", { key: "a", weight: "30" }), ind("gte", "1", "1", { key: "b", weight: "10" }), ind("gte", "1", "1", { key: "c", weight: "不填" })]);
    const items = weighted.levels[0].level2[0].indicators;
    expect(items.map((i) => [i.points, i.pointsRule.rule, i.pointsRule.calc])).toEqual([
      ["67.50", "points.byWeight", "90.00 × 30 ÷ 40 ≈ 67.50"],
      ["22.50", "points.byWeight", "90.00 × 10 ÷ 40 ≈ 22.50"],
      ["0.00", "points.byWeight", "90.00 × 0 ÷ 40 ≈ 0.00"],
    ]);
    const equal = subject([ind("gte", "1", "1", { key: "a" }), ind("gte", "1", "1", { key: "b", weight: "0" })]).levels[0].level2[0].indicators;
    expect(equal.map((i) => [i.points, i.pointsRule])).toEqual([
      ["45.00", { rule: "points.equal", calc: "90.00 ÷ 2 ≈ 45.00" }],
      ["45.00", { rule: "points.equal", calc: "90.00 ÷ 2 ≈ 45.00" }],
    ]);
  });
  it("each indicator row carries what was entered: the actual, or the qualitative percent, and its completion", () => {
    const r = subject([
      ind("gte", "80", "60", { key: "a", name: "里程" }),
      ind("qualitative", "完成", "忽略", { key: "b", level2: "quality", band: "partial", percent: "70" }),
      ind("qualitative", "完成", null, { key: "c", level2: "quality" }),
    ]);
    const [quantity, quality] = r.levels[0].level2;
    expect(quantity.indicators[0]).toMatchObject({ key: "a", name: "里程", level1: "output", level2: "quantity", comparison: "gte", target: "80", actual: "60", points: "30.00", score: "22.50", completion: "75.00", scoreRule: { rule: "gte.proportional" } });
    expect(quality.indicators.map((i) => [i.actual, i.completion, i.score])).toEqual([["70", "70.00", "21.00"], [null, null, "0.00"]]);
    expect(quality).toMatchObject({ points: "60.00", score: "21.00", rule: { calc: "21.00 + 0.00 = 21.00" } });
  });
  it("below every band: 差, and the page says the total is under 中's floor", () => {
    const r = subject([], "100", "0");
    expect(r).toMatchObject({ total: "0.00", grade: "poor", gradeRule: { rule: "grade.poor", calc: "0.00 ≥ 0" } });
    const strict = { ...R, gradeBands: { excellent: "90", good: "80", fair: "60", poor: "0" } };
    expect(gradeTotal(strict, "59.99")).toBe("poor");
    expect(gradeTotal(strict, "60")).toBe("fair");
    expect(gradeTotal(strict, "79.99")).toBe("fair");
    expect(gradeTotal(strict, "80")).toBe("good");
    expect(gradeTotal(strict, "90")).toBe("excellent");
    expect(gradeTotal(strict, "-1")).toBe("poor");
    // A total under every band, 差's included: still 差, and the page says it is under 中's floor.
    const high = { ...R, gradeBands: { excellent: "90", good: "80", fair: "60", poor: "50" } };
    expect(scoreSubject(high, { budget: "100", executed: "0", indicators: [] })).toMatchObject({ grade: "poor", gradeRule: { rule: "grade.poor", calc: "0.00 < 60" } });
  });
});

describe("a rule set finance saves is checked, each fault on its field", () => {
  const issues = (r: unknown) => {
    const p = scoringRulesSchema.safeParse(r);
    return p.success ? [] : p.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("the defaults and a sound province set pass", () => {
    expect(issues(R)).toEqual([]);
    expect(issues({ ...R, executionWeight: "0", level1Weights: { output: "60", benefit: "30", satisfaction: "10" } })).toEqual([]);
    expect(issues({ ...R, executionWeight: "10.5", level1Weights: { output: "49.5", benefit: "30", satisfaction: "10" } })).toEqual([]);
  });
  it("numbers are plain decimals of at most six digits and two decimals", () => {
    for (const bad of ["abc10", "10abc", "1234567", "10.123", "-10", "10.", ""]) {
      expect(issues({ ...R, executionExplainBelow: bad }), bad).toContain("executionExplainBelow: evaluation.rules.invalidNumber");
    }
    expect(issues({ ...R, executionExplainBelow: "123456.78" })).toEqual([]);
  });
  it("weights must make 100", () => {
    expect(issues({ ...R, executionWeight: "10.01" })).toEqual(["level1Weights: evaluation.rules.weightsNot100"]);
    expect(issues({ ...R, level1Weights: { output: "50", benefit: "30", satisfaction: "9.99" } })).toEqual(["level1Weights: evaluation.rules.weightsNot100"]);
  });
  it("grade bands must fall strictly from 优 to 差 at 0, and 优 cannot need more than 100", () => {
    const g = (excellent: string, good: string, fair: string, poor: string) => issues({ ...R, gradeBands: { excellent, good, fair, poor } });
    expect(g("100", "80", "60", "0")).toEqual([]);
    for (const bad of [["100.01", "80", "60", "0"], ["80", "80", "60", "0"], ["90", "60", "60", "0"], ["90", "80", "0", "0"], ["90", "80", "60", "1"]]) {
      expect(g(bad[0], bad[1], bad[2], bad[3]), bad.join("/")).toEqual(["gradeBands: evaluation.rules.gradeBandsOrder"]);
    }
  });
  it("qualitative bands must tile 0–100 in order", () => {
    const b = (a: [string, string], p: [string, string], n: [string, string]) =>
      issues({ ...R, qualitativeBands: { achieved: { min: a[0], max: a[1] }, partial: { min: p[0], max: p[1] }, not_achieved: { min: n[0], max: n[1] } } });
    expect(b(["90", "100"], ["50", "90"], ["0", "50"])).toEqual([]);
    const bad: [[string, string], [string, string], [string, string]][] = [
      [["80", "99"], ["60", "80"], ["0", "60"]], // top stops short of 100
      [["80", "100"], ["60", "79"], ["0", "60"]], // gap between achieved and partial
      [["80", "100"], ["60", "80"], ["0", "59"]], // gap between partial and not achieved
      [["80", "100"], ["60", "80"], ["1", "60"]], // not achieved does not start at 0
      [["60", "100"], ["60", "60"], ["0", "60"]], // partial is empty
      [["80", "100"], ["0", "80"], ["0", "0"]], // not achieved is empty
    ];
    for (const [a, p, n] of bad) expect(b(a, p, n), JSON.stringify([a, p, n])).toEqual(["qualitativeBands: evaluation.rules.bandsOrder"]);
  });
  it("the ≥ floor is below the target and the ≤ zero point above it", () => {
    expect(issues({ ...R, formulas: { ...R.formulas, gte: { kind: "proportional", zeroBelowRatio: "0.99" } } })).toEqual([]);
    expect(issues({ ...R, formulas: { ...R.formulas, gte: { kind: "proportional", zeroBelowRatio: "1" } } })).toEqual(["formulas.gte: evaluation.rules.ratio"]);
    expect(issues({ ...R, formulas: { ...R.formulas, lte: { kind: "linear", zeroAtMultiple: "1.01" } } })).toEqual([]);
    expect(issues({ ...R, formulas: { ...R.formulas, lte: { kind: "linear", zeroAtMultiple: "1" } } })).toEqual(["formulas.lte: evaluation.rules.multiple"]);
  });
  it("unknown keys, kinds or levels are refused", () => {
    expect(issues({ ...R, bonus: "5" }).length).toBeGreaterThan(0);
    expect(issues({ ...R, cost: "cost" }).length).toBeGreaterThan(0);
    expect(issues({ ...R, formulas: { ...R.formulas, eq: { kind: "near" } } }).length).toBeGreaterThan(0);
  });
});
