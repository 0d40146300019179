import { describe, expect, it } from "vitest";
import { qualityWarnings, type DeclarationContent } from "@/lib/objective/completeness";
import type { IndicatorRowInput } from "@/lib/validation/objective";
import { translator } from "@/lib/i18n";

/** A finding in Chinese, as the filer reads it (findings are message references). */
const zh = (message: string) => translator("zh")(message as never);

const row = (r: Partial<IndicatorRowInput>): IndicatorRowInput => ({
  fundUse: null, level1: "output", level2: "quantity", name: "指标", comparison: "gte", annualTarget: "100", periodTarget: "100",
  unit: "个", weight: null, explanation: null, formula: null, indicatorId: 1, customReason: null, ...r,
});
const content = (inds: IndicatorRowInput[], years: [number, number] = [2027, 2027]): DeclarationContent => ({
  basic: { startYear: years[0], endYear: years[1] },
  funding: {},
  performance: { indicators: inds },
});

describe("quality warnings reviewers would raise", () => {
  it("flags a vague qualitative target, not a measurable one", () => {
    expect(qualityWarnings(content([row({ comparison: "qualitative", annualTarget: "服务水平明显提高", unit: null })]))).toHaveLength(1);
    expect(qualityWarnings(content([row({ comparison: "qualitative", annualTarget: "建立并执行3项管理制度", unit: null })]))).toHaveLength(0);
  });

  it("flags a quality indicator that is really a benefit, and satisfaction used as a benefit", () => {
    expect(qualityWarnings(content([row({ level2: "quality", name: "带动就业人数" })]))[0].field).toBe("indicators.0.level2");
    expect(qualityWarnings(content([row({ level1: "benefit", level2: "social", name: "群众满意度" })]))[0].field).toBe("indicators.0.level1");
  });

  it("flags equal annual and period targets only on a multi-year project", () => {
    const inds = [row({ name: "改造里程", unit: "公里", annualTarget: "2000", periodTarget: "2000" })];
    expect(qualityWarnings(content(inds, [2019, 2021]))).toHaveLength(1);
    expect(qualityWarnings(content(inds, [2027, 2027]))).toHaveLength(0);
  });

  it("compares a target with its peers' median (from 5 peers) before the bank's reference", () => {
    const inds = [row({ name: "改造里程", unit: "公里", annualTarget: "300" })];
    const far = qualityWarnings(content(inds), () => ({ peerMedian: "800", peerCount: 12, reference: "300" }));
    expect(zh(far[0].message)).toContain("12 个同类项目的中位数 800公里");
    expect(translator("en")(far[0].message as never)).toBe("Row 1 “改造里程”: the target 300公里 is far from the median of 12 similar projects, 800公里");
    expect(qualityWarnings(content(inds), () => ({ peerMedian: "800", peerCount: 4, reference: "300" }))).toHaveLength(0);
    expect(zh(qualityWarnings(content(inds), () => ({ reference: "1000" }))[0].message)).toContain("参考值 1000");
    expect(qualityWarnings(content(inds), () => ({ reference: "500" }))).toHaveLength(0);
  });
});
