import { describe, expect, it } from "vitest";
import { compareIndicator, compareYears, indicatorKey, targetNumber, yearCompared, type CurrentIndicator, type EarlierYear } from "@/lib/objective/year-compare";

/** Last year (2026): 筛查人数 ≥ 120000 人 reached 98000; 及时率 ≥ 95 % reached 96; 发病率 ≤ 5 reached 6.5. 2025: 筛查人数 ≥ 100000 reached 101000. */
const EARLIER: EarlierYear[] = [
  {
    fiscalYear: 2025,
    objectiveId: 5,
    indicators: [
      { ordinal: 1, name: "重点人群筛查人数", comparison: "gte", annualTarget: "100000", unit: "人" },
      { ordinal: 2, name: "平均等候时间", comparison: "lte", annualTarget: "30", unit: "分钟" },
    ],
    reached: { 1: { value: "101000", source: "self" }, 2: { value: "28", source: "self" } },
  },
  {
    fiscalYear: 2026,
    objectiveId: 6,
    indicators: [
      { ordinal: 1, name: "重点人群筛查人数", comparison: "gte", annualTarget: "120000", unit: "人" },
      { ordinal: 2, name: "法定传染病报告及时率", comparison: "gte", annualTarget: "95", unit: "%" },
      { ordinal: 3, name: "重点传染病报告发病率", comparison: "lte", annualTarget: "5", unit: "/10万" },
      { ordinal: 4, name: "随访管理完成率", comparison: "gte", annualTarget: "全部完成", unit: "%" },
    ],
    reached: { 1: { value: "98000", source: "self" }, 2: { value: "96", source: "monitoring" } },
  },
];

const row = (over: Partial<CurrentIndicator>): CurrentIndicator => ({
  ordinal: 1,
  name: "重点人群筛查人数",
  level2: "quantity",
  comparison: "gte",
  annualTarget: "120000",
  unit: "人",
  changeReason: null,
  ...over,
});

describe("the year-over-year rule (lib/objective/year-compare.ts)", () => {
  it("takes the newest earlier year's approved target and value reached", () => {
    const r = compareIndicator(row({}), EARLIER);
    expect(r.lastTarget).toEqual({ fiscalYear: 2026, objectiveId: 6, value: "120000", unit: "人" });
    expect(r.lastReached).toEqual({ fiscalYear: 2026, objectiveId: 6, value: "98000", unit: "人", source: "self" });
    expect(r.status).toBe("same");
  });

  it("a ≥ target below last year's approved target, with no reason, is lowered", () => {
    // 100000 < 120000 (approved 2026), though above the 98000 reached.
    expect(compareIndicator(row({ annualTarget: "100000" }), EARLIER).status).toBe("lowered");
  });

  it("the same lowering with a reason is lowered with a reason; a blank reason is no reason", () => {
    expect(compareIndicator(row({ annualTarget: "100000", changeReason: "中央补助资金减少，筛查点由40个减至34个" }), EARLIER).status).toBe("lowered_explained");
    expect(compareIndicator(row({ annualTarget: "100000", changeReason: "   " }), EARLIER).status).toBe("lowered");
  });

  it("a ≥ target at last year's target but below the value reached is lowered", () => {
    // 及时率: approved 95, reached 96 → a target of 95.5 is under what was reached.
    const r = compareIndicator(row({ ordinal: 2, name: "法定传染病报告及时率", level2: "quality", annualTarget: "95.5", unit: "%" }), EARLIER);
    expect(r.lastReached).toMatchObject({ value: "96", source: "monitoring" });
    expect(r.status).toBe("lowered");
  });

  it("a ≥ target above last year's approved target and reached value is raised", () => {
    expect(compareIndicator(row({ annualTarget: "130000" }), EARLIER).status).toBe("raised");
    expect(compareIndicator(row({ ordinal: 2, name: "法定传染病报告及时率", level2: "quality", annualTarget: "97", unit: "%" }), EARLIER).status).toBe("raised");
  });

  it("for ≤ less demanding is higher: above last target is lowered, below it raised", () => {
    // 平均等候时间 ≤ 30 (2025), reached 28: 29 is above the 28 reached → lowered; 30 keeps the approved target but is above
    // what was reached → lowered; 28 (what was reached) and 25 are below the approved 30 → raised.
    const wait = (target: string) => compareIndicator(row({ name: "平均等候时间", comparison: "lte", level2: "quality", annualTarget: target, unit: "分钟" }), EARLIER).status;
    expect(wait("29")).toBe("lowered");
    expect(wait("25")).toBe("raised");
    expect(wait("30")).toBe("lowered");
    expect(wait("28")).toBe("raised");
  });

  it("an indicator of the same name but another direction is a new one, never compared", () => {
    const r = compareIndicator(row({ comparison: "lte", annualTarget: "50000" }), EARLIER);
    expect(r).toEqual({ ordinal: 1, status: "new", lastTarget: null, lastReached: null });
  });

  it("names match without spaces and full-width forms; numbers read with commas, % and full-width digits", () => {
    expect(indicatorKey(" 重点人群 筛查人数 ", "gte")).toBe(indicatorKey("重点人群筛查人数", "gte"));
    expect(compareIndicator(row({ name: "重点人群　筛查人数", annualTarget: "１１０,０００" }), EARLIER).status).toBe("lowered");
    expect(targetNumber("95%")!.toString()).toBe("95");
    expect(targetNumber("完成改造")).toBeNull();
    expect(targetNumber(null)).toBeNull();
  });

  it("benefit, timeliness, qualitative and = indicators, text targets and another unit show last year but are not judged", () => {
    // 发病率 is 效益 (social): 8 is above the 5 of 2026, yet not judged.
    const social = compareIndicator(row({ ordinal: 3, name: "重点传染病报告发病率", level2: "social", comparison: "lte", annualTarget: "8", unit: "/10万" }), EARLIER);
    expect(social.status).toBe("not_judged");
    expect(social.lastTarget?.value).toBe("5");
    expect(compareIndicator(row({ level2: "timeliness", annualTarget: "1" }), EARLIER).status).toBe("not_judged");
    expect(compareIndicator(row({ annualTarget: "大幅提高" }), EARLIER).status).toBe("not_judged");
    expect(compareIndicator(row({ annualTarget: "10", unit: "万人" }), EARLIER).status).toBe("not_judged");
    // Last year's target was text and nothing was reached: nothing to judge against.
    expect(compareIndicator(row({ name: "随访管理完成率", annualTarget: "90", unit: "%" }), EARLIER).status).toBe("not_judged");
    expect(yearCompared({ level2: "quality", comparison: "eq" })).toBe(false);
    expect(yearCompared({ level2: "quality", comparison: "lte" })).toBe(true);
  });

  it("an indicator missing from last year takes the newest year that has it", () => {
    const onlyOld = EARLIER.map((y) => (y.fiscalYear === 2026 ? { ...y, indicators: y.indicators.filter((i) => i.ordinal !== 1), reached: {} } : y));
    const r = compareIndicator(row({ annualTarget: "100500" }), onlyOld);
    expect(r.lastTarget).toMatchObject({ fiscalYear: 2025, value: "100000" });
    expect(r.lastReached).toMatchObject({ fiscalYear: 2025, value: "101000" });
    expect(r.status).toBe("lowered"); // below the 101000 reached in 2025
  });

  it("compares a whole declaration in its order, and a subject without history has only new indicators", () => {
    const out = compareYears([row({ annualTarget: "100000" }), row({ ordinal: 2, name: "新增指标" })], EARLIER);
    expect(out.map((r) => [r.ordinal, r.status])).toEqual([
      [1, "lowered"],
      [2, "new"],
    ]);
    expect(compareYears([row({})], []).map((r) => r.status)).toEqual(["new"]);
  });
});
