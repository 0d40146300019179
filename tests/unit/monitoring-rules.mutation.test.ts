import { describe, expect, it } from "vitest";
import { budgetInForce, evaluateReport, executionLight, timeProgress, worstLight } from "@/lib/monitoring/rules";
import { reportErrors, type ReportDraft } from "@/lib/monitoring/completeness";
import { translator, type MessageKey } from "@/lib/i18n";

/*
 * The monitoring lights and warnings a finance reviewer reads, at their edges, and what a filer is
 * told is missing before a report can be submitted.
 */
describe("the execution light at its edges", () => {
  it("January and December are months 1 and 12; nothing outside", () => {
    expect(timeProgress(1).times(12).toNumber()).toBe(1);
    expect(timeProgress(12).toNumber()).toBe(1);
    expect(() => timeProgress(-1)).toThrow(RangeError);
    expect(() => timeProgress(Number.NaN)).toThrow("month NaN");
  });
  it("an adjusted budget is used when there is one, else the budget", () => {
    expect(budgetInForce("100", "80").toFixed()).toBe("80");
    expect(budgetInForce("100", null).toFixed()).toBe("100");
    expect(budgetInForce("100", undefined).toFixed()).toBe("100");
  });
  it("a negative budget has no light", () => {
    expect(executionLight({ executed: "10", budget: "-100", throughMonth: 6 })).toEqual({ light: null, ratePercent: null, timeProgressPercent: "50.00", index: null, overExecuted: false });
  });
  it("exactly at a province's red threshold is yellow, one cent under is red", () => {
    const t = { red: "70", yellow: "90" };
    // Budget 1,200 at month 12: the index is the amount spent ÷ 12.
    expect(executionLight({ executed: "840.00", budget: "1200.00", throughMonth: 12 }, t)).toMatchObject({ light: "yellow", index: "70.00", ratePercent: "70.00", timeProgressPercent: "100.00" });
    expect(executionLight({ executed: "839.99", budget: "1200.00", throughMonth: 12 }, t).light).toBe("red");
    expect(executionLight({ executed: "1080.00", budget: "1200.00", throughMonth: 12 }, t).light).toBe("green");
    expect(executionLight({ executed: "1079.99", budget: "1200.00", throughMonth: 12 }, t).light).toBe("yellow");
  });
  it("spending exactly the budget is not over-execution; a cent more is", () => {
    expect(executionLight({ executed: "1200.00", budget: "1200.00", throughMonth: 6 }).overExecuted).toBe(false);
    expect(executionLight({ executed: "1200.01", budget: "1200.00", throughMonth: 6 }).overExecuted).toBe(true);
  });
});

describe("warnings of a report", () => {
  it("a green report with every target met raises nothing", () => {
    expect(evaluateReport({ budget: "1200", executed: "1200", throughMonth: 12, indicators: [{ ordinal: 1, name: "a", comparison: "gte", judgement: "met" }] }).warnings).toEqual([]);
  });
  it("a lagging report with no indicators raises the execution warning only, not idle money", () => {
    const r = evaluateReport({ budget: "1200", adjustedBudget: "1000", executed: "100", throughMonth: 12, indicators: [] });
    expect(r.warnings).toEqual([
      { rule: "execution", light: "red", indicatorOrdinal: null, facts: { executed: "100.00", budget: "1000.00", ratePercent: "10.00", timeProgressPercent: "100.00", index: "10.00", red: "60", yellow: "80" } },
    ]);
  });
  it("idle money carries the numbers behind it", () => {
    const r = evaluateReport({ budget: "1200", executed: "700", throughMonth: 12, indicators: [{ ordinal: 1, name: "a", comparison: "qualitative", judgement: "met" }] });
    expect(r.warnings[1]).toEqual({ rule: "idle", light: "yellow", indicatorOrdinal: null, facts: { executionLight: "red", index: "58.33", ratePercent: "58.33", timeProgressPercent: "100.00", indicatorsMet: 1 } });
  });
  it("the worst light of a set", () => {
    expect(worstLight(["green", "green"])).toBe("green");
    expect(worstLight(["green", undefined, "red", "yellow"])).toBe("red");
    expect(worstLight([])).toBeNull();
    expect(worstLight([null, undefined])).toBeNull();
  });
});

describe("what a monitoring report needs before it is submitted", () => {
  // Each field's message as the filer reads it: Chinese, then English.
  const [zh, en] = [translator("zh"), translator("en")];
  const said = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, `${zh(m as MessageKey)} / ${en(m as MessageKey)}`]));
  const line = (l: Partial<ReportDraft["lines"][number]> = {}): ReportDraft["lines"][number] => ({
    ordinal: 2, valueReached: "50", expectedValue: "100", judgement: "met", deviationReason: null, correctiveMeasure: null, ...l,
  });
  it("a complete report has nothing missing", () => expect(reportErrors({ executedAmount: "0.00", lines: [line()] })).toEqual({}));
  it("each missing figure is named on its field", () => {
    expect(said(reportErrors({ executedAmount: null, lines: [line({ valueReached: "", expectedValue: null, judgement: null })] }))).toEqual({
      executedAmount: "请填写截至本期的执行数 / enter the amount executed to date",
      "lines.2.valueReached": "请填写此项 / Required",
      "lines.2.expectedValue": "请填写此项 / Required",
      "lines.2.judgement": "请判断能否完成年度目标 / judge whether the target will be met",
    });
  });
  it("a target at risk needs the reason and the corrective measure", () => {
    expect(said(reportErrors({ executedAmount: "1", lines: [line({ judgement: "not_met", deviationReason: " ", correctiveMeasure: "加快施工" })] }))).toEqual({
      "lines.2.deviationReason": "目标有偏差的，须说明偏差原因 / a target at risk needs the reason",
    });
  });
});
