import { describe, expect, it } from "vitest";
import { formatWan, formatWanExact, parseWan, yuanToWan } from "@/lib/money";
import { splitEvenly } from "@/lib/objective/weights";

/* Amounts as a finance user types and reads them, and the even split of an objective's weights. */
describe("money at its edges", () => {
  it("nothing to show is a dash; something that is not an amount is shown as given", () => {
    expect(formatWan(undefined)).toBe("—");
    expect(formatWan(null)).toBe("—");
    expect(formatWan("")).toBe("—");
    expect(formatWan("不详")).toBe("不详");
  });
  it("half a hundredth of 万元 rounds up when shown; exact figures keep every fen", () => {
    expect(formatWan("50.00")).toBe("0.01");
    expect(formatWan("49.99")).toBe("0.00");
    expect(formatWanExact("12345678.00")).toBe("1,234.5678");
    expect(yuanToWan("12605000.00")).toBe("1260.5");
  });
  it("a sign or a separator only where an amount allows it", () => {
    expect(parseWan("-0.5")).toEqual({ ok: false });
    expect(parseWan("+5")).toEqual({ ok: false });
    expect(parseWan("5-")).toEqual({ ok: false });
    expect(parseWan("x5")).toEqual({ ok: false });
    expect(parseWan("5x")).toEqual({ ok: false });
    expect(parseWan("1 000", { allowNegative: true })).toEqual({ ok: true, yuan: "10000000.00" });
  });
});

describe("weights split evenly to the cent", () => {
  it("seven rows make 100.00, the first rows taking the spare cents", () => {
    expect(splitEvenly(7)).toEqual(["14.29", "14.29", "14.29", "14.29", "14.28", "14.28", "14.28"]);
    expect(splitEvenly(3)).toEqual(["33.34", "33.33", "33.33"]);
    expect(splitEvenly(4)).toEqual(["25.00", "25.00", "25.00", "25.00"]);
  });
  it("another total or precision", () => {
    expect(splitEvenly(3, 10, 1)).toEqual(["3.4", "3.3", "3.3"]);
    expect(splitEvenly(2, "0.015")).toEqual(["0.01", "0.01"]);
    expect(splitEvenly(1, 90)).toEqual(["90.00"]);
  });
  it("no rows (or a nonsense count), no shares", () => {
    expect(splitEvenly(0)).toEqual([]);
    expect(splitEvenly(-2)).toEqual([]);
  });
});
