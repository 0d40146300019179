import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { evaluateReport, executionLight, targetLight, timeProgress, worstLight } from "@/lib/monitoring/rules";

/** The executed amount that gives exactly `index` at month `m` on a budget of 1,200,000.00. */
const executedFor = (index: string, m: number) => new Decimal(index).div(100).times(m).div(12).times("1200000").toFixed(2);
const light = (executed: string, m: number, extra: { budget?: string; adjustedBudget?: string | null } = {}) =>
  executionLight({ executed, budget: extra.budget ?? "1200000.00", adjustedBudget: extra.adjustedBudget, throughMonth: m });

describe("time progress", () => {
  it("is months elapsed / 12 for every month, and refuses a month outside 1–12", () => {
    for (let m = 1; m <= 12; m++) expect(timeProgress(m).times(12).toNumber()).toBe(m);
    expect(timeProgress(6).toFixed(4)).toBe("0.5000");
    expect(timeProgress(9).times(100).toFixed(2)).toBe("75.00");
    expect(() => timeProgress(0)).toThrow();
    expect(() => timeProgress(13)).toThrow();
    expect(() => timeProgress(6.5)).toThrow();
  });
});

describe("execution progress traffic light (default thresholds 60 / 80)", () => {
  it("is red below 60, yellow from 60 to below 80, green from 80 — in every month", () => {
    for (let m = 1; m <= 12; m++) {
      // Exactly at the thresholds: 60 is yellow, 80 is green.
      expect(light(executedFor("60", m), m).light, `month ${m} @60`).toBe("yellow");
      expect(light(executedFor("80", m), m).light, `month ${m} @80`).toBe("green");
      // One cent below each threshold (index just under it).
      const below60 = new Decimal(executedFor("60", m)).minus("0.01").toFixed(2);
      const below80 = new Decimal(executedFor("80", m)).minus("0.01").toFixed(2);
      expect(light(below60, m).light, `month ${m} <60`).toBe("red");
      expect(light(below80, m).light, `month ${m} <80`).toBe("yellow");
      expect(light("0.00", m).light).toBe("red");
    }
  });

  it("end of June: 30% spent is index 60 (yellow), 29.99% red, 40% is 80 (green), 50% is 100", () => {
    const jun = (pct: string) => light(new Decimal("1200000").times(pct).div(100).toFixed(2), 6);
    expect(jun("30")).toMatchObject({ light: "yellow", index: "60.00", ratePercent: "30.00", timeProgressPercent: "50.00" });
    expect(jun("29.99")).toMatchObject({ light: "red", index: "59.98" });
    expect(jun("40")).toMatchObject({ light: "green", index: "80.00" });
    expect(jun("39.99")).toMatchObject({ light: "yellow", index: "79.98" });
    expect(jun("50")).toMatchObject({ light: "green", index: "100.00" });
  });

  it("judges the exact index, not the rounded one shown (79.999 is yellow although shown as 80.00)", () => {
    // Month 3 (time progress 25%): 19.99975% spent → index 79.999.
    const r = executionLight({ executed: "199.99", budget: "1000.00", throughMonth: 3 });
    expect(r.index).toBe("80.00");
    expect(r.light).toBe("yellow");
  });

  it("uses the fiscal year's own thresholds", () => {
    const strict = { red: "70", yellow: "90" };
    const executed = executedFor("75", 6);
    expect(executionLight({ executed, budget: "1200000.00", throughMonth: 6 }).light).toBe("yellow");
    expect(executionLight({ executed, budget: "1200000.00", throughMonth: 6 }, strict).light).toBe("yellow");
    expect(executionLight({ executed: executedFor("65", 6), budget: "1200000.00", throughMonth: 6 }, strict).light).toBe("red");
    expect(executionLight({ executed: executedFor("85", 6), budget: "1200000.00", throughMonth: 6 }, strict).light).toBe("yellow");
    expect(executionLight({ executed: executedFor("90", 6), budget: "1200000.00", throughMonth: 6 }, strict).light).toBe("green");
  });

  it("measures against the adjusted budget when there is one", () => {
    // 300,000 of 1,200,000 at June is index 50 (red); of an adjusted 600,000 it is 100 (green).
    expect(light("300000.00", 6).light).toBe("red");
    expect(light("300000.00", 6, { adjustedBudget: "600000.00" })).toMatchObject({ light: "green", index: "100.00", ratePercent: "50.00" });
  });

  it("has no light for a zero budget (nothing to measure), whatever was spent", () => {
    expect(light("0.00", 6, { budget: "0.00" })).toMatchObject({ light: null, index: null, ratePercent: null, timeProgressPercent: "50.00" });
    expect(light("100.00", 6, { budget: "0.00" }).light).toBeNull();
    expect(light("100.00", 6, { adjustedBudget: "0.00" }).light).toBeNull();
  });

  it("marks over-execution (more spent than the budget) — green, with the rate above 100%", () => {
    const r = light("1500000.00", 12);
    expect(r).toMatchObject({ light: "green", ratePercent: "125.00", index: "125.00", overExecuted: true });
    expect(light("1200000.00", 12).overExecuted).toBe(false);
  });

  it("keeps money exact: a budget of 0.03 with 0.01 spent at month 4 is index 100", () => {
    expect(executionLight({ executed: "0.01", budget: "0.03", throughMonth: 4 })).toMatchObject({ light: "green", index: "100.00" });
  });
});

describe("target risk", () => {
  it("will not be met → red, probably → yellow, met → green (qualitative 未达成 / 部分达成 / 达成 the same)", () => {
    expect(targetLight("not_met")).toBe("red");
    expect(targetLight("probably")).toBe("yellow");
    expect(targetLight("met")).toBe("green");
  });
});

describe("a whole report", () => {
  const base = { budget: "1000000.00", throughMonth: 6 };
  const ind = (ordinal: number, judgement: "met" | "probably" | "not_met", comparison: "gte" | "qualitative" = "gte") => ({
    ordinal,
    name: `指标${ordinal}`,
    comparison,
    judgement,
  });

  it("a lagging project: red execution light with its numbers, and a red target warning per indicator that will not be met", () => {
    const { execution, warnings } = evaluateReport({ ...base, executed: "200000.00", indicators: [ind(1, "met"), ind(2, "not_met"), ind(3, "probably", "qualitative")] });
    expect(execution.light).toBe("red");
    expect(warnings).toEqual([
      {
        rule: "execution",
        light: "red",
        indicatorOrdinal: null,
        facts: { executed: "200000.00", budget: "1000000.00", ratePercent: "20.00", timeProgressPercent: "50.00", index: "40.00", red: "60", yellow: "80" },
      },
      { rule: "target", light: "red", indicatorOrdinal: 2, facts: { indicator: "指标2", judgement: "not_met", qualitative: false } },
      { rule: "target", light: "yellow", indicatorOrdinal: 3, facts: { indicator: "指标3", judgement: "probably", qualitative: true } },
    ]);
  });

  it("idle money: every target met but the execution index yellow or red → a yellow idle-money warning", () => {
    const yellow = evaluateReport({ ...base, executed: "350000.00", indicators: [ind(1, "met"), ind(2, "met")] });
    expect(yellow.warnings.map((w) => [w.rule, w.light])).toEqual([
      ["execution", "yellow"],
      ["idle", "yellow"],
    ]);
    expect(yellow.warnings[1].facts).toMatchObject({ executionLight: "yellow", index: "70.00", indicatorsMet: 2 });
    const red = evaluateReport({ ...base, executed: "100000.00", indicators: [ind(1, "met")] });
    expect(red.warnings.map((w) => w.rule)).toEqual(["execution", "idle"]);
  });

  it("no idle money when the money keeps pace, or when a target is at risk", () => {
    expect(evaluateReport({ ...base, executed: "400000.00", indicators: [ind(1, "met")] }).warnings).toEqual([]);
    const atRisk = evaluateReport({ ...base, executed: "100000.00", indicators: [ind(1, "met"), ind(2, "probably")] });
    expect(atRisk.warnings.map((w) => w.rule)).toEqual(["execution", "target"]);
  });

  it("a zero budget raises no execution or idle warning, only target risk", () => {
    const r = evaluateReport({ budget: "0.00", throughMonth: 6, executed: "0.00", indicators: [ind(1, "met"), ind(2, "not_met")] });
    expect(r.warnings.map((w) => w.rule)).toEqual(["target"]);
  });

  it("applies the fiscal year's thresholds", () => {
    const r = evaluateReport({ ...base, executed: "400000.00", indicators: [ind(1, "met")] }, { red: "85", yellow: "95" });
    expect(r.warnings.map((w) => [w.rule, w.light])).toEqual([
      ["execution", "red"],
      ["idle", "yellow"],
    ]);
  });

  it("worst light of several", () => {
    expect(worstLight(["green", "yellow", null])).toBe("yellow");
    expect(worstLight(["yellow", "red"])).toBe("red");
    expect(worstLight([null])).toBeNull();
  });
});
