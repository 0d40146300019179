"use server";
import { defineAction } from "@/lib/actions/define";
import type { MessageKey } from "@/lib/i18n/core";
import { readUpload, reportImportInput } from "@/lib/monitoring/import";

/**
 * Public endpoint: reads a filled monitoring template and shows what importing it would write —
 * the amounts and every indicator line — and every bad cell. Writes nothing.
 */
export const previewReportImport = defineAction({
  name: "monitoring.importPreview",
  permission: "project.write",
  input: reportImportInput,
  async run({ actor, db, input, t }) {
    const { report, errors, tpl } = await readUpload(db, actor, input);
    // The cells' messages in the reader's language (the screen's rules are message references).
    const shown = errors.map((e) => ({ ...e, message: t(e.message as MessageKey) }));
    return { report, errors: shown, names: Object.fromEntries(tpl.lines.map((l) => [l.ordinal, l.name])) };
  },
});
