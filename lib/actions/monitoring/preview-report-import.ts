"use server";
import { defineAction } from "@/lib/actions/define";
import { readUpload, reportImportInput } from "@/lib/monitoring/import";

/**
 * Public endpoint: reads a filled monitoring template and shows what importing it would write —
 * the amounts and every indicator line — and every bad cell. Writes nothing.
 */
export const previewReportImport = defineAction({
  name: "monitoring.importPreview",
  permission: "project.write",
  input: reportImportInput,
  async run({ actor, db, input }) {
    const { report, errors, tpl } = await readUpload(db, actor, input);
    return { report, errors, names: Object.fromEntries(tpl.lines.map((l) => [l.ordinal, l.name])) };
  },
});
