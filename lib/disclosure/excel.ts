import "server-only";
import ExcelJS from "exceljs";
import { chinaDate } from "@/lib/format";
import { contentDisposition, XLSX_MIME } from "@/lib/http/content-disposition";
import type { Translate } from "@/lib/i18n";
import { addObjectiveWorksheet, wanCell } from "@/lib/objective/sheet-excel";
import { publicSheet } from "./sheet";
import type { PublicDetail, PublicRow } from "./public";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The public list as a spreadsheet: what the list shows, filtered the same way. */
export async function listWorkbook(rows: readonly PublicRow[], t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("disclosure.portal.name");
  const sheet = wb.addWorksheet(t("disclosure.excel.listSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("disclosure.list.name"), key: "title", width: 40 },
    { header: t("disclosure.list.year"), key: "year", width: 8 },
    { header: t("disclosure.list.region"), key: "region", width: 12 },
    { header: t("disclosure.list.department"), key: "department", width: 24 },
    { header: t("review.fields.owner"), key: "owner", width: 24 },
    { header: t("disclosure.list.category"), key: "category", width: 16 },
    { header: t("disclosure.list.amount"), key: "amount", width: 16, style: { numFmt: "#,##0.00" } },
    { header: t("disclosure.list.disclosedAt"), key: "disclosedAt", width: 12 },
    { header: t("disclosure.list.grade"), key: "grade", width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      title: r.title,
      year: r.fiscalYear,
      region: r.regionName,
      department: r.departmentName,
      owner: r.ownerName,
      category: r.category ? t(`pool.categoryLabel.${r.category}`) : "",
      amount: wanCell(r.amount),
      disclosedAt: chinaDate(r.disclosedAt),
      // The prevailing grade and which result it is (lib/disclosure/public.ts prevailingGrade).
      grade: r.grade ? `${t(`evaluation.grade.${r.grade}`)}（${t(`disclosure.results.source.${r.gradeSource ?? "self"}`)}）` : "",
    });
  }
  return toBuffer(wb);
}

/** One disclosed objective: the published 绩效目标表, the same grid as its portal page (lib/disclosure/sheet.ts). */
export async function detailWorkbook(d: PublicDetail, t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("disclosure.portal.name");
  addObjectiveWorksheet(wb, t("disclosure.excel.detailSheet"), publicSheet(d, t));
  return toBuffer(wb);
}

/** The response of an .xlsx download (the name in Chinese and ASCII). */
export function xlsxResponse(body: Buffer, asciiName: string, name: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": contentDisposition(name, asciiName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
