import { describe, expect, it } from "vitest";
import type { DeclarationContent } from "@/lib/objective/completeness";
import { diffDeclarations, isEmptyDiff, parseDiffParam } from "@/lib/objective/diff";
import { indicatorSpans } from "@/lib/objective/table-layout";
import type { IndicatorRowInput } from "@/lib/validation/objective";

const row = (r: Partial<IndicatorRowInput>): IndicatorRowInput => ({
  fundUse: null, level1: "output", level2: "quantity", name: "路面大中修里程", comparison: "gte", annualTarget: "800", periodTarget: "800",
  unit: "公里", weight: "30", explanation: null, formula: null, indicatorId: 7, customReason: null, ...r,
});

const base = (over: { basic?: object; funding?: object; performance?: object } = {}): DeclarationContent => ({
  basic: { name: "普通国省道路面养护专项", category: "special_fund", startYear: 2027, endYear: 2027, servesPublic: true, ...over.basic },
  funding: {
    requestedAmount: "52000000.00",
    rows: [{ source: "general_budget", year: 2027, amount: "52000000.00" }],
    fundUses: "工程支出",
    ...over.funding,
  },
  performance: {
    plan: [{ start: "2027-01", end: "2027-12", content: "完成大中修800公里" }],
    overallGoal: "优良路率保持在85%以上",
    annualGoal: "完成大中修800公里",
    indicators: [row({}), row({ level2: "quality", name: "优良路率", annualTarget: "85", periodTarget: "85", unit: "%" })],
    ...over.performance,
  },
});

describe("diffDeclarations", () => {
  it("finds nothing between a version and its copy", () => {
    const d = diffDeclarations(base(), base());
    expect(isEmptyDiff(d)).toBe(true);
  });

  it("treats equal amounts and blank text as unchanged", () => {
    const b = base({ funding: { requestedAmount: "52000000", fundUses: "工程支出  " }, basic: { policyBasis: "" } });
    const withNull = base({ basic: { policyBasis: null } });
    expect(isEmptyDiff(diffDeclarations(withNull, b))).toBe(true);
  });

  it("reports changed scalar fields with both values", () => {
    const d = diffDeclarations(base(), base({ funding: { requestedAmount: "48000000.00" }, performance: { annualGoal: "完成大中修700公里" } }));
    expect(d.fields).toEqual([
      { field: "requestedAmount", before: "52000000.00", after: "48000000.00" },
      { field: "annualGoal", before: "完成大中修800公里", after: "完成大中修700公里" },
    ]);
  });

  it("reports indicator rows added, removed and changed, matched by name not position", () => {
    const after = base({
      performance: {
        indicators: [
          row({ level1: "satisfaction", level2: "satisfaction", name: "群众满意度", annualTarget: "90", periodTarget: "90", unit: "%" }),
          row({ annualTarget: "700", weight: "30.00" }),
        ],
      },
    });
    const d = diffDeclarations(base(), after);
    expect(d.indicators.map((c) => [c.kind, c.name])).toEqual([
      ["added", "群众满意度"],
      ["changed", "路面大中修里程"],
      ["removed", "优良路率"],
    ]);
    // 30 and 30.00 are the same weight; only the target changed.
    expect(d.indicators[1].fields).toEqual(["annualTarget"]);
    expect(d.indicators[1].before?.annualTarget).toBe("800");
    expect(d.indicators[1].after?.annualTarget).toBe("700");
  });

  it("pairs repeated indicator names in order", () => {
    const two = base({ performance: { indicators: [row({}), row({ annualTarget: "10" })] } });
    const twoChanged = base({ performance: { indicators: [row({}), row({ annualTarget: "12" })] } });
    const d = diffDeclarations(two, twoChanged);
    expect(d.indicators).toHaveLength(1);
    expect(d.indicators[0].after?.annualTarget).toBe("12");
    const three = base({ performance: { indicators: [row({}), row({ annualTarget: "10" }), row({ annualTarget: "5" })] } });
    expect(diffDeclarations(two, three).indicators.map((c) => c.kind)).toEqual(["added"]);
  });

  it("compares fund sources by source and year, summing repeats, with exact decimals", () => {
    const after = base({
      funding: {
        rows: [
          { source: "general_budget", year: 2027, amount: "30000000.10" },
          { source: "general_budget", year: 2027, amount: "21999999.90" },
          { source: "government_fund", year: 2027, amount: "0.01" },
        ],
      },
    });
    const d = diffDeclarations(base(), after);
    expect(d.funding).toEqual([{ kind: "added", source: "government_fund", year: 2027, before: null, after: "0.01" }]);
    const changed = diffDeclarations(base(), base({ funding: { rows: [{ source: "general_budget", year: 2027, amount: "51999999.99" }] } }));
    expect(changed.funding).toEqual([{ kind: "changed", source: "general_budget", year: 2027, before: "52000000.00", after: "51999999.99" }]);
  });

  it("compares plan rows by period", () => {
    const after = base({
      performance: {
        plan: [
          { start: "2027-01", end: "2027-12", content: "完成大中修700公里" },
          { start: "2028-01", end: "2028-06", content: "竣工验收" },
        ],
      },
    });
    expect(diffDeclarations(base(), after).plan.map((p) => [p.kind, p.start])).toEqual([
      ["changed", "2027-01"],
      ["added", "2028-01"],
    ]);
  });
});

describe("parseDiffParam", () => {
  it("reads ?diff=1..2 and refuses anything else", () => {
    expect(parseDiffParam("1..2")).toEqual([1, 2]);
    expect(parseDiffParam(["3..1"])).toEqual([3, 1]);
    for (const bad of [undefined, "", "1..1", "0..2", "1-2", "1..2..3", "a..b", "1..99999"]) expect(parseDiffParam(bad)).toBeNull();
  });
});

describe("indicatorSpans", () => {
  it("merges consecutive 一级 and, within them, 二级 cells", () => {
    const spans = indicatorSpans([
      { level1: "output", level2: "quantity" },
      { level1: "output", level2: "quantity" },
      { level1: "output", level2: "quality" },
      { level1: "benefit", level2: "social" },
      { level1: "satisfaction", level2: "satisfaction" },
      { level1: "output", level2: "quality" },
    ]);
    expect(spans).toEqual([
      { level1: 3, level2: 2 },
      { level1: 0, level2: 0 },
      { level1: 0, level2: 1 },
      { level1: 1, level2: 1 },
      { level1: 1, level2: 1 },
      { level1: 1, level2: 1 },
    ]);
    expect(indicatorSpans([])).toEqual([]);
  });
});
