import Decimal from "decimal.js";
import type ExcelJS from "exceljs";
import { type ObjectiveSheet, placeCells, type SheetCell } from "./table-layout";

const BORDER = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as const;
const LABEL_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } } as const;

/** Characters per unit of column width, roughly: a CJK character is two widths wide, a Latin one one. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

/** A money string (元) as the number Excel shows in 万元, when it reads back exactly; else as text. */
export function wanCell(yuan: string): number | string {
  const wan = new Decimal(yuan).div(10_000);
  const n = Number(wan.toFixed(6));
  return new Decimal(n).eq(wan) ? n : wan.toFixed(6);
}

function cellText(c: SheetCell): string {
  return c.note ? (c.text ? `${c.text}\n${c.note}` : c.note) : c.text;
}

/**
 * Writes the 绩效目标表 (lib/objective/table-layout.ts) on a new worksheet: the title and subtitle
 * over the whole width, then the grid, each cell written into the top-left cell of its merge and
 * every span merged exactly (a merge never holds a second row's value). A4 portrait, one page wide,
 * row heights from the wrapped text (Excel does not grow a row for merged wrapped cells).
 */
export function addObjectiveWorksheet(wb: ExcelJS.Workbook, name: string, sheet: ObjectiveSheet): ExcelJS.Worksheet {
  const n = sheet.columns.length;
  // 90 width units fill an A4 page's printable width at 100%.
  const widths = sheet.columns.map((p) => Math.max(6, Math.round((p / 100) * 92)));
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  ws.columns = widths.map((width) => ({ width }));
  const title = ws.getRow(1);
  title.getCell(1).value = sheet.title;
  ws.mergeCells(1, 1, 1, n);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  title.height = 24;
  const sub = ws.getRow(2);
  sub.getCell(1).value = sheet.subtitle;
  ws.mergeCells(2, 1, 2, n);
  sub.getCell(1).alignment = { horizontal: "center", vertical: "middle" };

  const first = 3; // the grid's first row
  const lines = sheet.rows.map(() => 1);
  for (const { row, col, cell } of placeCells(sheet)) {
    const r = first + row;
    const c = col + 1;
    const cs = cell.colSpan ?? 1;
    const rs = cell.rowSpan ?? 1;
    const target = ws.getCell(r, c);
    target.value = cell.yuan !== undefined ? wanCell(cell.yuan) : cellText(cell);
    if (cell.yuan !== undefined) target.numFmt = "#,##0.00";
    if (cs > 1 || rs > 1) ws.mergeCells(r, c, r + rs - 1, c + cs - 1);
    const bold = cell.kind === "label" || cell.kind === "head" || cell.strong;
    if (bold) target.font = { bold: true };
    if (cell.kind === "label" || cell.kind === "head") target.fill = LABEL_FILL;
    const horizontal = cell.kind === "value" ? "left" : "center";
    target.alignment = { horizontal, vertical: cell.pre ? "top" : "middle", wrapText: true };
    if (rs === 1) {
      const room = widths.slice(col, col + cs).reduce((a, b) => a + b, 0) - 1;
      const need = cellText(cell)
        .split("\n")
        .reduce((sum, line) => sum + Math.max(1, Math.ceil((textWidth(line) * 1.1) / Math.max(1, room))), 0);
      lines[row] = Math.max(lines[row], need);
    }
  }
  sheet.rows.forEach((_, i) => {
    ws.getRow(first + i).height = Math.max(20, lines[i] * 15 + 5);
    for (let c = 1; c <= n; c++) ws.getCell(first + i, c).border = BORDER;
  });
  return ws;
}
