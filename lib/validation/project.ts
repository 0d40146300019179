import { z } from "zod";
import { FUND_SOURCES, PROJECT_CATEGORIES, SUBJECT_KINDS } from "@/db/schema/enums";
import { PROJECT_EVENTS } from "@/lib/workflow/project";
import { OBJECTIVE_EVENTS } from "@/lib/workflow/objective";
import { APPRAISAL_CONCLUSIONS, APPRAISAL_DIMENSIONS, GRADES } from "@/db/schema/enums";
import { bool, id, optionalText, safeString, text, version } from "./common";
import { money } from "./objective";
import { msg } from "@/lib/i18n/core";

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
  .refine((v) => v.endYear >= v.startYear, { message: msg("rules.endBeforeStart"), path: ["endYear"], when: yearsParsed })
  .refine((v) => v.tier === 2 || !v.parentId, { message: msg("rules.tier1NoParent"), path: ["parentId"], when: fieldsParsed("tier", "parentId") });

export const updateProjectInput = z
  .strictObject({ ...projectFields, projectId: id, version })
  .refine((v) => v.endYear >= v.startYear, { message: msg("rules.endBeforeStart"), path: ["endYear"], when: yearsParsed });

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
    .refine((d) => new Set(d.map((x) => x.dimension)).size === APPRAISAL_DIMENSIONS.length, msg("rules.fiveDimensions")),
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
      .refine((v) => v === null || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), msg("rules.score100")),
    reasons: optionalText(4000),
    indicatorComments: z.record(z.string().regex(/^\d{1,3}$/), safeString(4000).trim().max(1000, msg("rules.maxChars", { max: 1000 }))).optional().default({}),
    isKey: z.boolean().optional(),
  })
  .refine((v) => v.result === "pass" || !!v.reasons, { message: msg("rules.reasonsUnlessPass"), path: ["reasons"] })
  .refine((v) => v.stage === "finance" || v.result !== "reject", { message: msg("rules.departmentPassOrReturn"), path: ["result"] })
  .refine(
    (v) => !v.grade || (v.grade === "excellent" || v.grade === "good" ? v.result === "pass" : v.grade === "fair" ? v.result === "return" : v.result === "reject"),
    { message: msg("rules.gradeResult"), path: ["grade"] },
  );
