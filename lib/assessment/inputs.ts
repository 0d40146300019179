import { z } from "zod";
import { id, isoDate, safeString, text, version } from "@/lib/validation/common";
import { frameworkSchema } from "./framework";

/** The inputs of the assessment actions (lib/actions/assessment), strict: unknown fields refused. */
const year = z.coerce.number({ error: "assessment.errors.year" }).int("assessment.errors.year").min(2000, "assessment.errors.year").max(2100, "assessment.errors.year");
const score = safeString(20)
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "assessment.errors.number");
const code = safeString(20).trim().regex(/^[A-Z][A-Z0-9]{0,9}$/, "assessment.errors.code");

export const createFrameworkInput = z.strictObject({ fiscalYear: year, name: text(100, 2), sourceId: id.optional() });
export const editFrameworkInput = z.strictObject({ frameworkId: id, version, name: text(100, 2).optional(), framework: frameworkSchema });
export const activateFrameworkInput = z.strictObject({ frameworkId: id, version });
export const openRoundInput = z.strictObject({ fiscalYear: year, objectionDeadline: isoDate() });
export const roundEventInput = z.strictObject({ roundId: id, version, event: z.enum(["compute", "release", "publish"]) });
export const judgeInput = z.strictObject({ resultId: id, version, code, score, evidence: text(2000, 2) });
export const objectInput = z.strictObject({ resultId: id, version, reason: text(2000, 5) });
export const decideObjectionInput = z.strictObject({
  resultId: id,
  version,
  outcome: z.enum(["upheld", "dismissed"]),
  reply: text(2000, 2),
  adjustments: z.array(z.strictObject({ code, score })).max(20).default([]),
});
export const discloseRoundInput = z.strictObject({ roundId: id, version, disclose: z.boolean() });
export const roundProgressInput = z.strictObject({ roundId: id });
