import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/actions/result";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { importFile } from "@/lib/indicator/import-file";
import { id, version } from "@/lib/validation/common";
import { readReportTemplate, type TemplateReport } from "./excel";
import { loadReport, loadReportLines } from "./load";

export const reportImportInput = z.strictObject({ reportId: id, version, file: importFile });

/** The report as its Excel template shows it (scoped to the reader). */
export async function templateOf(db: DbOrTx, actor: Actor, permission: Permission, reportId: number): Promise<TemplateReport & { loaded: Awaited<ReturnType<typeof loadReport>> }> {
  const loaded = await loadReport(db, actor, permission, reportId);
  const lines = await loadReportLines(db, loaded.report);
  return {
    loaded,
    id: loaded.report.id,
    title: loaded.title,
    periodLabel: `${loaded.period.fiscalYear}年1—${loaded.period.throughMonth}月`,
    budget: loaded.report.budget,
    adjustedBudget: loaded.report.adjustedBudget,
    executedAmount: loaded.report.executedAmount,
    lines: lines.map(({ line, indicator }) => ({
      ordinal: indicator.ordinal,
      name: indicator.name,
      comparison: indicator.comparison,
      annualTarget: indicator.annualTarget,
      unit: indicator.unit,
      valueReached: line?.valueReached ?? null,
      expectedValue: line?.expectedValue ?? null,
      judgement: line?.judgement ?? null,
      deviationReason: line?.deviationReason ?? null,
      correctiveMeasure: line?.correctiveMeasure ?? null,
    })),
  };
}

/** Reads an uploaded template of this report; a file that is not the template is invalid_input on `file`. */
export async function readUpload(db: DbOrTx, actor: Actor, input: z.output<typeof reportImportInput>) {
  const tpl = await templateOf(db, actor, "project.write", input.reportId);
  const read = await readReportTemplate(input.file, tpl);
  if (!read.ok) throw new ActionError("invalid_input", { file: read.error });
  return { tpl, ...read };
}
