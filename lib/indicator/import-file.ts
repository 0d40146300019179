import { z } from "zod";
import { ActionError } from "@/lib/errors";
import { MAX_IMPORT_BYTES, type SheetRow } from "./excel-columns";
import { looksLikeZip, parseWorkbook } from "./excel";

/** The uploaded template, as both import actions take it (DESIGN §7: .xlsx only, at most 10 MB). */
export const importFile = z
  .instanceof(File, { message: "请选择要导入的 Excel 文件 / choose the Excel file to import" })
  .refine((f) => f.size > 0, "文件为空 / the file is empty")
  .refine((f) => f.size <= MAX_IMPORT_BYTES, "文件不能超过 10 MB / the file may be at most 10 MB")
  .refine((f) => /\.xlsx$/i.test(f.name), "仅支持 .xlsx 格式的 Excel 文件 / only .xlsx workbooks");

export const previewImportInput = z.strictObject({ file: importFile });
export const applyImportInput = z.strictObject({
  file: importFile,
  expected: z.string({ error: "请先预览 / preview first" }).regex(/^[0-9a-f]{64}$/, "请先预览 / preview first"),
});

/** The file's rows, or invalid_input with the one reason the file cannot be read (as fieldErrors.file). */
export async function readImportFile(file: File): Promise<SheetRow[]> {
  if (!looksLikeZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) {
    throw new ActionError("invalid_input", { file: "文件内容不是 Excel（.xlsx）工作簿，请使用本系统导出的模板 / the content is not an .xlsx workbook; use the exported template" });
  }
  // Read as a stream in an import slot (lib/excel/read-stream.ts); the upload is copied only then.
  const parsed = await parseWorkbook(file);
  if (!parsed.ok) throw new ActionError("invalid_input", { file: parsed.error });
  return parsed.rows;
}
