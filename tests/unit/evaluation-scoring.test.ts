import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RULES, scoringRulesSchema, type ScoringRules } from "@/lib/evaluation/rules";
import { allocate, parseNumber, scoreIndicator, scoreSubject, type IndicatorActual } from "@/lib/evaluation/scoring";
// Imported here, not inside a test: a module first loaded during a test (lib/evaluation/application
// loads every workflow's table) would have its module-level data counted as covered by that test
// alone, not as static, in mutation testing (docs/TESTING.md).
import { proposeFromGrade } from "@/lib/evaluation/application";
import { translator } from "@/lib/i18n";
import DecimalBase from "decimal.js";

const D = (v: string | number) => new DecimalBase(v);
const R = DEFAULT_RULES;

function ind(comparison: IndicatorActual["comparison"], target: string | null, actual: string | null, extra: Partial<IndicatorActual> = {}): IndicatorActual {
  return { key: "1", name: "指标", level1: "output", level2: "quantity", comparison, target, weight: null, actual, ...extra };
}
const score = (i: IndicatorActual, points = "20", rules: ScoringRules = R) => scoreIndicator(rules, i, D(points)).score.toFixed(2);

describe("positive indicator (≥)", () => {
  it("target reached exactly → full points", () => expect(score(ind("gte", "100", "100"))).toBe("20.00"));
  it("above target → full points, never more", () => expect(score(ind("gte", "100", "130"))).toBe("20.00"));
  it("just missed → points × actual / target", () => {
    expect(score(ind("gte", "100", "99.99"))).toBe("20.00"); // 19.998 rounds half up to 20.00
    expect(score(ind("gte", "100", "99.9"))).toBe("19.98");
    expect(score(ind("gte", "90", "89"))).toBe("19.78"); // 20 × 89 / 90 = 19.777…
  });
  it("actual 0 or negative → 0", () => {
    expect(score(ind("gte", "100", "0"))).toBe("0.00");
    expect(score(ind("gte", "100", "-5"))).toBe("0.00");
  });
  it("target 0: any actual ≥ 0 is full, below it nothing", () => {
    expect(score(ind("gte", "0", "0"))).toBe("20.00");
    expect(score(ind("gte", "0", "-1"))).toBe("0.00");
  });
  it("records the rule and the numbers", () => {
    const r = scoreIndicator(R, ind("gte", "90", "89"), D("20"));
    expect(r.rule).toEqual({ rule: "gte.proportional", calc: "20 × 89 ÷ 90 = 19.78" });
    expect(r.completion?.toFixed(2)).toBe("98.89");
  });
  it("a stricter set gives nothing below 60% of the target", () => {
    const strict = { ...R, formulas: { ...R.formulas, gte: { kind: "proportional" as const, zeroBelowRatio: "0.6" } } };
    expect(score(ind("gte", "100", "60"), "20", strict)).toBe("12.00");
    expect(score(ind("gte", "100", "59.99"), "20", strict)).toBe("0.00");
  });
});

describe("negative indicator (≤)", () => {
  it("at or below target → full", () => {
    expect(score(ind("lte", "5", "5"))).toBe("20.00");
    expect(score(ind("lte", "5", "3"))).toBe("20.00");
  });
  it("just above the target → almost full", () => expect(score(ind("lte", "5", "5.01"))).toBe("19.96"));
  it("between 1× and 2× → points × (1 − (actual − target) / target)", () => {
    expect(score(ind("lte", "5", "6"))).toBe("16.00");
    expect(score(ind("lte", "5", "7.5"))).toBe("10.00");
    expect(scoreIndicator(R, ind("lte", "5", "6"), D("20")).rule).toEqual({ rule: "lte.linear", calc: "20 × (1 − (6 − 5) ÷ 5) = 16.00" });
  });
  it("just below 2× → a little; at 2× and beyond → 0", () => {
    expect(score(ind("lte", "5", "9.99"))).toBe("0.04");
    expect(score(ind("lte", "5", "10"))).toBe("0.00");
    expect(score(ind("lte", "5", "12"))).toBe("0.00");
  });
  it("target 0: 0 is full, anything above nothing", () => {
    expect(score(ind("lte", "0", "0"))).toBe("20.00");
    expect(score(ind("lte", "0", "0.01"))).toBe("0.00");
  });
});

describe("exact indicator (=)", () => {
  it("equal → full", () => expect(score(ind("eq", "12", "12.0"))).toBe("20.00"));
  it("target 0: actual ≤ 0 → full, else 0", () => {
    expect(score(ind("eq", "0", "0"))).toBe("20.00");
    expect(score(ind("eq", "0", "-2"))).toBe("20.00");
    expect(score(ind("eq", "0", "1"))).toBe("0.00");
  });
  it("otherwise scored as ≥", () => {
    expect(score(ind("eq", "12", "9"))).toBe("15.00");
    expect(score(ind("eq", "12", "13"))).toBe("20.00");
  });
});

describe("qualitative indicator", () => {
  const q = (band: "achieved" | "partial" | "not_achieved", percent: string) => score(ind("qualitative", "完成", null, { band, percent }));
  it("achieved: 80–100% of the points", () => {
    expect(q("achieved", "100")).toBe("20.00");
    expect(q("achieved", "80")).toBe("16.00");
    expect(q("achieved", "79")).toBe("16.00"); // clamped into the band
  });
  it("partly achieved: 60% to below 80%", () => {
    expect(q("partial", "60")).toBe("12.00");
    expect(q("partial", "79.99")).toBe("16.00"); // 15.998
    expect(q("partial", "80")).toBe("16.00"); // clamped to 79.99 → 15.998 → 16.00
    expect(q("partial", "90")).toBe(q("partial", "79.99"));
  });
  it("not achieved: below 60%", () => {
    expect(q("not_achieved", "0")).toBe("0.00");
    expect(q("not_achieved", "59")).toBe("11.80");
    expect(q("not_achieved", "60")).toBe("12.00"); // clamped to 59.99 → 11.998
  });
  it("no judgement → 0", () => expect(score(ind("qualitative", "完成", null))).toBe("0.00"));
});

describe("numbers as typed", () => {
  it("accepts %, commas and spaces; refuses words", () => {
    expect(parseNumber(" 95% ")?.toFixed()).toBe("95");
    expect(parseNumber("1,200.5")?.toFixed()).toBe("1200.5");
    expect(parseNumber("完成国省道改造")).toBeNull();
  });
  it("a target that is not a number scores 0 and says so", () => {
    expect(scoreIndicator(R, ind("gte", "大幅提升", "100"), D("10")).rule.rule).toBe("target.notNumber");
  });
});

describe("allocation to the cent", () => {
  it("50 over three equal shares adds up to exactly 50", () => {
    expect(allocate(D("50"), [D(1), D(1), D(1)]).map((d) => d.toFixed(2))).toEqual(["16.67", "16.67", "16.66"]);
  });
  it("by declared weights", () => {
    expect(allocate(D("30"), [D(2), D(1)]).map((d) => d.toFixed(2))).toEqual(["20.00", "10.00"]);
  });
});

const trunkRoad = (actuals: { a2: string; a5: string; executed: string }): Parameters<typeof scoreSubject>[1] => ({
  budget: "500000000.00",
  executed: actuals.executed,
  indicators: [
    { key: "1", name: "公路通车里程达标", level1: "output", level2: "quantity", comparison: "qualitative", target: "完成国省道改造", weight: null, actual: null, band: "achieved", percent: "95" },
    { key: "2", name: "公路建设工程量完成率", level1: "output", level2: "quantity", comparison: "gte", target: "100", weight: null, actual: actuals.a2 },
    { key: "3", name: "公路管理事项审批率", level1: "output", level2: "quantity", comparison: "gte", target: "100", weight: null, actual: "100" },
    { key: "4", name: "施工进度达标率", level1: "output", level2: "timeliness", comparison: "gte", target: "100", weight: null, actual: "100" },
    { key: "5", name: "普通国省干线二级及以上公路比重", level1: "benefit", level2: "social", comparison: "gte", target: "90", weight: null, actual: actuals.a5 },
  ],
});

describe("a whole subject", () => {
  it("rolls 三级 → 二级 → 一级 → total and grades it, satisfaction's points passing to the levels present", () => {
    const r = scoreSubject(R, trunkRoad({ a2: "96", a5: "88", executed: "470000000.00" }));
    expect(r.execution).toMatchObject({ rate: "94.00", score: "9.40", needsExplanation: false });
    // No satisfaction indicator: 90 points split 50:30 → 56.25 + 33.75.
    expect(r.levels.map((l) => [l.level1, l.points])).toEqual([["output", "56.25"], ["benefit", "33.75"]]);
    const output = r.levels[0];
    expect(output.level2.map((l) => [l.level2, l.points, l.score])).toEqual([
      ["quantity", "42.19", "40.93"], // 14.07 × 95% = 13.37, 14.06 × 96 ÷ 100 = 13.50, 14.06
      ["timeliness", "14.06", "14.06"],
    ]);
    expect(output.level2[0].rule.calc).toBe("13.37 + 13.50 + 14.06 = 40.93");
    expect(output.score).toBe("54.99");
    expect(r.levels[1].score).toBe("33.00"); // 33.75 × 88 ÷ 90
    expect(r.total).toBe("97.39");
    expect(r.totalRule.calc).toBe("9.40 + 54.99 + 33.00 = 97.39");
    expect(r.grade).toBe("excellent");
  });
  it("execution below 90% must be explained; over-execution is capped at full points", () => {
    expect(scoreSubject(R, trunkRoad({ a2: "100", a5: "90", executed: "449999999.99" })).execution).toMatchObject({ rate: "90.00", needsExplanation: true, score: "9.00" });
    expect(scoreSubject(R, trunkRoad({ a2: "100", a5: "90", executed: "450000000.00" })).execution.needsExplanation).toBe(false);
    expect(scoreSubject(R, trunkRoad({ a2: "100", a5: "90", executed: "600000000.00" })).execution.score).toBe("10.00");
  });
});

describe("grade thresholds", () => {
  // Only execution and one ≥ indicator worth 90: the total is execution + 90 × actual / 100.
  const total = (actual: string, rules = R) =>
    scoreSubject(rules, { budget: "100", executed: "100", indicators: [ind("gte", "100", actual)] });
  it.each([
    ["80", "82.00", "good"],
    ["88.89", "90.00", "excellent"], // 80.001 + 10 → 90.00 exactly
    ["88.88", "89.99", "good"],
    ["77.78", "80.00", "good"],
    ["77.77", "79.99", "fair"],
    ["55.56", "60.00", "fair"],
    ["55.54", "59.99", "poor"], // 49.986 → 49.99 (55.55 would give 49.995 → 50.00),
  ])("actual %s → total %s → %s", (actual, t, grade) => {
    const r = total(actual);
    expect(r.total).toBe(t);
    expect(r.grade).toBe(grade);
  });
  it("a province grading 优 from 80 gives 优 to 80.00", () => {
    const lenient = { ...R, gradeBands: { excellent: "80", good: "70", fair: "60", poor: "0" } };
    expect(total("77.78", lenient).grade).toBe("excellent");
  });
});

describe("rule sets are validated data", () => {
  it("defaults are valid; weights must make 100; bands must be ordered", () => {
    expect(scoringRulesSchema.safeParse(R).success).toBe(true);
    expect(scoringRulesSchema.safeParse({ ...R, executionWeight: "20" }).success).toBe(false);
    expect(scoringRulesSchema.safeParse({ ...R, gradeBands: { excellent: "80", good: "85", fair: "60", poor: "0" } }).success).toBe(false);
  });
});

// ── properties ─────────────────────────────────────────────────────────────────────
const num = fc.integer({ min: -2000, max: 50000 }).map((n) => (n / 100).toFixed(2));
const pos = fc.integer({ min: 0, max: 50000 }).map((n) => (n / 100).toFixed(2));
const cmp = fc.constantFrom("gte" as const, "lte" as const, "eq" as const);
const level = fc.constantFrom(
  ["output", "quantity"] as const,
  ["output", "quality"] as const,
  ["benefit", "social"] as const,
  ["satisfaction", "satisfaction"] as const,
  ["cost", "cost"] as const,
);
const indicatorArb = fc.record({ comparison: cmp, target: pos, actual: num, level, weight: fc.option(fc.integer({ min: 1, max: 30 }).map(String)) }).map(
  (x, ): IndicatorActual => ({ key: "k", name: "n", level1: x.level[0], level2: x.level[1], comparison: x.comparison, target: x.target, actual: x.actual, weight: x.weight }),
);
const qualArb = fc.record({ band: fc.constantFrom("achieved" as const, "partial" as const, "not_achieved" as const), percent: pos.map((p) => String(Number(p) % 101)) }).map(
  (x): IndicatorActual => ({ key: "q", name: "q", level1: "output", level2: "quality", comparison: "qualitative", target: "完成", actual: null, weight: null, ...x }),
);
const subjectArb = fc.record({
  budget: pos,
  executed: pos,
  indicators: fc.array(fc.oneof(indicatorArb, qualArb), { minLength: 0, maxLength: 12 }),
});

describe("properties", () => {
  it("an indicator's score never leaves 0…its points; the total never leaves 0…100", () => {
    fc.assert(
      fc.property(subjectArb, (s) => {
        const r = scoreSubject(R, { ...s, indicators: s.indicators.map((i, k) => ({ ...i, key: String(k) })) });
        for (const l of r.levels) {
          expect(D(l.score).gte(0) && D(l.score).lte(l.points)).toBe(true);
          for (const l2 of l.level2) for (const i of l2.indicators) expect(D(i.score).gte(0) && D(i.score).lte(i.points)).toBe(true);
        }
        const points = r.levels.reduce((sum, l) => sum.plus(l.points), D(0));
        expect(points.lte(90)).toBe(true);
        expect(D(r.total).gte(0) && D(r.total).lte(100)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("a score never decreases when an actual value improves (≥/= up, ≤ down, qualitative percent up)", () => {
    fc.assert(
      fc.property(subjectArb.filter((s) => s.indicators.length > 0), fc.nat(), pos, (s, pick, delta) => {
        const indicators = s.indicators.map((i, k) => ({ ...i, key: String(k) }));
        const k = pick % indicators.length;
        const i = indicators[k];
        const better = { ...i };
        if (i.comparison === "qualitative") better.percent = D(i.percent!).plus(delta).toFixed(2);
        else if (i.comparison === "lte") better.actual = D(i.actual!).minus(delta).toFixed(2);
        else if (i.comparison === "gte") better.actual = D(i.actual!).plus(delta).toFixed(2);
        else if (!D(i.target!).isZero()) better.actual = D(i.actual!).plus(delta).toFixed(2);
        else better.actual = D(i.actual!).minus(delta).toFixed(2);
        const before = scoreSubject(R, { ...s, indicators });
        const after = scoreSubject(R, { ...s, indicators: indicators.map((x, j) => (j === k ? better : x)) });
        expect(D(after.total).gte(before.total)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("more money executed never lowers the score", () => {
    fc.assert(
      fc.property(pos, pos, pos, (budget, executed, more) => {
        const a = scoreSubject(R, { budget, executed, indicators: [] });
        const b = scoreSubject(R, { budget, executed: D(executed).plus(more).toFixed(2), indicators: [] });
        expect(D(b.execution.score).gte(a.execution.score)).toBe(true);
        expect(D(a.execution.score).lte(10)).toBe(true);
      }),
    );
  });
});

describe("result application from the grade", () => {
  it("差 none, 中 cut by the configured percent with rectification, 良 as requested, 优 priority", () => {
    expect(proposeFromGrade("poor", "1000000.00", "10")).toEqual({ rule: "none", proposed: "0.00", rectification: true });
    expect(proposeFromGrade("fair", "1000000.00", "10")).toEqual({ rule: "cut", proposed: "900000.00", rectification: true });
    expect(proposeFromGrade("fair", "333.33", "15")).toEqual({ rule: "cut", proposed: "283.33", rectification: true }); // 283.3305
    expect(proposeFromGrade("good", "1000000.00", "10")).toEqual({ rule: "as_requested", proposed: "1000000.00", rectification: false });
    expect(proposeFromGrade("excellent", "1000000.00", "10")).toEqual({ rule: "priority", proposed: "1000000.00", rectification: false });
  });
});

describe("every rule a figure can carry is explained in both languages", () => {
  it("zh and en have a text for each rule key the engine emits", () => {
    const keys = new Set<string>();
    const collect = (r: ReturnType<typeof scoreSubject>) => {
      keys.add(r.execution.rule.rule).add(r.totalRule.rule).add(r.gradeRule.rule);
      for (const l of r.levels) {
        keys.add(l.pointsRule.rule).add(l.rule.rule);
        for (const l2 of l.level2) {
          keys.add(l2.rule.rule);
          for (const i of l2.indicators) keys.add(i.pointsRule.rule).add(i.scoreRule.rule);
        }
      }
    };
    fc.assert(fc.property(subjectArb, (s) => collect(scoreSubject(R, s))), { numRuns: 300 });
    const strict = { ...R, formulas: { gte: { kind: "proportional" as const, zeroBelowRatio: "0.6" }, lte: { kind: "all_or_nothing" as const, zeroAtMultiple: "2" }, eq: { kind: "all_or_nothing" as const } } };
    fc.assert(fc.property(subjectArb, (s) => collect(scoreSubject(strict, s))), { numRuns: 300 });
    collect(scoreSubject(R, { budget: "0", executed: "0", indicators: [ind("gte", "x", "1"), ind("gte", "1", null), ind("qualitative", "x", null)] }));
    expect(keys.size).toBeGreaterThan(25);
    for (const locale of ["zh", "en"] as const) {
      const t = translator(locale);
      for (const k of keys) expect(t(`evaluation.ruleText.${k}` as never), `${locale}: ${k}`).not.toContain("evaluation.ruleText");
    }
  });
});
