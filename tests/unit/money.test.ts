import { describe, expect, it } from "vitest";
import { formatWan, formatWanExact, parseWan, yuanToWan } from "@/lib/money";
import { fundingToYuan } from "@/lib/objective/funding-wan";
import { DEFAULT_RULES } from "@/lib/evaluation/rules";
import { scoreSubject } from "@/lib/evaluation/scoring";

describe("money: 万元 typed, exact 元 stored", () => {
  it("parses 万元 to exact 元, never through a float", () => {
    expect(parseWan("0.01")).toEqual({ ok: true, yuan: "100.00" });
    expect(parseWan("1,090")).toEqual({ ok: true, yuan: "10900000.00" });
    expect(parseWan("1，260.5")).toEqual({ ok: true, yuan: "12605000.00" });
    expect(parseWan(" 1 260.5 ")).toEqual({ ok: true, yuan: "12605000.00" });
    // Four (or six) decimals of 万元 are whole fen: exact, not rounded.
    expect(parseWan("1234.5678")).toEqual({ ok: true, yuan: "12345678.00" });
    expect(parseWan("0.000001")).toEqual({ ok: true, yuan: "0.01" });
    // 0.1 + 0.2 in floats is 0.30000000000000004: here it is 3000.00 元.
    expect(parseWan("0.3")).toEqual({ ok: true, yuan: "3000.00" });
    expect(parseWan("999999999999.999999")).toEqual({ ok: true, yuan: "9999999999999999.99" });
  });

  it("refuses a fraction of a fen, text, empty input and (unless allowed) negatives", () => {
    for (const bad of ["0.0000001", "1234.5678901", "一千万", "", "  ", "1e3", "12.", ".5", "1.2.3", "1000000000000", "-5"]) {
      expect(parseWan(bad), bad).toEqual({ ok: false });
    }
    expect(parseWan("-0.5", { allowNegative: true })).toEqual({ ok: true, yuan: "-5000.00" });
  });

  it("formats 元 as 万元 with separators and two decimals", () => {
    expect(formatWan("10900000.00")).toBe("1,090.00");
    expect(formatWan("100.00")).toBe("0.01");
    expect(formatWan("52000000")).toBe("5,200.00");
    expect(formatWan("-24000000.00")).toBe("-2,400.00");
    expect(formatWan("150.00")).toBe("0.02"); // half-up to the 0.01 万元 shown
    expect(formatWan(null)).toBe("—");
    expect(formatWan("")).toBe("—");
  });

  it("shows exact 万元 where a person checks to the fen, and round-trips inputs", () => {
    expect(formatWanExact("12345678.01")).toBe("1,234.567801");
    expect(formatWanExact("10900000.00")).toBe("1,090.00");
    expect(formatWanExact("1.00")).toBe("0.0001");
    for (const y of ["12605000.00", "100.00", "0.01", "9999999999999999.99", "0.00"]) {
      expect(parseWan(yuanToWan(y))).toEqual({ ok: true, yuan: y });
    }
  });
});

describe("the funding step's 万元 → 元 conversion", () => {
  it("converts every amount once, exactly", () => {
    const r = fundingToYuan({ requestedAmount: "1,090", rows: [{ source: "general_budget", year: "2027", amount: "1089.99" }, { source: "government_fund", year: "2027", amount: "0.01" }], fundUses: "路面" });
    expect(r).toEqual({ ok: true, data: { requestedAmount: "10900000.00", rows: [{ source: "general_budget", year: "2027", amount: "10899900.00" }, { source: "government_fund", year: "2027", amount: "100.00" }], fundUses: "路面" } });
  });

  it("names each field whose amount is not 万元, and sends nothing", () => {
    const r = fundingToYuan({ requestedAmount: "一千万", rows: [{ source: "general_budget", year: "2027", amount: "10" }, { source: "general_budget", year: "2027", amount: "0.0000001" }], fundUses: "" });
    expect(r).toEqual({ ok: false, badFields: ["requestedAmount", "rows.1.amount"] });
  });
});

describe("the score's formula line", () => {
  it("shows the budget execution in 万元, the unit of the amounts beside it", () => {
    const r = scoreSubject(DEFAULT_RULES, { budget: "24000000.00", executed: "19200000.00", indicators: [] });
    expect(r.execution.rule.calc).toBe(`min(1,920.00 ÷ 2,400.00, 1) × ${DEFAULT_RULES.executionWeight} = ${r.execution.score}`);
    // Exact, never rounded to the 0.01 万元 shown in tables: one 元 still counts.
    const one = scoreSubject(DEFAULT_RULES, { budget: "24000000.00", executed: "23999999.00", indicators: [] });
    expect(one.execution.rule.calc).toContain("min(2,399.9999 ÷ 2,400.00, 1)");
  });
});
