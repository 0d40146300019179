import Decimal from "decimal.js";
import { formatWanExact } from "@/lib/money";
import type { SubjectKind } from "@/db/schema/enums";
import { msg, type MessageKey } from "@/lib/i18n/core";
import type { BasicInfo, DeptBasicInfo, Funding, IndicatorRowInput, KeyTask, Performance } from "@/lib/validation/objective";

/** One finding of the completeness check, pointing at the wizard step and field to fix. */
export interface Finding {
  step: 1 | 2 | 3 | 4;
  /** Field path as the wizard names its inputs: "overallGoal", "indicators.2.unit", "funding.rows". */
  field: string;
  /** A message reference (lib/i18n/core msg()): t(message) is the reader's text. */
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
/** A finding on one indicator row: the row's number and name come first in the message. */
const rowMsg = (i: number, r: IndicatorRowInput, key: MessageKey, vars: Record<string, string | number> = {}) => msg(key, { row: i + 1, name: r.name ?? "", ...vars });

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
    if (!perf.annualGoal?.trim()) out.push({ step: 3, field: "annualGoal", message: msg("rules.decl.deptAnnualGoal") });
  } else {
    if (!perf.overallGoal?.trim()) out.push({ step: 3, field: "overallGoal", message: msg("rules.decl.overallGoal") });
    if (!perf.annualGoal?.trim()) out.push({ step: 3, field: "annualGoal", message: msg("rules.decl.annualGoal") });
  }

  const has = (l1: string, l2?: string) => inds.some((r) => r.level1 === l1 && (!l2 || r.level2 === l2));
  if (!has("output")) out.push({ step: 3, field: "indicators", message: msg("rules.decl.output") });
  else {
    if (!has("output", "quantity")) out.push({ step: 3, field: "indicators", message: msg("rules.decl.quantity") });
    if (!has("output", "quality") && !has("output", "timeliness")) {
      out.push({ step: 3, field: "indicators", message: msg("rules.decl.qualityOrTimeliness") });
    }
  }
  if (!has("benefit")) out.push({ step: 3, field: "indicators", message: msg("rules.decl.benefit") });
  if (c.basic.servesPublic !== false && !has("satisfaction")) {
    out.push({
      step: 3,
      field: "indicators",
      message: department
        ? msg("rules.decl.deptSatisfaction")
        : msg("rules.decl.satisfaction"),
    });
  }

  inds.forEach((r, i) => {
    if (r.comparison !== "qualitative") {
      if (!isNumber(r.annualTarget)) out.push({ step: 3, field: `indicators.${i}.annualTarget`, message: rowMsg(i, r, "rules.decl.numericTarget") });
      if (r.periodTarget && !isNumber(r.periodTarget)) out.push({ step: 3, field: `indicators.${i}.periodTarget`, message: rowMsg(i, r, "rules.decl.periodNumber") });
      if (!r.unit?.trim()) out.push({ step: 3, field: `indicators.${i}.unit`, message: rowMsg(i, r, "rules.decl.unit") });
      if (r.level2 === "quantity" && r.comparison === "gte" && r.unit !== "%" && isNumber(r.annualTarget) && isNumber(r.periodTarget)) {
        if (new Decimal(r.annualTarget).gt(r.periodTarget)) {
          out.push({ step: 3, field: `indicators.${i}.annualTarget`, message: rowMsg(i, r, "rules.decl.annualOverPeriod") });
        }
      }
    } else if (!r.annualTarget?.trim()) {
      out.push({ step: 3, field: `indicators.${i}.annualTarget`, message: rowMsg(i, r, "rules.decl.annualTarget") });
    }
    if (!r.indicatorId && !r.customReason?.trim()) {
      out.push({ step: 3, field: `indicators.${i}.customReason`, message: rowMsg(i, r, "rules.decl.customReason") });
    }
  });

  const weights = inds.map((r) => r.weight);
  if (weights.some((w) => w !== null && w !== undefined)) {
    if (weights.some((w) => w === null || w === undefined || !new Decimal(w).gt(0))) {
      out.push({ step: 3, field: "weights", message: msg("rules.decl.weightsAllOrNone") });
    } else {
      const sum = weights.reduce((s: Decimal, w) => s.plus(w as string), new Decimal(0));
      if (!sum.eq(100)) out.push({ step: 3, field: "weights", message: msg("rules.decl.weightsSum", { sum: sum.toFixed() }) });
    }
  }

  if (department) {
    out.push(...departmentFindings(c));
    return out;
  }
  const rows = c.funding.rows ?? [];
  const requested = c.funding.requestedAmount;
  if (!requested || !new Decimal(requested).gt(0)) {
    out.push({ step: 2, field: "requestedAmount", message: msg("rules.decl.requestedAmount") });
  } else {
    const total = rows.reduce((s, r) => s.plus(r.amount), new Decimal(0));
    if (!total.eq(requested)) {
      out.push({
        step: 2,
        field: "funding.rows",
        message: msg("rules.decl.fundingSum", { total: formatWanExact(total), requested: formatWanExact(requested) }),
      });
    }
  }
  if (!c.basic.name?.trim()) out.push({ step: 1, field: "basic.name", message: msg("rules.decl.name") });
  if (c.basic.startYear && c.basic.endYear && c.basic.startYear > c.basic.endYear) {
    out.push({ step: 1, field: "basic.endYear", message: msg("rules.endBeforeStart") });
  }
  return out;
}

/** Steps 1 and 2 of a department-overall objective: the department, its duties, and key tasks that add up to its budget. */
function departmentFindings(c: DeclarationContent): Finding[] {
  const out: Finding[] = [];
  const tasks = c.keyTasks ?? [];
  const budget = c.funding.requestedAmount;
  if (!budget || !new Decimal(budget).gt(0)) {
    out.push({ step: 2, field: "requestedAmount", message: msg("rules.decl.deptBudget") });
  }
  if (tasks.length === 0) {
    out.push({ step: 2, field: "tasks", message: msg("rules.decl.deptTasks") });
  } else if (budget && new Decimal(budget).gt(0)) {
    const total = tasks.reduce((s, r) => s.plus(r.amount), new Decimal(0));
    if (!total.eq(budget)) {
      out.push({
        step: 2,
        field: "tasks",
        message: msg("rules.decl.deptTasksSum", { total: formatWanExact(total), budget: formatWanExact(budget) }),
      });
    }
  }
  if (!c.basic.name?.trim()) out.push({ step: 1, field: "basic.name", message: msg("rules.decl.deptName") });
  if (!c.basic.duties?.trim()) out.push({ step: 1, field: "basic.duties", message: msg("rules.decl.deptDuties") });
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
      out.push({ step: 3, field: `${at}.annualTarget`, message: rowMsg(i, r, "rules.decl.vague", { target: r.annualTarget }) });
    }
    if (r.level2 === "quality" && BENEFIT_WORDS.test(r.name)) {
      out.push({ step: 3, field: `${at}.level2`, message: rowMsg(i, r, "rules.decl.benefitNotQuality") });
    }
    if (r.level1 === "benefit" && /满意/.test(r.name)) {
      out.push({ step: 3, field: `${at}.level1`, message: rowMsg(i, r, "rules.decl.satisfactionNotBenefit") });
    }
    if (multiYear && r.comparison !== "qualitative" && r.level2 === "quantity" && r.unit !== "%" && isNumber(r.annualTarget) && isNumber(r.periodTarget) && new Decimal(r.annualTarget).eq(r.periodTarget)) {
      out.push({ step: 3, field: `${at}.annualTarget`, message: rowMsg(i, r, "rules.decl.sameAsPeriod") });
    }
    if (r.comparison !== "qualitative" && isNumber(r.annualTarget)) {
      const ctx = context(r);
      const target = new Decimal(r.annualTarget);
      const far = (ref: string) => !new Decimal(ref).isZero() && (target.lt(new Decimal(ref).times(0.5)) || target.gt(new Decimal(ref).times(2)));
      if (ctx.peerMedian && (ctx.peerCount ?? 0) >= 5 && far(ctx.peerMedian)) {
        out.push({
          step: 3,
          field: `${at}.annualTarget`,
          message: rowMsg(i, r, "rules.decl.farFromPeers", { target: r.annualTarget, unit: r.unit ?? "", peers: ctx.peerCount ?? 0, median: ctx.peerMedian }),
        });
      } else if (ctx.reference && isNumber(ctx.reference) && far(ctx.reference)) {
        out.push({ step: 3, field: `${at}.annualTarget`, message: rowMsg(i, r, "rules.decl.farFromReference", { target: r.annualTarget, unit: r.unit ?? "", reference: ctx.reference }) });
      }
    }
  });
  return out;
}
