import "server-only";
import ExcelJS from "exceljs";
import type { Translate } from "@/lib/i18n";
import { type Content, declarationSheet } from "./declaration-sheet";
import { addObjectiveWorksheet } from "./sheet-excel";
import type { loadObjectiveView } from "./view";

/** The signed-in export of a declaration: the 绩效目标申报表 as the page draws it (same model, same spans). */
export async function declarationWorkbook(view: Awaited<ReturnType<typeof loadObjectiveView>>, content: Content, t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("disclosure.portal.name");
  addObjectiveWorksheet(wb, t("disclosure.excel.detailSheet"), declarationSheet(view, content, t));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
