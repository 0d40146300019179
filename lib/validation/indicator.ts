import { z } from "zod";
import { COMPARISONS, INDICATOR_LEVEL1, INDICATOR_LEVEL2, LEVEL2_OF, SUBJECT_KINDS } from "@/db/schema/enums";
import { id, optionalText, text, version } from "./common";
import { msg } from "@/lib/i18n/core";

const decimalOrNull = optionalText(30).refine((v) => v === null || /^-?\d{1,14}(\.\d{1,4})?$/.test(v), msg("rules.referenceNumber"));

/** The fields of an indicator as a proposal or a finance edit carries them. */
export const indicatorFields = z
  .strictObject({
    name: text(200, 2),
    level1: z.enum(INDICATOR_LEVEL1),
    level2: z.enum(INDICATOR_LEVEL2),
    unit: optionalText(30),
    comparison: z.enum(COMPARISONS),
    explanation: optionalText(2000),
    formula: optionalText(2000),
    scoringRule: optionalText(2000),
    referenceHistorical: decimalOrNull,
    referenceStandard: decimalOrNull,
    referencePlan: decimalOrNull,
    subjectKinds: z.array(z.enum(SUBJECT_KINDS)).min(1, msg("rules.someSubjectKind")).default(["project", "department", "transfer"]),
  })
  .refine((v) => LEVEL2_OF[v.level1].includes(v.level2), { message: msg("rules.level2Of1"), path: ["level2"] })
  .refine((v) => v.comparison === "qualitative" || !!v.unit, { message: msg("rules.quantitativeUnit"), path: ["unit"] });

export type IndicatorFields = z.output<typeof indicatorFields>;

export const proposeChangeInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("add"), sector: text(40), fields: indicatorFields, reason: text(2000, 4) }),
  z.strictObject({ kind: z.literal("adjust"), code: text(40), baseVersion: version, fields: indicatorFields, reason: text(2000, 4) }),
  z.strictObject({ kind: z.literal("retire"), code: text(40), baseVersion: version, reason: text(2000, 4) }),
]);

export const decideChangeInput = z
  .strictObject({ requestId: id, version, approve: z.boolean(), reason: optionalText(2000) })
  .refine((v) => v.approve || !!v.reason, { message: msg("rules.rejectReason"), path: ["reason"] });

export const editCommonInput = z.strictObject({ code: text(40), baseVersion: version, fields: indicatorFields, retire: z.boolean().optional().default(false) });
export const createCommonInput = z.strictObject({ fields: indicatorFields });
