import { z } from "zod";
import { id, isoDate, optionalText, safeString, text, version } from "./common";
import { money } from "./objective";
import { QUALITATIVE_BANDS, scoringRulesSchema } from "@/lib/evaluation/rules";
import { SELF_EVALUATION_EVENTS } from "@/lib/workflow/self-evaluation";

export const copyRuleSetInput = z.strictObject({ ruleSetId: id, name: text(100, 2) });
export const editRuleSetInput = z.strictObject({ ruleSetId: id, version, name: text(100, 2).optional(), rules: scoringRulesSchema });
export const activateRuleSetInput = z.strictObject({ ruleSetId: id, version });

/** A value as the filer types it: a number (with %, commas) or empty. */
const actualValue = safeString(400)
  .trim()
  .max(40)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .refine((v) => v == null || /^[-+]?[\d,，]+(\.\d+)?\s*[%％]?$/.test(v), "evaluation.errors.actualNotNumber");

const percent = safeString(40)
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))
  .refine((v) => v == null || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), "evaluation.errors.percent");

export const actualRow = z.strictObject({
  ordinal: z.coerce.number().int().min(1).max(500),
  actual: actualValue,
  band: z.enum(QUALITATIVE_BANDS).optional().nullable(),
  percent,
  deviation: optionalText(2000),
});
export type ActualRow = z.output<typeof actualRow>;

export const startSelfEvaluationInput = z.strictObject({ objectiveId: id });

export const saveSelfEvaluationInput = z.strictObject({
  selfEvaluationId: id,
  version,
  executedAmount: money,
  executionExplanation: optionalText(2000),
  summary: optionalText(4000),
  actuals: z.array(actualRow).max(500),
});

export const selfEvaluationEventInput = z.strictObject({
  selfEvaluationId: id,
  version,
  event: z.enum(SELF_EVALUATION_EVENTS),
  reason: optionalText(2000),
});

export const generateProposalsInput = z.strictObject({ fiscalYear: z.coerce.number().int().min(2000).max(2100) });
export const decideProposalInput = z.strictObject({
  proposalId: id,
  version,
  decision: z.enum(["confirm", "override"]),
  amount: z.preprocess((v) => (v === "" || v == null ? null : v), money.nullable()),
  reason: optionalText(2000),
  exceptionReason: optionalText(2000),
  withdraw: z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]).optional(),
});
/** A reviewer's change of a proposed amount (元, never negative), with its reason. */
export const reviseProposalInput = z.strictObject({
  proposalId: id,
  version,
  amount: z.preprocess((v) => (v === "" || v == null ? null : v), money.nullable()),
  reason: optionalText(2000),
  exceptionReason: optionalText(2000),
});
export const replayRuleSetInput = z.strictObject({ ruleSetId: id });

const percentOfSample = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= 100, "evaluation.errors.percent");
export const drawSampleInput = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  percent: percentOfSample,
  seed: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().min(0).max(2_147_483_646).nullable()),
});
export const reScoreInput = z.strictObject({
  itemId: id,
  version,
  reScore: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100, "evaluation.errors.score"),
  note: optionalText(2000),
});

const points = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100, "evaluation.errors.score");
const keyWeights = z.strictObject({ decision: points, process: points, output: points, benefit: points });
export const createKeyEvaluationInput = z.strictObject({
  objectiveId: id,
  agencyOrgId: z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable()),
  weights: keyWeights.default({ decision: "20", process: "20", output: "30", benefit: "30" }),
  reason: optionalText(200),
});
/** Key evaluation by warnings: every warned approved subject of a year, red only or red and yellow. */
export const WARNING_SELECTIONS = ["red", "red_yellow"] as const;
export const selectKeyByWarningsInput = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  selection: z.enum(WARNING_SELECTIONS),
  agencyOrgId: z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable()),
  weights: keyWeights.default({ decision: "20", process: "20", output: "30", benefit: "30" }),
});
const dimensionScore = z.strictObject({ score: points, evidence: text(4000) });
export const fillKeyEvaluationInput = z.strictObject({
  keyEvaluationId: id,
  version,
  scores: z.strictObject({ decision: dimensionScore, process: dimensionScore, output: dimensionScore, benefit: dimensionScore }),
  findings: text(8000),
  recommendations: text(8000),
});
export const acceptKeyEvaluationInput = z.strictObject({ keyEvaluationId: id, version });

export const createRectificationInput = z.strictObject({
  selfEvaluationId: id,
  requirement: text(2000, 4),
  deadline: isoDate("evaluation.rectification.deadlineFormat"),
});
export const moveRectificationInput = z.strictObject({ taskId: id, version, evidence: optionalText(4000) });

export const adjustQualitativeInput = z.strictObject({
  selfEvaluationId: id,
  version,
  ordinal: z.coerce.number().int().min(1).max(500),
  band: z.enum(QUALITATIVE_BANDS),
  percent: safeString(40)
    .trim()
    .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100, "evaluation.errors.percent"),
  reason: text(2000, 2),
});
