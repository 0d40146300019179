import "server-only";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { chinaDate } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { indicatorSpans } from "@/lib/objective/table-layout";
import type { PublicDetail, PublicRow } from "./public";

/** A money string (元) as the number Excel shows in 万元, when it reads back exactly; else as text. */
function wanCell(yuan: string): number | string {
  const wan = new Decimal(yuan).div(10_000);
  const n = Number(wan.toFixed(6));
  return new Decimal(n).eq(wan) ? n : wan.toFixed(6);
}

function targetText(r: PublicDetail["content"]["indicatorRows"][number], which: "annual" | "period", t: Translate): string {
  const v = (which === "annual" ? r.annualTarget : r.periodTarget)?.trim();
  if (!v) return "—";
  return r.comparison === "qualitative" ? v : `${t(`review.comparison.${r.comparison}`)}${v}`;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const BORDER = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as const;

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
    { header: t("disclosure.list.grade"), key: "grade", width: 10 },
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
      grade: r.grade ? t(`evaluation.grade.${r.grade}`) : "",
    });
  }
  return toBuffer(wb);
}

/** One disclosed objective in the layout of the published 绩效目标表. */
export async function detailWorkbook(d: PublicDetail, t: Translate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("disclosure.portal.name");
  const s = wb.addWorksheet(t("disclosure.excel.detailSheet"), { pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  s.columns = [{ width: 12 }, { width: 12 }, { width: 34 }, { width: 14 }, { width: 14 }, { width: 10 }];
  const heading = d.subjectKind === "department" ? "disclosure.detail.headingDepartment" : d.subjectKind === "transfer" ? "disclosure.detail.headingTransfer" : "disclosure.detail.heading";
  const title = s.addRow([t(heading, { year: d.fiscalYear })]);
  s.mergeCells(title.number, 1, title.number, 6);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };
  const pair = (label: string, value: string | number, numFmt?: string) => {
    const row = s.addRow([label, value]);
    s.mergeCells(row.number, 2, row.number, 6);
    row.getCell(1).font = { bold: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
    return row;
  };
  const start = title.number + 1;
  pair(t("review.fields.name"), d.content.basic.name || d.title);
  pair(t("review.fields.department"), d.departmentName);
  pair(t("review.fields.owner"), d.ownerName);
  pair(t("disclosure.detail.amountLabel"), wanCell(d.amount), "#,##0.00");
  pair(t("review.fields.overallGoal"), d.content.performance.overallGoal ?? "");
  pair(t("disclosure.detail.annualGoal"), d.content.performance.annualGoal ?? "");
  const head = s.addRow([t("review.level1Head"), t("review.level2Head"), t("review.level3Head"), t("review.annualHead"), t("review.periodHead"), t("review.unitHead")]);
  head.font = { bold: true };
  const rows = d.content.indicatorRows;
  const spans = indicatorSpans(rows);
  const first = head.number + 1;
  rows.forEach((r, i) => {
    s.addRow([t(`review.level1.${r.level1}`), t(`review.level2.${r.level2}`), r.name, targetText(r, "annual", t), targetText(r, "period", t), r.unit ?? ""]);
    if (spans[i].level1 > 1) s.mergeCells(first + i, 1, first + i + spans[i].level1 - 1, 1);
    if (spans[i].level2 > 1) s.mergeCells(first + i, 2, first + i + spans[i].level2 - 1, 2);
  });
  for (let n = start; n <= s.rowCount; n++) {
    for (let c = 1; c <= 6; c++) {
      const cell = s.getCell(n, c);
      cell.border = BORDER;
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: "middle" };
    }
  }
  return toBuffer(wb);
}

/** The response of an .xlsx download (the name in Chinese and ASCII). */
export function xlsxResponse(body: Buffer, asciiName: string, name: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
