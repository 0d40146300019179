import { z } from "zod";
import { DISPOSITION_KINDS, TARGET_JUDGEMENTS } from "@/db/schema/monitoring";
import { bool, id, isoDate as calendarDate, optionalText, storable, text, UNSTORABLE_REF, version } from "./common";
import { MAX_ATTACHMENT_BYTES } from "@/lib/objective/attachment-rules";
import { money } from "./objective";
import { wanAmount } from "./ledger";
import { msg } from "@/lib/i18n/core";

const isoDate = calendarDate();
const optionalMoney = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), money.nullable());

export const openPeriodInput = z.strictObject({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  throughMonth: z.coerce.number().int().min(1, msg("rules.month")).max(12, msg("rules.month")),
  deadline: isoDate,
});

export const reportLineInput = z.strictObject({
  ordinal: z.coerce.number().int().min(1).max(500),
  valueReached: optionalText(200),
  expectedValue: optionalText(200),
  judgement: z.preprocess((v) => (v === "" ? null : v), z.enum(TARGET_JUDGEMENTS).nullable().optional()),
  deviationReason: optionalText(2000),
  correctiveMeasure: optionalText(2000),
});
export type ReportLineInput = z.input<typeof reportLineInput>;

/**
 * A target judged at risk (any judgement but 能完成) needs its deviation reason and corrective
 * measure: THE rule, which the submission (lib/monitoring/completeness.ts) and every row of an
 * Excel import (lib/monitoring/import.ts, refused in the preview on the row) both apply.
 */
export const DEVIATION_MESSAGES = {
  deviationReason: msg("rules.deviationReason"),
  correctiveMeasure: msg("rules.correctiveMeasure"),
} as const;
export function deviationGaps(l: { judgement?: string | null; deviationReason?: string | null; correctiveMeasure?: string | null }): (keyof typeof DEVIATION_MESSAGES)[] {
  if (!l.judgement || l.judgement === "met") return [];
  return (["deviationReason", "correctiveMeasure"] as const).filter((k) => !l[k]?.trim());
}
/** An imported row: the screen's line schema (lengths, judgement) plus the deviation rule. */
export const importedLineInput = reportLineInput.superRefine((l, ctx) => {
  for (const k of deviationGaps(l)) ctx.addIssue({ code: "custom", path: [k], message: DEVIATION_MESSAGES[k] });
});

/** A draft may be partial; completeness is checked at submission. */
export const saveReportInput = z.strictObject({
  reportId: id,
  version,
  adjustedBudget: optionalMoney,
  executedAmount: optionalMoney,
  lines: z.array(reportLineInput).max(500),
});

export const submitReportInput = z.strictObject({ reportId: id, version });

export const reviewReportInput = z
  .strictObject({ reportId: id, version, result: z.enum(["pass", "return"]), comment: optionalText(2000) })
  .refine((v) => v.result !== "return" || !!v.comment, { path: ["comment"], message: msg("rules.returnReason") });

export const disposeWarningInput = z
  .strictObject({
    warningId: id,
    version,
    kind: z.enum(DISPOSITION_KINDS),
    comment: text(2000),
    rectifyDeadline: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
    /** 万元: the new budget (调整预算), the amount reclaimed (收回资金) or held (暂缓拨款); written to the ledger. */
    amount: z.preprocess((v) => (v === "" || v === null ? undefined : v), wanAmount.optional()),
  })
  .refine((v) => v.kind !== "rectify" || !!v.rectifyDeadline, { path: ["rectifyDeadline"], message: msg("rules.rectifyDeadline") })
  .refine((v) => !MONEY_DISPOSITIONS.has(v.kind) || v.amount !== undefined, { path: ["amount"], message: msg("ledger.amountRequired") });

/** The dispositions that move money, each writing its ledger movement (lib/ledger/movements.ts). */
export const MONEY_DISPOSITIONS: ReadonlySet<string> = new Set(["adjust_budget", "reclaim", "suspend"]);

/** Up to five evidence files, each at most 10 MB (the type is checked by its first bytes in the action). */
const evidenceFile = z
  .instanceof(File, { message: msg("rules.chooseFile") })
  .refine((f) => storable(f.name), UNSTORABLE_REF)
  .refine((f) => f.size > 0, msg("rules.emptyFile"))
  .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, msg("rules.fileTooBig"));
export const submitEvidenceInput = z.strictObject({
  dispositionId: id,
  version,
  evidence: text(4000),
  // A form with no file chosen sends one empty, nameless file: that is no file.
  files: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((f) => !(f instanceof File && f.size === 0 && !f.name)),
    z.array(evidenceFile).max(5, msg("rules.maxFiles", { n: 5 })),
  ),
});

export const decideEvidenceInput = z
  .strictObject({ dispositionId: id, version, accept: bool, comment: optionalText(2000) })
  .refine((v) => v.accept || !!v.comment, { path: ["comment"], message: msg("rules.evidenceBackReason") });

