import "server-only";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { readSheet, type SheetLimits } from "@/lib/excel/read-stream";
import { NOT_XLSX } from "@/lib/excel/zip";
import { CHOICES, COLUMNS, LIST_SEPARATOR, MAX_IMPORT_ROWS, SUBJECT_LABEL, columnOfHeader, quoted, toCells, type BankRow, type Cells, type ColumnKey, type SheetRow } from "./excel-columns";
import { msg } from "@/lib/i18n/core";

export { COLUMNS } from "./excel-columns";
/** Kept here for the callers that imported them from the indicator bank (the imports read through lib/excel/). */
export { checkZip, looksLikeZip } from "@/lib/excel/zip";

/**
 * The indicator bank as an .xlsx file, both ways (DESIGN §7). Writing streams row by row
 * (exceljs's streaming writer), so an export of tens of thousands of rows never holds the whole
 * workbook in memory. Reading streams too (lib/excel/read-stream.ts) and refuses, with one
 * clear message, anything that is not the exported template: not a spreadsheet, a zip that
 * inflates far beyond its size, other columns, formulas, too many rows, no rows.
 */
export const SHEET_NAME = "指标库";
export const INSTRUCTIONS_SHEET = "填写说明";

// ── Writing ─────────────────────────────────────────────────────────────────────────────
const NUMERIC: ReadonlySet<ColumnKey> = new Set(["referenceHistorical", "referenceStandard", "referencePlan", "version"]);
/** Rows the drop-down lists cover: the rows written plus room to add. */
const VALIDATION_ROWS = MAX_IMPORT_ROWS + 1;

/** A decimal string is written as a number where the number reads back as the same string (else as text). */
function cellValue(key: ColumnKey, text: string): string | number | null {
  if (text === "") return null;
  if (NUMERIC.has(key) && String(Number(text)) === text) return Number(text);
  return text;
}

const INSTRUCTIONS: string[][] = [
  ["指标库导入模板填写说明"],
  [],
  ["一、用法"],
  ["1. 请在本系统“指标库”页面导出Excel，在“指标库”工作表中修改后导入；不要改动表头，也不要增删列。"],
  ["2. 导入先校验并显示将要发生的变化（新增、调整、停用、未变化），确认后才写入；任何一行有错误，整个文件都不会导入。"],
  ["3. 编码留空表示新增指标：共性指标由财政部门新增；个性指标须填写行业领域，归该行业的主管部门。"],
  ["4. 已有编码的行与系统当前版本不同即为调整，将发布新版本；已引用旧版本的绩效目标不受影响。"],
  ["5. 将“状态”改为“停用”即停用该指标；已停用的指标不能通过导入重新启用。"],
  ["6. “编码”“指标类型”“行业领域”“版本”不能通过导入修改。版本与系统当前版本不一致时，说明该指标在导出后已被修改，请重新导出。"],
  ["7. 单元格中不能含有公式；请粘贴为数值。文件不超过 10 MB、不超过 20000 行，仅支持 .xlsx 格式。"],
  [],
  ["二、各列说明"],
  ["列名", "是否必填", "说明 / 可选值"],
];

const COLUMN_NOTES: Record<ColumnKey, [string, string]> = {
  code: ["新增时留空", "系统编码，导出时带出；新增指标留空，导入后由系统生成"],
  name: ["必填", "2—200 个字符"],
  level1: ["必填", CHOICES.level1!.join("、")],
  level2: ["必填", "产出指标：数量指标、质量指标、时效指标、成本指标；效益指标：经济效益指标、社会效益指标、生态效益指标、可持续影响指标；满意度指标：服务对象满意度指标；成本指标：成本指标"],
  kind: ["必填", "共性、个性"],
  sector: ["个性指标必填", "个性指标所属行业领域，如 交通运输；共性指标留空"],
  unit: ["定量指标必填", "如 %、公里、人次；定性指标可留空"],
  comparison: ["必填", "≥（正向）、≤（反向）、=（等于）、定性"],
  explanation: ["选填", "不超过 2000 个字符"],
  formula: ["选填", "不超过 2000 个字符"],
  scoringRule: ["选填", "不超过 2000 个字符"],
  referenceHistorical: ["选填", "数字，最多 4 位小数"],
  referenceStandard: ["选填", "数字，最多 4 位小数"],
  referencePlan: ["选填", "数字，最多 4 位小数"],
  subjectKinds: ["选填", `${Object.values(SUBJECT_LABEL).join("、")}，多个用“${LIST_SEPARATOR}”分隔；留空为全部`],
  status: ["选填", "启用、停用；新增留空为启用"],
  version: ["已有指标必填", "导出时带出，不要修改"],
};

/** The streaming worksheet has drop-down lists (dataValidations) that exceljs's types leave out. */
type WithValidations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };

function colLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Writes the template: the 指标库 sheet (bold, frozen header row, column widths, drop-down
 * lists for the enumerated columns) filled from `pages`, then the 填写说明 sheet. The returned
 * stream carries the .xlsx bytes as they are produced.
 */
export function writeWorkbook(pages: AsyncIterable<readonly BankRow[]> | Iterable<readonly BankRow[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = "预算绩效管理系统";
  (async () => {
    const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, style: NUMERIC.has(c.key) ? {} : { numFmt: "@" } }));
    const header = sheet.addRow(COLUMNS.map((c) => c.label));
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    header.commit();
    COLUMNS.forEach((c, i) => {
      const choices = CHOICES[c.key];
      if (!choices) return;
      const letter = colLetter(i);
      (sheet as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${VALIDATION_ROWS}`, {
        type: "list",
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`"${choices.join(",")}"`],
      });
    });
    for await (const page of pages) {
      for (const row of page) {
        const cells = toCells(row);
        sheet.addRow(COLUMNS.map((c) => cellValue(c.key, cells[c.key]))).commit();
      }
    }
    sheet.commit();

    const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
    help.columns = [{ width: 16 }, { width: 16 }, { width: 110 }];
    for (const line of INSTRUCTIONS) {
      const row = help.addRow(line);
      if (line.length === 1 && /^(一|二|指标库)/.test(line[0])) row.font = { bold: true };
      if (line[0] === "列名") row.font = { bold: true };
      row.commit();
    }
    for (const c of COLUMNS) help.addRow([c.label, ...COLUMN_NOTES[c.key]]).commit();
    help.commit();
    await workbook.commit();
  })().catch((e) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** The template filled with these rows, as one buffer. */
export async function exportWorkbook(rows: readonly BankRow[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of writeWorkbook([rows])) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────
/** error: message references (lib/i18n/sections/xlsx.*.ts), one or a few, said in the reader's language by the action. */
export type ParseResult = { ok: true; rows: SheetRow[] } | { ok: false; error: string | string[] };

const EMPTY = msg("xlsx.bank.empty");

/**
 * What reading the template may hold at once (lib/excel/read-stream.ts checks them while it
 * reads and stops at the first passed): the template's rows with room for empty ones, its
 * columns with room for a note column or two, and text for long explanations on every row.
 */
export const IMPORT_LIMITS: SheetLimits = {
  maxRows: MAX_IMPORT_ROWS + 5_000,
  maxCells: (MAX_IMPORT_ROWS + 5_000) * 20,
  maxTextChars: 32 * 1024 * 1024,
};

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  let s: string;
  if (v == null) s = "";
  else if (typeof v === "string") s = v;
  else if (typeof v === "number") s = Number.isFinite(v) ? String(v) : "";
  else if (typeof v === "boolean") s = v ? "TRUE" : "FALSE";
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (typeof v === "object" && "richText" in v) s = v.richText.map((r) => r.text).join("");
  else if (typeof v === "object" && "text" in v && typeof v.text === "string") s = v.text;
  else if (typeof v === "object" && "error" in v) s = String(v.error);
  else s = cell.text ?? "";
  return s.replace(/\r\n?/g, "\n").trim();
}

/** "B3:C4" → its corners as row/column numbers. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [top, left] = [Number(m[2]), col(m[1])];
  const [bottom, right] = m[3] ? [Number(m[4]), col(m[3])] : [top, left];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Reads an uploaded template into rows of text, or names the one problem that makes the file
 * unusable. Row validation (labels, the forms' rules) is readRow's, per row, so that every bad
 * cell can be listed at once. The sheet is read as a stream (lib/excel/read-stream.ts) and
 * reading stops at the 20,001st data row; the problems keep their order of precedence: a
 * formula, then the header, then a merged cell, then too many rows, then no rows at all.
 */
export async function parseWorkbook(buffer: Buffer | Blob): Promise<ParseResult> {
  if (Buffer.isBuffer(buffer) ? !buffer.length : !buffer.size) return { ok: false, error: EMPTY };

  let formulaAt: string | null = null;
  let anyValue = false;
  let headerSeen = false;
  const position = new Map<ColumnKey, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const rows: SheetRow[] = [];
  let tooMany = false;
  // Data rows are kept as text only.
  const keep = (rowNumber: number, cells: Cells) => {
    if (rows.length >= MAX_IMPORT_ROWS) tooMany = true;
    else rows.push({ row: rowNumber, cells });
  };
  const read = await readSheet(buffer, {
    pick: (names) => (names.includes(SHEET_NAME) ? SHEET_NAME : names.find((n) => n !== INSTRUCTIONS_SHEET)),
    limits: IMPORT_LIMITS,
    onRow: (row) => {
      if (!row.hasValues) return;
      anyValue = true;
      // Formulas anywhere on the sheet: their values are whatever Excel last computed, not what the cell says.
      if (!formulaAt) {
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (!formulaAt && cell.type === ExcelJS.ValueType.Formula) formulaAt = cell.address;
        });
      }
      if (row.number === 1) {
        headerSeen = true;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const text = cellText(cell);
          if (!text) return;
          const key = columnOfHeader(text);
          if (!key) unknown.push(quoted(text));
          else if (position.has(key)) repeated.push(text);
          else position.set(key, col);
        });
        return;
      }
      // No row 1: no header, which is the file's problem; nothing after it needs reading.
      if (!headerSeen) return "stop";
      const cells = cellsOf(row, position);
      if (cells) keep(row.number, cells);
      if (tooMany) return "stop";
    },
  });
  if (!read.ok) return { ok: false, error: read.reason === "not_xlsx" ? NOT_XLSX : read.error };
  if (!read.sheet) return { ok: false, error: read.sheetNames.length ? EMPTY : NOT_XLSX };
  if (!anyValue) return { ok: false, error: EMPTY };
  if (formulaAt) {
    return { ok: false, error: msg("xlsx.bank.formula", { cell: formulaAt }) };
  }

  // The header row: every column of the template, each once, and nothing else.
  const missing = COLUMNS.filter((c) => !position.has(c.key)).map((c) => c.label);
  if (missing.length || unknown.length || repeated.length) {
    // The template's column labels are Chinese in either language, so they are listed as they are.
    const parts = [
      missing.length ? msg("xlsx.bank.headerMissing", { columns: missing.join("、") }) : null,
      unknown.length ? msg("xlsx.bank.headerUnknown", { columns: unknown.join("、") }) : null,
      repeated.length ? msg("xlsx.bank.headerRepeated", { columns: repeated.join("、") }) : null,
    ].filter((p) => p !== null);
    return { ok: false, error: [msg("xlsx.bank.header"), ...parts] };
  }

  // A merged cell in a data row's template column, other than its range's first (top-left) cell.
  const merges = read.merges.map(rangeOf).filter((r) => r !== null);
  const columns = COLUMNS.map((c) => position.get(c.key)!);
  let merged: string | null = null;
  if (merges.length) {
    const dataNumbers = rows.map((r) => r.row);
    outer: for (const n of dataNumbers) {
      for (const col of columns) {
        if (merges.some((m) => n >= m.top && n <= m.bottom && col >= m.left && col <= m.right && !(n === m.top && col === m.left))) {
          merged = `${colLetter(col - 1)}${n}`;
          break outer;
        }
      }
    }
  }
  if (merged) return { ok: false, error: msg("xlsx.bank.merged", { cell: merged }) };
  if (tooMany) return { ok: false, error: msg("xlsx.bank.tooManyRows", { n: MAX_IMPORT_ROWS }) };
  if (!rows.length) return { ok: false, error: EMPTY };
  return { ok: true, rows };
}

/** A data row's cells by template column, or null when every one of them is empty. */
function cellsOf(row: ExcelJS.Row, position: Map<ColumnKey, number>): Cells | null {
  const cells = {} as Cells;
  let any = false;
  for (const c of COLUMNS) {
    const at = position.get(c.key);
    cells[c.key] = at === undefined ? "" : cellText(row.getCell(at));
    if (cells[c.key]) any = true;
  }
  return any ? cells : null;
}
