import Decimal from "decimal.js";
import { formatWanExact } from "@/lib/money";
import type { SubjectKind } from "@/db/schema/enums";
import type { BasicInfo, DeptBasicInfo, Funding, IndicatorRowInput, KeyTask, Performance } from "@/lib/validation/objective";

/** One finding of the completeness check, pointing at the wizard step and field to fix. */
export interface Finding {
  step: 1 | 2 | 3 | 4;
  /** Field path as the wizard names its inputs: "overallGoal", "indicators.2.unit", "funding.rows". */
  field: string;
  /** Chinese first, English second, as every message the filer reads. */
  message: string;
}

export interface DeclarationContent {
  basic: Partial<BasicInfo> & Partial<Pick<DeptBasicInfo, "duties">>;
  funding: Partial<Funding>;
  performance: Partial<Performance>;
  /** A department-overall objective's key tasks (年度主要任务), amounts in 元. */
  keyTasks?: readonly KeyTask[];
}

/** Reference values and peers of a bank indicator, for the "far from its peers" warning. */
export interface IndicatorContext {
  reference?: string | null;
  peerMedian?: string | null;
  peerCount?: number;
}

const isNumber = (v: string | null | undefined): v is string => !!v && /^-?\d+(\.\d+)?$/.test(v.trim());
const row = (i: number) => `第 ${i + 1} 行`;

/**
 * The hard rules of DESIGN §5: a declaration cannot be submitted while any of these fails.
 * Each names the step and the field to fix.
 */
export function completenessErrors(c: DeclarationContent, kind: SubjectKind = "project"): Finding[] {
  const out: Finding[] = [];
  const perf = c.performance;
  const inds = perf.indicators ?? [];
  const department = kind === "department";
  if (department) {
    // 部门整体: one year, so one goal — the 年度总体目标; no multi-year overall goal, no plan.
    if (!perf.annualGoal?.trim()) out.push({ step: 3, field: "annualGoal", message: "请填写年度总体目标 / the department's objective for the year is required" });
  } else {
    if (!perf.overallGoal?.trim()) out.push({ step: 3, field: "overallGoal", message: "请填写总体目标 / the overall objective is required" });
    if (!perf.annualGoal?.trim()) out.push({ step: 3, field: "annualGoal", message: "请填写年度目标 / the annual objective is required" });
  }

  const has = (l1: string, l2?: string) => inds.some((r) => r.level1 === l1 && (!l2 || r.level2 === l2));
  if (!has("output")) out.push({ step: 3, field: "indicators", message: "至少需要一项产出指标 / at least one output indicator" });
  else {
    if (!has("output", "quantity")) out.push({ step: 3, field: "indicators", message: "产出指标须包含数量指标 / output indicators need a quantity indicator" });
    if (!has("output", "quality") && !has("output", "timeliness")) {
      out.push({ step: 3, field: "indicators", message: "产出指标须包含质量指标或时效指标 / output indicators need a quality or timeliness indicator" });
    }
  }
  if (!has("benefit")) out.push({ step: 3, field: "indicators", message: "至少需要一项效益指标 / at least one benefit indicator" });
  if (c.basic.servesPublic !== false && !has("satisfaction")) {
    out.push({
      step: 3,
      field: "indicators",
      message: department
        ? "部门职责面向社会公众，须设置满意度指标 / a department serving the public needs a satisfaction indicator"
        : "面向社会公众的项目须设置满意度指标 / a project serving the public needs a satisfaction indicator",
    });
  }

  inds.forEach((r, i) => {
    if (r.comparison !== "qualitative") {
      if (!isNumber(r.annualTarget)) out.push({ step: 3, field: `indicators.${i}.annualTarget`, message: `${row(i)}「${r.name}」：定量指标须填写数值型年度指标值 / a quantitative indicator needs a numeric annual target` });
      if (r.periodTarget && !isNumber(r.periodTarget)) out.push({ step: 3, field: `indicators.${i}.periodTarget`, message: `${row(i)}「${r.name}」：实施期指标值须为数值 / the period target must be a number` });
      if (!r.unit?.trim()) out.push({ step: 3, field: `indicators.${i}.unit`, message: `${row(i)}「${r.name}」：定量指标须填写计量单位 / a quantitative indicator needs a unit` });
      if (r.level2 === "quantity" && r.comparison === "gte" && r.unit !== "%" && isNumber(r.annualTarget) && isNumber(r.periodTarget)) {
        if (new Decimal(r.annualTarget).gt(r.periodTarget)) {
          out.push({ step: 3, field: `indicators.${i}.annualTarget`, message: `${row(i)}「${r.name}」：年度指标值不应大于实施期指标值 / the annual target exceeds the period target` });
        }
      }
    } else if (!r.annualTarget?.trim()) {
      out.push({ step: 3, field: `indicators.${i}.annualTarget`, message: `${row(i)}「${r.name}」：请填写年度指标值 / the annual target is required` });
    }
    if (!r.indicatorId && !r.customReason?.trim()) {
      out.push({ step: 3, field: `indicators.${i}.customReason`, message: `${row(i)}「${r.name}」：自定义指标须说明理由 / a custom indicator needs a reason` });
    }
  });

  const weights = inds.map((r) => r.weight);
  if (weights.some((w) => w !== null && w !== undefined)) {
    if (weights.some((w) => w === null || w === undefined || !new Decimal(w).gt(0))) {
      out.push({ step: 3, field: "weights", message: "分值须全部填写且大于 0，或全部留空按平均分配 / give every indicator a positive weight, or leave all blank" });
    } else {
      const sum = weights.reduce((s: Decimal, w) => s.plus(w as string), new Decimal(0));
      if (!sum.eq(100)) out.push({ step: 3, field: "weights", message: `分值合计须为 100，现为 ${sum.toFixed()} / weights must sum to 100, not ${sum.toFixed()}` });
    }
  }

  if (department) {
    out.push(...departmentFindings(c));
    return out;
  }
  const rows = c.funding.rows ?? [];
  const requested = c.funding.requestedAmount;
  if (!requested || !new Decimal(requested).gt(0)) {
    out.push({ step: 2, field: "requestedAmount", message: "请填写申报金额 / the requested amount is required" });
  } else {
    const total = rows.reduce((s, r) => s.plus(r.amount), new Decimal(0));
    if (!total.eq(requested)) {
      out.push({
        step: 2,
        field: "funding.rows",
        message: `资金来源合计 ${formatWanExact(total)} 万元与申报金额 ${formatWanExact(requested)} 万元不一致 / the funding rows sum to ${formatWanExact(total)}, not the requested ${formatWanExact(requested)} (10k yuan)`,
      });
    }
  }
  if (!c.basic.name?.trim()) out.push({ step: 1, field: "basic.name", message: "请填写项目名称 / the name is required" });
  if (c.basic.startYear && c.basic.endYear && c.basic.startYear > c.basic.endYear) {
    out.push({ step: 1, field: "basic.endYear", message: "结束年度不能早于开始年度 / the end year is before the start year" });
  }
  return out;
}

/** Steps 1 and 2 of a department-overall objective: the department, its duties, and key tasks that add up to its budget. */
function departmentFindings(c: DeclarationContent): Finding[] {
  const out: Finding[] = [];
  const tasks = c.keyTasks ?? [];
  const budget = c.funding.requestedAmount;
  if (!budget || !new Decimal(budget).gt(0)) {
    out.push({ step: 2, field: "requestedAmount", message: "请填写部门预算总额 / the department's budget is required" });
  }
  if (tasks.length === 0) {
    out.push({ step: 2, field: "tasks", message: "请至少填写一项年度主要任务 / at least one key task of the year" });
  } else if (budget && new Decimal(budget).gt(0)) {
    const total = tasks.reduce((s, r) => s.plus(r.amount), new Decimal(0));
    if (!total.eq(budget)) {
      out.push({
        step: 2,
        field: "tasks",
        message: `年度主要任务预算合计 ${formatWanExact(total)} 万元与部门预算总额 ${formatWanExact(budget)} 万元不一致 / the key tasks sum to ${formatWanExact(total)}, not the department's budget of ${formatWanExact(budget)} (10k yuan)`,
      });
    }
  }
  if (!c.basic.name?.trim()) out.push({ step: 1, field: "basic.name", message: "请填写部门名称 / the department's name is required" });
  if (!c.basic.duties?.trim()) out.push({ step: 1, field: "basic.duties", message: "请填写部门职责 / the department's duties are required" });
  return out;
}

const VAGUE = /(明显|显著|大幅|进一步|有所|逐步|不断|较大|一定程度|稳步)(提高|提升|改善|增加|增强|加强|减少|下降|降低)?/;
const BENEFIT_WORDS = /(带动|促进|拉动|效益|增收|推动)/;

/**
 * The defects reviewers most often return objectives for (DESIGN §5), shown as warnings the
 * filer can answer; they never block submission.
 */
export function qualityWarnings(c: DeclarationContent, context: (r: IndicatorRowInput) => IndicatorContext = () => ({})): Finding[] {
  const out: Finding[] = [];
  const inds = c.performance.indicators ?? [];
  const multiYear = !!c.basic.startYear && !!c.basic.endYear && c.basic.endYear > c.basic.startYear;
  inds.forEach((r, i) => {
    const at = `indicators.${i}`;
    if (r.comparison === "qualitative" && r.annualTarget && VAGUE.test(r.annualTarget) && !/\d/.test(r.annualTarget)) {
      out.push({ step: 3, field: `${at}.annualTarget`, message: `${row(i)}「${r.name}」：定性目标“${r.annualTarget}”表述模糊，建议给出可衡量的标准 / the qualitative target is vague; give a measure` });
    }
    if (r.level2 === "quality" && BENEFIT_WORDS.test(r.name)) {
      out.push({ step: 3, field: `${at}.level2`, message: `${row(i)}「${r.name}」：看起来是效益指标而非质量指标 / this reads as a benefit, not a quality indicator` });
    }
    if (r.level1 === "benefit" && /满意/.test(r.name)) {
      out.push({ step: 3, field: `${at}.level1`, message: `${row(i)}「${r.name}」：满意度应列入满意度指标，不能代替效益指标 / satisfaction belongs under 满意度, not in place of a benefit` });
    }
    if (multiYear && r.comparison !== "qualitative" && r.level2 === "quantity" && r.unit !== "%" && isNumber(r.annualTarget) && isNumber(r.periodTarget) && new Decimal(r.annualTarget).eq(r.periodTarget)) {
      out.push({ step: 3, field: `${at}.annualTarget`, message: `${row(i)}「${r.name}」：多年项目的年度指标值与实施期指标值相同 / the annual target equals the whole period's for a multi-year project` });
    }
    if (r.comparison !== "qualitative" && isNumber(r.annualTarget)) {
      const ctx = context(r);
      const target = new Decimal(r.annualTarget);
      const far = (ref: string) => !new Decimal(ref).isZero() && (target.lt(new Decimal(ref).times(0.5)) || target.gt(new Decimal(ref).times(2)));
      if (ctx.peerMedian && (ctx.peerCount ?? 0) >= 5 && far(ctx.peerMedian)) {
        out.push({
          step: 3,
          field: `${at}.annualTarget`,
          message: `${row(i)}「${r.name}」：目标值 ${r.annualTarget}${r.unit ?? ""} 与 ${ctx.peerCount} 个同类项目的中位数 ${ctx.peerMedian}${r.unit ?? ""} 相差较大 / far from the median of ${ctx.peerCount} similar projects`,
        });
      } else if (ctx.reference && isNumber(ctx.reference) && far(ctx.reference)) {
        out.push({ step: 3, field: `${at}.annualTarget`, message: `${row(i)}「${r.name}」：目标值 ${r.annualTarget}${r.unit ?? ""} 与指标库参考值 ${ctx.reference}${r.unit ?? ""} 相差较大 / far from the bank's reference value` });
      }
    }
  });
  return out;
}
