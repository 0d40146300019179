import { z } from "zod";
import { FUND_SOURCES, PROJECT_CATEGORIES, SUBJECT_KINDS } from "@/db/schema/enums";
import { PROJECT_EVENTS } from "@/lib/workflow/project";
import { OBJECTIVE_EVENTS } from "@/lib/workflow/objective";
import { APPRAISAL_CONCLUSIONS, APPRAISAL_DIMENSIONS, GRADES } from "@/db/schema/enums";
import { bool, id, optionalText, safeString, text, version } from "./common";
import { money } from "./objective";

const year = z.coerce.number().int().min(2000).max(2100);

const projectFields = {
  name: text(200, 2),
  tier: z.coerce.number().int().min(1).max(2),
  parentId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  category: z.enum(PROJECT_CATEGORIES),
  ownerOrgId: id,
  startYear: year,
  endYear: year,
  totalAmount: money,
  fundSource: z.enum(FUND_SOURCES),
  policyBasis: optionalText(2000),
  isNew: bool,
};

/**
 * A rule across fields runs as soon as the fields it reads are valid, even when others are not:
 * the form gets every problem in one answer, not a second round after the first is fixed.
 */
function fieldsParsed(...fields: string[]) {
  // (Not an object at all — null from a direct call — is no object to read fields from.)
  return (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    !payload.issues.some((i) => i.path?.length === 0 || fields.includes(String(i.path?.[0])));
}
const yearsParsed = fieldsParsed("startYear", "endYear");

export const createProjectInput = z
  .strictObject(projectFields)
  .refine((v) => v.endYear >= v.startYear, { message: "结束年度不能早于开始年度 / the end year is before the start year", path: ["endYear"], when: yearsParsed })
  .refine((v) => v.tier === 2 || !v.parentId, { message: "一级项目没有上级项目 / a tier-1 project has no parent", path: ["parentId"], when: fieldsParsed("tier", "parentId") });

export const updateProjectInput = z
  .strictObject({ ...projectFields, projectId: id, version })
  .refine((v) => v.endYear >= v.startYear, { message: "结束年度不能早于开始年度 / the end year is before the start year", path: ["endYear"], when: yearsParsed });

export const projectEventInput = z.strictObject({ projectId: id, event: z.enum(PROJECT_EVENTS), version, reason: optionalText(1000) });

const score = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 20, "每项 0–20 分，最多两位小数 / 0 to 20, two decimals at most");

export const recordAppraisalInput = z.strictObject({
  projectId: id,
  fiscalYear: year,
  dimensions: z
    .array(z.strictObject({ dimension: z.enum(APPRAISAL_DIMENSIONS), score, comment: text(2000) }))
    .length(APPRAISAL_DIMENSIONS.length)
    .refine((d) => new Set(d.map((x) => x.dimension)).size === APPRAISAL_DIMENSIONS.length, "五个维度各评一次 / score each of the five dimensions once"),
  conclusion: z.enum(APPRAISAL_CONCLUSIONS),
  summary: optionalText(4000),
});

export const createObjectiveInput = z.discriminatedUnion("subjectKind", [
  z.strictObject({ subjectKind: z.literal("project"), projectId: id, fiscalYear: year }),
  z.strictObject({ subjectKind: z.literal("department"), orgId: id, fiscalYear: year, title: optionalText(200) }),
  z.strictObject({ subjectKind: z.literal("transfer"), projectId: id, fiscalYear: year }),
]);
export const SUBJECTS = SUBJECT_KINDS;

export const objectiveEventInput = z.strictObject({
  objectiveId: id,
  event: z.enum(["recall", "cancel_adjustment"] satisfies (typeof OBJECTIVE_EVENTS)[number][]),
  version,
});

export const adjustObjectiveInput = z.strictObject({ objectiveId: id, version, reason: text(2000, 2) });

export const reviewObjectiveInput = z
  .strictObject({
    objectiveId: id,
    version,
    stage: z.enum(["department", "finance"]),
    result: z.enum(["pass", "return", "reject"]),
    grade: z.enum(GRADES).optional().nullable().transform((v) => v ?? null),
    score: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim()))
      .refine((v) => v === null || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), "评分为 0–100 / a score from 0 to 100"),
    reasons: optionalText(4000),
    indicatorComments: z.record(z.string().regex(/^\d{1,3}$/), safeString(4000).trim().max(1000, "不能超过 1000 个字符 / at most 1000 characters")).optional().default({}),
    isKey: z.boolean().optional(),
  })
  .refine((v) => v.result === "pass" || !!v.reasons, { message: "退回或不通过时须填写原因 / give the reasons when not passing", path: ["reasons"] })
  .refine((v) => v.stage === "finance" || v.result !== "reject", { message: "主管部门只能通过或退回 / a department passes or returns", path: ["result"] })
  .refine(
    (v) => !v.grade || (v.grade === "excellent" || v.grade === "good" ? v.result === "pass" : v.grade === "fair" ? v.result === "return" : v.result === "reject"),
    { message: "评级与审核结果不一致：优、良通过，中退回修改，差不予安排 / grade and result disagree", path: ["grade"] },
  );
