import { z } from "zod";
import { COMPARISONS, FUND_SOURCES, GRADES, INDICATOR_LEVEL1, PROJECT_CATEGORIES } from "@/db/schema/enums";
import { KEY_DIMENSIONS } from "@/lib/evaluation/key-evaluation";

/**
 * THE shapes of the open data (the public API's responses, lib/opendata/api-*.ts; the bulk files may
 * copy them): English field names, the Chinese label as each field's title. These zod schemas both
 * shape the responses (every response is parsed through them, so nothing else leaves) and generate
 * the OpenAPI document (z.toJSONSchema). Amounts are decimal strings in 元 (CNY), never numbers.
 */
const f = <T extends z.ZodType>(schema: T, title: string, description: string) => schema.meta({ title, description });

export const YUAN = "CNY (元)";
export const money = (title: string, description: string) =>
  f(z.string().regex(/^-?\d+\.\d{2}$/), title, `${description} Decimal string in 元 (CNY), two decimals. 单位：元。`);
const score = (title: string, description: string) => f(z.string().regex(/^\d+(\.\d+)?$/), title, `${description} Decimal string.`);
const grade = f(z.enum(GRADES), "评价等级", "Grade: excellent 优, good 良, fair 中, poor 差.");
const category = f(z.enum(PROJECT_CATEGORIES).nullable(), "项目类别", "Project category: special_fund 专项资金, other_development 其他发展类, operation 运转类, transfer 转移支付.");
const dateTime = (title: string, description: string) => f(z.iso.datetime({ offset: true }), title, `${description} ISO 8601.`);

export const objectiveSummary = z
  .strictObject({
    id: f(z.int().positive(), "公开编号", "The disclosure's id: the portal's /portal/objectives/{id} and this API's /objectives/{id}."),
    title: f(z.string(), "项目名称", "Title of the project."),
    fiscalYear: f(z.int(), "预算年度", "Fiscal year."),
    regionName: f(z.string(), "地区", "Region (province, city or county)."),
    departmentName: f(z.string(), "主管部门", "Supervising department."),
    ownerName: f(z.string(), "实施单位", "Implementing unit."),
    category,
    amount: money("预算金额", "Budget disclosed with the objective."),
    amountUnit: f(z.literal(YUAN), "金额单位", "The unit of every amount: 元."),
    disclosedAt: dateTime("公开时间", "When it was disclosed."),
    grade: f(grade.nullable(), "评价等级", "The prevailing grade: the key evaluation's when disclosed, else the self-evaluation's; null when none is disclosed."),
    gradeSource: f(z.enum(["key", "self"]).nullable(), "等级来源", "key 重点评价 (finance department), self 自评 (the unit); null when no result is disclosed."),
  })
  .meta({ id: "ObjectiveSummary", title: "绩效目标（列表）", description: "A disclosed performance objective, as listed." });

export const indicatorRow = z
  .strictObject({
    fundUse: f(z.string().nullable(), "资金用途", "What the money is used for (the row's group)."),
    level1: f(z.enum(INDICATOR_LEVEL1), "一级指标", "output 产出, benefit 效益, satisfaction 满意度, cost 成本."),
    level2: f(z.string(), "二级指标", "Second-level indicator (e.g. quantity 数量指标)."),
    name: f(z.string(), "三级指标", "The indicator."),
    comparison: f(z.enum(COMPARISONS), "指标性质", "gte ≥, lte ≤, eq =, qualitative 定性."),
    annualTarget: f(z.string().nullable(), "年度指标值", "This year's target."),
    periodTarget: f(z.string().nullable(), "实施期指标值", "Target over the implementation period."),
    unit: f(z.string().nullable(), "度量单位", "Unit of measurement."),
    weight: f(z.string().nullable(), "权重", "Weight (points), decimal string."),
    explanation: f(z.string().nullable(), "指标解释", "What the indicator means."),
    formula: f(z.string().nullable(), "计算公式", "How it is computed."),
  })
  .meta({ id: "IndicatorRow", title: "绩效指标", description: "One row of the objective's indicator table (绩效指标表)." });

export const fundingRow = z
  .strictObject({
    source: f(z.enum(FUND_SOURCES), "资金来源", "general_budget 一般公共预算, government_fund 政府性基金, state_capital 国有资本经营预算, superior_transfer 上级转移支付, other 其他."),
    year: f(z.int(), "年度", "Year of the funds."),
    amount: money("金额", "Amount from this source."),
  })
  .meta({ id: "FundingRow", title: "资金来源", description: "One row of the disclosed budget." });

export const selfResult = z
  .strictObject({
    fiscalYear: f(z.int(), "评价年度", "Fiscal year evaluated."),
    score: score("自评得分", "Total score."),
    grade,
    disclosedAt: dateTime("公开时间", "When the result was disclosed."),
    levels: f(
      z.array(z.strictObject({ level1: f(z.string(), "一级指标", "execution 预算执行率, or an indicator level."), points: score("分值", "Points available."), score: score("得分", "Score obtained.") })),
      "分项得分",
      "Budget execution and each first-level indicator: points available and score obtained.",
    ),
  })
  .meta({ id: "SelfEvaluationResult", title: "自评结果", description: "The unit's disclosed self-evaluation result." });

export const keyResult = z
  .strictObject({
    fiscalYear: f(z.int(), "评价年度", "Fiscal year evaluated."),
    score: score("重点评价得分", "Total score."),
    grade,
    disclosedAt: dateTime("公开时间", "When the result was disclosed."),
    dimensions: f(
      z.array(z.strictObject({ dimension: f(z.enum(KEY_DIMENSIONS), "评价维度", "decision 决策, process 过程, output 产出, benefit 效益."), points: score("分值", "Points available."), score: score("得分", "Score obtained.") })),
      "分项得分",
      "Each dimension: points available and score obtained.",
    ),
    findings: f(z.string(), "主要问题", "Findings."),
    recommendations: f(z.string(), "改进建议", "Recommendations."),
    agencyName: f(z.string().nullable(), "评价机构", "The agency engaged by the finance department; null when finance evaluated it itself."),
  })
  .meta({ id: "KeyEvaluationResult", title: "重点评价结果", description: "The finance department's disclosed key evaluation result." });

export const objectiveDetail = z
  .strictObject({
    ...objectiveSummary.shape,
    subjectKind: f(z.string(), "主体类型", "project 项目 or the other kinds of subject."),
    financeName: f(z.string().nullable(), "财政部门", "The region's finance department."),
    overallGoal: f(z.string().nullable(), "总体目标", "Goal over the implementation period."),
    annualGoal: f(z.string().nullable(), "年度目标", "This year's goal."),
    budget: f(
      z.strictObject({ requestedAmount: money("申请金额", "The budget requested."), rows: f(z.array(fundingRow), "资金来源", "By source.") }),
      "预算",
      "The disclosed budget.",
    ),
    indicators: f(z.array(indicatorRow), "绩效指标表", "The indicator table, in its order."),
    selfEvaluation: f(selfResult.nullable(), "自评结果", "Null when not disclosed."),
    keyEvaluation: f(keyResult.nullable(), "重点评价结果", "Null when not disclosed."),
  })
  .meta({ id: "ObjectiveDetail", title: "绩效目标（详情）", description: "A disclosed objective with its indicator table, budget and disclosed results." });

export const resultItem = z
  .strictObject({
    id: f(z.int().positive(), "公开编号", "The result disclosure's id."),
    kind: f(z.enum(["self", "key"]), "结果类型", "self 自评, key 重点评价."),
    objectiveId: f(z.int().positive().nullable(), "绩效目标公开编号", "The live objective disclosure of the same objective (/objectives/{id}); null when only the result is disclosed."),
    title: f(z.string(), "项目名称", "Title of the project."),
    fiscalYear: f(z.int(), "评价年度", "Fiscal year evaluated."),
    regionName: f(z.string(), "地区", "Region."),
    departmentName: f(z.string(), "主管部门", "Supervising department."),
    ownerName: f(z.string(), "实施单位", "Implementing unit."),
    score: score("得分", "Total score."),
    grade,
    amount: money("预算金额", "Budget of the evaluated objective."),
    amountUnit: f(z.literal(YUAN), "金额单位", "The unit of every amount: 元."),
    disclosedAt: dateTime("公开时间", "When the result was disclosed."),
  })
  .meta({ id: "ResultItem", title: "评价结果", description: "A disclosed self-evaluation or key-evaluation result." });

const bucket = (title: string) =>
  z.strictObject({ amount: money("金额", "Sum of the budgets."), count: f(z.int().nonnegative(), "数量", "Number of objectives.") }).meta({ title });

export const summary = z
  .strictObject({
    fiscalYear: f(z.int(), "预算年度", "Fiscal year."),
    regionId: f(z.int().positive(), "地区编号", "The region summed (with the regions below it)."),
    regionName: f(z.string(), "地区", "Region."),
    amountUnit: f(z.literal(YUAN), "金额单位", "The unit of every amount: 元."),
    amount: money("公开预算合计", "Budget of every disclosed objective."),
    count: f(z.int().nonnegative(), "公开目标数", "Disclosed objectives."),
    byRegion: f(z.array(bucket("按地区").extend({ id: f(z.int(), "地区编号", "Region id."), name: f(z.string(), "地区", "Region.") })), "按地区", "Each region (this one and below) with objectives disclosed at its own level."),
    byDepartment: f(z.array(bucket("按部门").extend({ id: f(z.int(), "部门编号", "Department id."), name: f(z.string(), "主管部门", "Department.") })), "按部门", "The 15 departments with the most money disclosed, largest first (as on the portal's landing page)."),
    otherDepartments: f(bucket("其他部门").extend({ departments: f(z.int(), "部门数", "How many departments.") }).nullable(), "其他部门", "The other departments, summed; null when there are none."),
    byGrade: f(z.array(bucket("按等级").extend({ grade })), "按等级", "Objectives with a disclosed result, by their prevailing grade."),
  })
  .meta({ id: "Summary", title: "年度汇总", description: "The year's figures of a region and the regions below it." });

export const page = <T extends z.ZodType>(item: T, id: string, title: string) =>
  z
    .strictObject({
      data: f(z.array(item), "数据", "This page's items, in the stable order."),
      nextCursor: f(z.string().nullable(), "下一页游标", "Pass as `cursor` for the next page; null on the last page."),
      amountUnit: f(z.literal(YUAN), "金额单位", "The unit of every amount: 元."),
    })
    .meta({ id, title, description: `${title}: one page.` });

export const objectivePage = page(objectiveSummary, "ObjectivePage", "绩效目标列表");
export const resultPage = page(resultItem, "ResultPage", "评价结果列表");

export const apiError = z
  .strictObject({
    error: f(z.enum(["bad_parameter", "not_found", "rate_limited", "unavailable"]), "错误类型", "What went wrong."),
    parameter: f(z.string().optional(), "参数", "The query parameter refused (bad_parameter)."),
    message: f(z.string(), "说明", "中文 / English message."),
  })
  .meta({ id: "Error", title: "错误", description: "An error answer." });

export type ObjectiveSummary = z.output<typeof objectiveSummary>;
export type ObjectiveDetail = z.output<typeof objectiveDetail>;
export type ResultItem = z.output<typeof resultItem>;
export type Summary = z.output<typeof summary>;
