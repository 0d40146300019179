import { z } from "zod";
import { COMPARISONS, FUND_SOURCES, INDICATOR_LEVEL1, INDICATOR_LEVEL2, LEVEL2_OF, PROJECT_CATEGORIES } from "@/db/schema/enums";
import { id, optionalText, phone, text, version } from "./common";
import { msg } from "@/lib/i18n/core";

/** Money in 元 as a decimal string with at most two decimals; never a float. */
export const money = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).replace(/,/g, "").trim())
  .refine((v) => /^\d{1,16}(\.\d{1,2})?$/.test(v), msg("rules.amount2"));

const year = z.coerce.number().int().min(2000).max(2100);
const yearOrMonth = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2})?$/, msg("refusal.yearOrMonth"))
  .refine((v) => {
    const [y, m] = v.split("-").map(Number);
    return y >= 2000 && y <= 2100 && (m === undefined || (m >= 1 && m <= 12));
  }, msg("rules.yearMonth"));

export const basicInfo = z.strictObject({
  name: text(200, 2),
  category: z.enum(PROJECT_CATEGORIES),
  startYear: year,
  endYear: year,
  contactName: optionalText(50),
  contactPhone: phone,
  policyBasis: optionalText(2000),
  /** Serves the public directly: a 满意度 indicator is then required. */
  servesPublic: z.boolean().default(true),
});

/** Step 1 of a department-overall objective (部门整体): the department, its duties (部门职责), a contact. */
export const deptBasicInfo = z.strictObject({
  name: text(200, 2),
  duties: optionalText(4000),
  contactName: optionalText(50),
  contactPhone: phone,
  servesPublic: z.boolean().default(true),
});

/** Step 2 of a department-overall objective: the year's key tasks (年度主要任务 / 重点工作), each with its budget (元). */
export const keyTaskRow = z.strictObject({ name: text(200), content: optionalText(1000), amount: money });
export const keyTasks = z.strictObject({
  /** The department's budget for the year (部门预算总额): the key tasks' amounts add up to it. */
  requestedAmount: money,
  tasks: z.array(keyTaskRow).max(50),
});

export const fundingRow = z.strictObject({ source: z.enum(FUND_SOURCES), year, amount: money });
export const funding = z.strictObject({
  requestedAmount: money,
  rows: z.array(fundingRow).max(50),
  fundUses: optionalText(2000),
});

export const planRow = z.strictObject({ start: yearOrMonth, end: yearOrMonth, content: text(1000) });

export const indicatorRow = z
  .strictObject({
    fundUse: optionalText(200),
    level1: z.enum(INDICATOR_LEVEL1),
    level2: z.enum(INDICATOR_LEVEL2),
    name: text(200),
    comparison: z.enum(COMPARISONS),
    annualTarget: optionalText(200),
    periodTarget: optionalText(200),
    unit: optionalText(30),
    weight: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim()))
      .refine((v) => v === null || /^\d{1,3}(\.\d{1,2})?$/.test(v), msg("rules.number2")),
    explanation: optionalText(2000),
    formula: optionalText(2000),
    indicatorId: id.nullable().optional().transform((v) => v ?? null),
    customReason: optionalText(1000),
    /** Why a target is less demanding than last year's (lib/objective/year-compare.ts); optional. */
    changeReason: optionalText(1000).optional(),
  })
  .refine((r) => LEVEL2_OF[r.level1].includes(r.level2), { message: msg("rules.level2Of1"), path: ["level2"] });

export const performance = z.strictObject({
  plan: z.array(planRow).max(50),
  overallGoal: optionalText(4000),
  annualGoal: optionalText(4000),
  indicators: z.array(indicatorRow).max(200),
});

export type BasicInfo = z.output<typeof basicInfo>;
export type DeptBasicInfo = z.output<typeof deptBasicInfo>;
export type KeyTask = z.output<typeof keyTaskRow>;
export type KeyTasks = z.output<typeof keyTasks>;
export type Funding = z.output<typeof funding>;
export type Performance = z.output<typeof performance>;
export type IndicatorRowInput = z.output<typeof indicatorRow>;

/**
 * Saving one wizard step: the version being edited and the edit counter the tab loaded. A
 * department-overall objective saves its own first two steps ("deptBasic", "keyTasks"); step 3
 * (goals and indicators) is the same model for every subject.
 */
export const saveStepInput = z.discriminatedUnion("step", [
  z.strictObject({ step: z.literal("deptBasic"), objectiveId: id, editVersion: version, data: deptBasicInfo }),
  z.strictObject({ step: z.literal("keyTasks"), objectiveId: id, editVersion: version, data: keyTasks }),
  z.strictObject({ step: z.literal(1), objectiveId: id, editVersion: version, data: basicInfo }),
  z.strictObject({ step: z.literal(2), objectiveId: id, editVersion: version, data: funding }),
  z.strictObject({ step: z.literal(3), objectiveId: id, editVersion: version, data: performance }),
]);
