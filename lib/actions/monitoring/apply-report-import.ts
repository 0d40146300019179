"use server";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { readUpload, reportImportInput } from "@/lib/monitoring/import";
import { saveReport } from "@/lib/monitoring/save";
import { msg } from "@/lib/i18n/core";

/**
 * Public endpoint: imports the previewed template into the report, all or nothing: any bad cell
 * refuses the whole file, and the figures are saved in one transaction on the version the filer
 * previewed (a report changed meanwhile is a conflict). The report stays a draft to check and submit.
 */
export const applyReportImport = defineAction({
  name: "monitoring.importApply",
  permission: "project.write",
  input: reportImportInput,
  success: "monitoring.imported",
  async run({ actor, db, input }) {
    const { report, errors } = await readUpload(db, actor, input);
    if (errors.length) {
      throw new ActionError("invalid_input", { file: msg("rules.importNothing", { n: errors.length }) });
    }
    return saveReport(db, actor, { reportId: input.reportId, version: input.version, adjustedBudget: report.adjustedBudget, executedAmount: report.executedAmount, lines: report.lines }, { importedFrom: input.file.name });
  },
});
