import { z } from "zod";
import { ActionError } from "@/lib/errors";
import { MAX_IMPORT_BYTES, type SheetRow } from "./excel-columns";
import { looksLikeZip, parseWorkbook } from "./excel";
import { msg } from "@/lib/i18n/core";

/** The uploaded template, as both import actions take it (DESIGN §7: .xlsx only, at most 10 MB). */
export const importFile = z
  .instanceof(File, { message: msg("rules.chooseExcel") })
  .refine((f) => f.size > 0, msg("rules.emptyFile"))
  .refine((f) => f.size <= MAX_IMPORT_BYTES, msg("rules.fileTooBig"))
  .refine((f) => /\.xlsx$/i.test(f.name), msg("rules.xlsxOnly"));

export const previewImportInput = z.strictObject({ file: importFile });
export const applyImportInput = z.strictObject({
  file: importFile,
  expected: z.string({ error: msg("rules.previewFirst") }).regex(/^[0-9a-f]{64}$/, msg("rules.previewFirst")),
});

/** The file's rows, or invalid_input with the one reason the file cannot be read (as fieldErrors.file). */
export async function readImportFile(file: File): Promise<SheetRow[]> {
  if (!looksLikeZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) {
    throw new ActionError("invalid_input", { file: msg("rules.notXlsx") });
  }
  // Read as a stream in an import slot (lib/excel/read-stream.ts); the upload is copied only then.
  const parsed = await parseWorkbook(file);
  if (!parsed.ok) throw new ActionError("invalid_input", { file: parsed.error });
  return parsed.rows;
}
