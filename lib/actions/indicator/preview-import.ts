"use server";
import { defineAction } from "@/lib/actions/define";
import { assertProvincialFinance } from "@/lib/indicator/guards";
import { previewImportInput, readImportFile } from "@/lib/indicator/import-file";
import { planImport, previewOf } from "@/lib/indicator/import-plan";
import type { MessageKey } from "@/lib/i18n";

/**
 * Public endpoint: reads an uploaded indicator template and says what importing it would do —
 * new indicators, adjustments (before → after), retirements, unchanged rows, and each bad cell
 * by row and column — plus the plan's hash, which applying needs. Writes nothing.
 */
export const previewImport = defineAction({
  name: "indicator.importPreview",
  permission: "indicator.manage",
  input: previewImportInput,
  async run({ actor, db, input, t }) {
    assertProvincialFinance(actor);
    const rows = await readImportFile(input.file);
    const plan = await planImport(db, rows);
    return previewOf(plan, input.file.name, (m) => t(m as MessageKey));
  },
});
