import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { importFile } from "@/lib/indicator/import-file";
import { id, version } from "@/lib/validation/common";
import { importedLineInput } from "@/lib/validation/monitoring";
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
  // The screen's rules on every row (one schema with the form's save and the submission's
  // deviation rule): what the screen refuses, the preview shows on the row and the import refuses.
  const errors = [...read.errors];
  for (const line of read.report.lines) {
    const checked = importedLineInput.safeParse(line);
    if (checked.success) continue;
    for (const issue of checked.error.issues) {
      const column = LINE_COLUMNS[String(issue.path[0]) as keyof typeof LINE_COLUMNS] ?? "A";
      errors.push({ cell: `${column}${read.rowOf[line.ordinal]}`, message: issue.message });
    }
  }
  return { tpl, ...read, errors };
}

/** The template's column of each line field (lib/monitoring/excel.ts HEADERS). */
const LINE_COLUMNS = { ordinal: "A", valueReached: "D", expectedValue: "E", judgement: "F", deviationReason: "G", correctiveMeasure: "H" } as const;
