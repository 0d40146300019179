import { describe, expect, it } from "vitest";
import { completenessErrors, qualityWarnings, type DeclarationContent, type Finding } from "@/lib/objective/completeness";
import { translator, type MessageKey } from "@/lib/i18n";
import type { IndicatorRowInput } from "@/lib/validation/objective";

/*
 * The completeness check a filer meets on submitting a declaration (DESIGN §5), on made
 * declarations: a complete one passes; each defect is refused with its message on the step and
 * field to fix. The quality warnings reviewers would raise, at their edges.
 */
const row = (r: Partial<IndicatorRowInput>): IndicatorRowInput => ({
  fundUse: null, level1: "output", level2: "quantity", name: "改造里程", comparison: "gte", annualTarget: "100", periodTarget: "300",
  unit: "公里", weight: null, explanation: null, formula: null, indicatorId: 1, customReason: null, ...r,
});
const INDICATORS = (): IndicatorRowInput[] => [
  row({ name: "改造里程" }),
  row({ level2: "quality", name: "验收合格率", unit: "%", annualTarget: "100", periodTarget: null }),
  row({ level1: "benefit", level2: "social", name: "通行时间缩短", comparison: "qualitative", annualTarget: "缩短20分钟", periodTarget: null, unit: null }),
  row({ level1: "satisfaction", level2: "satisfaction", name: "群众满意度", unit: "%", annualTarget: "90", periodTarget: null }),
];
function declaration(over: { basic?: Partial<DeclarationContent["basic"]>; funding?: Partial<DeclarationContent["funding"]>; performance?: Partial<DeclarationContent["performance"]> } = {}): DeclarationContent {
  return {
    basic: { name: "国省干线改造", startYear: 2027, endYear: 2029, servesPublic: true, ...over.basic },
    funding: { requestedAmount: "12000000.00", rows: [{ source: "general_budget", year: 2027, amount: "10000000.00" }, { source: "other", year: 2027, amount: "2000000.00" }] as never, ...over.funding },
    performance: { overallGoal: "三年改造300公里", annualGoal: "本年改造100公里", indicators: INDICATORS(), ...over.performance },
  };
}
/** A finding as the filer reads it: its dictionary message in Chinese, then in English. */
const zh = translator("zh");
const en = translator("en");
const said = (f: Finding) => `${f.step} ${f.field}: ${zh(f.message as MessageKey)} / ${en(f.message as MessageKey)}`;
const errs = (c: DeclarationContent) => completenessErrors(c).map(said);
const fields = (fs: Finding[]) => fs.map((f) => `${f.step} ${f.field}`);

describe("completeness: what blocks submitting a declaration", () => {
  it("a complete declaration passes", () => expect(errs(declaration())).toEqual([]));

  it("the overall and annual objectives are required (blank is not an answer)", () => {
    expect(errs(declaration({ performance: { overallGoal: "  ", annualGoal: undefined } }))).toEqual([
      "3 overallGoal: 请填写总体目标 / the overall objective is required",
      "3 annualGoal: 请填写年度目标 / the annual objective is required",
    ]);
  });

  it("an objective not yet typed at all is asked for just the same", () => {
    expect(errs(declaration({ performance: { overallGoal: undefined, annualGoal: " " } }))).toEqual([
      "3 overallGoal: 请填写总体目标 / the overall objective is required",
      "3 annualGoal: 请填写年度目标 / the annual objective is required",
    ]);
    const inds = INDICATORS();
    inds[2] = { ...inds[2], annualTarget: null, indicatorId: null, customReason: null };
    expect(fields(completenessErrors(declaration({ performance: { indicators: inds } })))).toEqual(["3 indicators.2.annualTarget", "3 indicators.2.customReason"]);
    // No weight typed anywhere (not even blank): equal shares, nothing to fix.
    expect(errs(declaration({ performance: { indicators: INDICATORS().map((r) => ({ ...r, weight: undefined as never })) } }))).toEqual([]);
    // A draft whose end year is still empty is not told it ends before it starts.
    expect(errs(declaration({ basic: { startYear: 2028, endYear: null as never } }))).toEqual([]);
  });

  it("no indicators at all: output, benefit and (for a public project) satisfaction are each asked for", () => {
    expect(errs(declaration({ performance: { indicators: undefined } }))).toEqual([
      "3 indicators: 至少需要一项产出指标 / at least one output indicator",
      "3 indicators: 至少需要一项效益指标 / at least one benefit indicator",
      "3 indicators: 面向社会公众的项目须设置满意度指标 / a project serving the public needs a satisfaction indicator",
    ]);
  });

  it("output needs a quantity indicator, and a quality or a timeliness one", () => {
    const [quantity, quality, benefit, satisfaction] = INDICATORS();
    expect(errs(declaration({ performance: { indicators: [quality, benefit, satisfaction] } }))).toEqual([
      "3 indicators: 产出指标须包含数量指标 / output indicators need a quantity indicator",
    ]);
    expect(errs(declaration({ performance: { indicators: [quantity, benefit, satisfaction] } }))).toEqual([
      "3 indicators: 产出指标须包含质量指标或时效指标 / output indicators need a quality or timeliness indicator",
    ]);
    const timely = row({ level2: "timeliness", name: "按期完工率", unit: "%", annualTarget: "100", periodTarget: null });
    expect(errs(declaration({ performance: { indicators: [quantity, timely, benefit, satisfaction] } }))).toEqual([]);
    // A quality indicator under benefit does not count for output.
    const benefitQuality = row({ level1: "benefit", level2: "quality", name: "路面质量", unit: "%", periodTarget: null });
    expect(fields(completenessErrors(declaration({ performance: { indicators: [quantity, benefitQuality, benefit, satisfaction] } })))).toEqual(["3 indicators"]);
  });

  it("satisfaction is required only of a project serving the public", () => {
    const noSatisfaction = INDICATORS().slice(0, 3);
    expect(fields(completenessErrors(declaration({ performance: { indicators: noSatisfaction } })))).toEqual(["3 indicators"]);
    expect(fields(completenessErrors(declaration({ basic: { servesPublic: undefined }, performance: { indicators: noSatisfaction } })))).toEqual(["3 indicators"]);
    expect(errs(declaration({ basic: { servesPublic: false }, performance: { indicators: noSatisfaction } }))).toEqual([]);
  });

  it("a quantitative indicator needs a numeric annual target, a numeric period target if any, and a unit", () => {
    const inds = INDICATORS();
    inds[0] = row({ annualTarget: "约100", periodTarget: "三百", unit: " " });
    expect(errs(declaration({ performance: { indicators: inds } }))).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：定量指标须填写数值型年度指标值 / Row 1 “改造里程”: a quantitative indicator needs a numeric annual target",
      "3 indicators.0.periodTarget: 第 1 行「改造里程」：实施期指标值须为数值 / Row 1 “改造里程”: the period target must be a number",
      "3 indicators.0.unit: 第 1 行「改造里程」：定量指标须填写计量单位 / Row 1 “改造里程”: a quantitative indicator needs a unit",
    ]);
    inds[0] = row({ annualTarget: null, periodTarget: null, unit: null });
    expect(fields(completenessErrors(declaration({ performance: { indicators: inds } })))).toEqual(["3 indicators.0.annualTarget", "3 indicators.0.unit"]);
    for (const good of ["-5", " 12.5 ", "0"]) {
      inds[0] = row({ annualTarget: good, periodTarget: null });
      expect(errs(declaration({ performance: { indicators: inds } })), good).toEqual([]);
    }
    for (const bad of ["12.", "1.2.3", "12a", "a12", "--1"]) {
      inds[0] = row({ annualTarget: bad, periodTarget: null });
      expect(fields(completenessErrors(declaration({ performance: { indicators: inds } }))), bad).toEqual(["3 indicators.0.annualTarget"]);
    }
  });

  it("an annual quantity above the whole period's is refused (≥, not a percentage)", () => {
    const at = (r: Partial<IndicatorRowInput>) => {
      const inds = INDICATORS();
      inds[0] = row(r);
      return errs(declaration({ performance: { indicators: inds } }));
    };
    expect(at({ annualTarget: "301", periodTarget: "300" })).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：年度指标值不应大于实施期指标值 / Row 1 “改造里程”: the annual target exceeds the period target",
    ]);
    expect(at({ annualTarget: "300", periodTarget: "300" })).toEqual([]);
    expect(at({ annualTarget: "301", periodTarget: "300", unit: "%" })).toEqual([]);
    expect(at({ annualTarget: "301", periodTarget: "300", comparison: "lte" })).toEqual([]);
    expect(at({ annualTarget: "301", periodTarget: "300", level2: "quality" })).toEqual(["3 indicators: 产出指标须包含数量指标 / output indicators need a quantity indicator"]);
  });

  it("a qualitative indicator needs its target in words; a custom indicator needs its reason", () => {
    const inds = INDICATORS();
    inds[2] = row({ level1: "benefit", level2: "social", name: "通行时间缩短", comparison: "qualitative", annualTarget: " ", periodTarget: "x", unit: null, indicatorId: null, customReason: "  " });
    expect(errs(declaration({ performance: { indicators: inds } }))).toEqual([
      "3 indicators.2.annualTarget: 第 3 行「通行时间缩短」：请填写年度指标值 / Row 3 “通行时间缩短”: the annual target is required",
      "3 indicators.2.customReason: 第 3 行「通行时间缩短」：自定义指标须说明理由 / Row 3 “通行时间缩短”: a custom indicator needs a reason",
    ]);
    inds[2] = { ...inds[2], annualTarget: "明显缩短", customReason: "本项目特有" };
    expect(errs(declaration({ performance: { indicators: inds } }))).toEqual([]);
  });

  it("weights: all blank, or all positive and making 100", () => {
    const weighted = (ws: (string | null)[]) => errs(declaration({ performance: { indicators: INDICATORS().map((r, i) => ({ ...r, weight: ws[i] })) } }));
    expect(weighted([null, null, null, null])).toEqual([]);
    expect(weighted(["40", "30", "20", "10"])).toEqual([]);
    expect(weighted(["40", "30", "20", "9.99"])).toEqual(["3 weights: 分值合计须为 100，现为 99.99 / weights must sum to 100, not 99.99"]);
    expect(weighted(["40", "30", "30", "10"])).toEqual(["3 weights: 分值合计须为 100，现为 110 / weights must sum to 100, not 110"]);
    const someBlank = "3 weights: 分值须全部填写且大于 0，或全部留空按平均分配 / give every indicator a positive weight, or leave all blank";
    expect(weighted(["40", "30", "30", null])).toEqual([someBlank]);
    expect(weighted(["40", "30", "30", "0"])).toEqual([someBlank]);
    expect(errs(declaration({ performance: { indicators: INDICATORS().map((r, i) => ({ ...r, weight: i === 0 ? "100" : undefined as never })) } }))).toEqual([someBlank]);
  });

  it("the requested amount is required and positive, and the funding rows must add up to it (shown in 万元)", () => {
    expect(errs(declaration({ funding: { requestedAmount: undefined } }))).toEqual(["2 requestedAmount: 请填写申报金额 / the requested amount is required"]);
    expect(errs(declaration({ funding: { requestedAmount: "0" } }))).toEqual(["2 requestedAmount: 请填写申报金额 / the requested amount is required"]);
    expect(errs(declaration({ funding: { requestedAmount: "12000000.01" } }))).toEqual([
      "2 funding.rows: 资金来源合计 1,200.00 万元与申报金额 1,200.000001 万元不一致 / the funding rows sum to 1,200.00, not the requested 1,200.000001 (10k yuan)",
    ]);
    expect(errs(declaration({ funding: { rows: undefined } }))).toEqual([
      "2 funding.rows: 资金来源合计 0.00 万元与申报金额 1,200.00 万元不一致 / the funding rows sum to 0.00, not the requested 1,200.00 (10k yuan)",
    ]);
  });

  it("the project needs a name, and cannot end before it starts", () => {
    expect(errs(declaration({ basic: { name: " " } }))).toEqual(["1 basic.name: 请填写项目名称 / the name is required"]);
    expect(errs(declaration({ basic: { name: undefined } }))).toEqual(["1 basic.name: 请填写项目名称 / the name is required"]);
    expect(errs(declaration({ basic: { startYear: 2028, endYear: 2027 } }))).toEqual(["1 basic.endYear: 结束年度不能早于开始年度 / the end year is before the start year"]);
    expect(errs(declaration({ basic: { startYear: 2027, endYear: 2027 } }))).toEqual([]);
    expect(errs(declaration({ basic: { startYear: undefined, endYear: 2027 } }))).toEqual([]);
    expect(errs(declaration({ basic: { startYear: 2028, endYear: undefined } }))).toEqual([]);
  });
});

describe("quality warnings: what a reviewer would send back, told before submitting", () => {
  const content = (inds: IndicatorRowInput[], years: [number | undefined, number | undefined] = [2027, 2027]): DeclarationContent => ({
    basic: { startYear: years[0], endYear: years[1] },
    funding: {},
    performance: { indicators: inds },
  });
  const warn = (inds: IndicatorRowInput[], years?: [number | undefined, number | undefined], ctx?: Parameters<typeof qualityWarnings>[1]) =>
    qualityWarnings(content(inds, years), ctx).map(said);

  it("a vague qualitative target, with its words quoted", () => {
    expect(warn([row({ comparison: "qualitative", annualTarget: "服务水平进一步提升", unit: null })])).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：定性目标“服务水平进一步提升”表述模糊，建议给出可衡量的标准 / Row 1 “改造里程”: the qualitative target is vague; give a measure",
    ]);
    expect(warn([row({ comparison: "qualitative", annualTarget: "投诉明显减少到3件以下", unit: null })])).toEqual([]);
    expect(warn([row({ comparison: "gte", annualTarget: "明显提高" })])).toEqual([]);
    expect(warn([row({ comparison: "qualitative", annualTarget: null, unit: null })])).toEqual([]);
  });

  it("a quality indicator that reads as a benefit; satisfaction put under benefit", () => {
    expect(warn([row({ level2: "quality", name: "促进就业" })])).toEqual([
      "3 indicators.0.level2: 第 1 行「促进就业」：看起来是效益指标而非质量指标 / Row 1 “促进就业”: this reads as a benefit, not a quality indicator",
    ]);
    expect(warn([row({ level2: "quantity", name: "促进就业" })])).toEqual([]);
    expect(warn([row({ level1: "benefit", level2: "social", name: "群众满意率" })])).toEqual([
      "3 indicators.0.level1: 第 1 行「群众满意率」：满意度应列入满意度指标，不能代替效益指标 / Row 1 “群众满意率”: satisfaction belongs under the satisfaction indicators, not in place of a benefit",
    ]);
    expect(warn([row({ level1: "satisfaction", level2: "satisfaction", name: "群众满意率" })])).toEqual([]);
  });

  it("the same annual and period quantity on a multi-year project", () => {
    const same = row({ annualTarget: "300", periodTarget: "300" });
    expect(warn([same], [2027, 2029])).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：多年项目的年度指标值与实施期指标值相同 / Row 1 “改造里程”: the annual target equals the whole period's for a multi-year project",
    ]);
    expect(warn([same], [2027, 2027])).toEqual([]);
    expect(warn([same], [undefined, 2029])).toEqual([]);
    expect(warn([same], [2027, undefined])).toEqual([]);
    expect(warn([same], [null as never, 2029])).toEqual([]);
    expect(warn([row({ annualTarget: "100", periodTarget: "300" })], [2027, 2029])).toEqual([]);
    expect(warn([row({ annualTarget: "100", periodTarget: "100", unit: "%" })], [2027, 2029])).toEqual([]);
    expect(warn([row({ annualTarget: "100", periodTarget: "100", level2: "quality" })], [2027, 2029])).toEqual([]);
    expect(warn([row({ annualTarget: "100", periodTarget: "100", comparison: "qualitative" })], [2027, 2029])).toEqual([]);
    expect(warn([row({ annualTarget: "100", periodTarget: null })], [2027, 2029])).toEqual([]);
  });

  it("far from the peers' median: below half or above twice, from five peers", () => {
    const at = (target: string, ctx: ReturnType<NonNullable<Parameters<typeof qualityWarnings>[1]>>) => warn([row({ annualTarget: target, periodTarget: null })], undefined, () => ctx);
    expect(at("49.99", { peerMedian: "100", peerCount: 5 })).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：目标值 49.99公里 与 5 个同类项目的中位数 100公里 相差较大 / Row 1 “改造里程”: the target 49.99公里 is far from the median of 5 similar projects, 100公里",
    ]);
    expect(at("50", { peerMedian: "100", peerCount: 5 })).toEqual([]);
    expect(at("200", { peerMedian: "100", peerCount: 5 })).toEqual([]);
    expect(at("200.01", { peerMedian: "100", peerCount: 5 })).toHaveLength(1);
    expect(at("10", { peerMedian: "100", peerCount: 4 })).toEqual([]);
    expect(at("10", { peerMedian: "100" })).toEqual([]);
    expect(at("10", { peerMedian: "0", peerCount: 9 })).toEqual([]);
    expect(warn([row({ annualTarget: "10", periodTarget: null, unit: null })], undefined, () => ({ peerMedian: "100", peerCount: 5 }))[0]).toContain("目标值 10 与 5 个同类项目的中位数 100 相差较大");
  });

  it("otherwise far from the bank's reference value", () => {
    const at = (target: string, reference: string | null, unit: string | null = "公里") => warn([row({ annualTarget: target, periodTarget: null, unit })], undefined, () => ({ reference }));
    expect(at("300", "1000")).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：目标值 300公里 与指标库参考值 1000公里 相差较大 / Row 1 “改造里程”: the target 300公里 is far from the bank's reference value 1000公里",
    ]);
    expect(at("300", "1000", null)[0]).toContain("目标值 300 与指标库参考值 1000 相差较大");
    expect(at("300", "500")).toEqual([]);
    expect(at("300", "约500")).toEqual([]);
    expect(at("300", null)).toEqual([]);
    expect(at("300", "0")).toEqual([]);
    // Far from both: the filer is told about the peers only.
    expect(warn([row({ annualTarget: "300", periodTarget: null })], undefined, () => ({ peerMedian: "5000", peerCount: 5, reference: "5000" }))).toEqual([
      "3 indicators.0.annualTarget: 第 1 行「改造里程」：目标值 300公里 与 5 个同类项目的中位数 5000公里 相差较大 / Row 1 “改造里程”: the target 300公里 is far from the median of 5 similar projects, 5000公里",
    ]);
    // Only numeric quantitative targets are compared.
    expect(warn([row({ comparison: "qualitative", annualTarget: "300", periodTarget: null })], undefined, () => ({ reference: "5000" }))).toEqual([]);
    expect(warn([row({ annualTarget: "约300", periodTarget: null })], undefined, () => ({ reference: "5000" }))).toEqual([]);
  });

  it("with no context given, nothing is compared; no indicators, no warnings", () => {
    expect(warn([row({ annualTarget: "1", periodTarget: null })])).toEqual([]);
    expect(qualityWarnings({ basic: {}, funding: {}, performance: {} })).toEqual([]);
  });
});

describe("completeness of a department-overall objective (部门整体): what its filer is told", () => {
  const dept = (over: { basic?: Partial<DeclarationContent["basic"]>; budget?: string | undefined; tasks?: { name: string; content: string | null; amount: string }[] | undefined; performance?: Partial<DeclarationContent["performance"]> } = {}): DeclarationContent => ({
    basic: { name: "广东省交通运输厅", duties: "负责全省公路管理。", servesPublic: true, ...over.basic },
    funding: { requestedAmount: "budget" in over ? over.budget : "10005000.00", rows: [] },
    performance: { overallGoal: null as never, annualGoal: "完成年度任务。", indicators: INDICATORS(), ...over.performance },
    keyTasks: "tasks" in over ? over.tasks : [{ name: "养护", content: null, amount: "6002500.01" }, { name: "改造", content: null, amount: "4002499.99" }],
  });
  const deptErrs = (c: DeclarationContent) => completenessErrors(c, "department").map(said);

  it("a complete one passes: no overall goal, plan or funding rows asked of a department", () => expect(deptErrs(dept())).toEqual([]));

  it("the year's objective is the department's own; blank is not an answer", () => {
    for (const annualGoal of [" ", undefined]) {
      expect(deptErrs(dept({ performance: { annualGoal } }))).toEqual(["3 annualGoal: 请填写年度总体目标 / the department's objective for the year is required"]);
    }
  });

  it("its name and duties are required (step 1)", () => {
    expect(deptErrs(dept({ basic: { name: " ", duties: " " } }))).toEqual([
      "1 basic.name: 请填写部门名称 / the department's name is required",
      "1 basic.duties: 请填写部门职责 / the department's duties are required",
    ]);
    expect(deptErrs(dept({ basic: { name: undefined, duties: undefined } }))).toEqual([
      "1 basic.name: 请填写部门名称 / the department's name is required",
      "1 basic.duties: 请填写部门职责 / the department's duties are required",
    ]);
  });

  it("its budget is required and positive; the key tasks must add up to it, both in 万元", () => {
    for (const budget of [undefined, "0", "-1"]) {
      expect(deptErrs(dept({ budget })), String(budget)).toEqual(["2 requestedAmount: 请填写部门预算总额 / the department's budget is required"]);
    }
    // One fen short: the sum is shown exactly.
    expect(deptErrs(dept({ tasks: [{ name: "养护", content: null, amount: "6002500.01" }, { name: "改造", content: null, amount: "4002499.98" }] }))).toEqual([
      "2 tasks: 年度主要任务预算合计 1,000.499999 万元与部门预算总额 1,000.50 万元不一致 / the key tasks sum to 1,000.499999, not the department's budget of 1,000.50 (10k yuan)",
    ]);
  });

  it("at least one key task; with no budget the tasks are not summed against it", () => {
    expect(deptErrs(dept({ tasks: [] }))).toEqual(["2 tasks: 请至少填写一项年度主要任务 / at least one key task of the year"]);
    expect(deptErrs(dept({ tasks: undefined }))).toEqual(["2 tasks: 请至少填写一项年度主要任务 / at least one key task of the year"]);
    expect(deptErrs(dept({ budget: "0" }))).toEqual(["2 requestedAmount: 请填写部门预算总额 / the department's budget is required"]);
  });

  it("a department serving the public is asked for satisfaction in its own words; one that does not is not", () => {
    const noSatisfaction = INDICATORS().filter((r) => r.level1 !== "satisfaction");
    expect(deptErrs(dept({ performance: { indicators: noSatisfaction } }))).toEqual(["3 indicators: 部门职责面向社会公众，须设置满意度指标 / a department serving the public needs a satisfaction indicator"]);
    expect(deptErrs(dept({ basic: { servesPublic: false }, performance: { indicators: noSatisfaction } }))).toEqual([]);
  });
});
