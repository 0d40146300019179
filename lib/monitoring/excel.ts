import "server-only";
import ExcelJS from "exceljs";
import { parseWan, yuanToWan } from "@/lib/money";
import { TARGET_JUDGEMENTS, type TargetJudgement } from "@/db/schema/monitoring";
import type { Comparison } from "@/db/schema/enums";
import { readSheet, type SheetLimits } from "@/lib/excel/read-stream";
import { msg } from "@/lib/i18n/core";

/**
 * A monitoring report as an Excel template, both ways: exported with the report's figures and
 * its approved indicators, filled offline, imported back. Reading names every bad cell (row and
 * column) so the preview can list them all; one error keeps the whole file out.
 */
export const SHEET = "监控表";
const FIELDS = { reportId: "监控表编号", title: "项目名称", period: "监控期", budget: "年初预算数（万元）", adjusted: "调整后预算数（万元）", executed: "截至本期执行数（万元）" } as const;
const FIELD_ROWS: Record<keyof typeof FIELDS, number> = { reportId: 2, title: 3, period: 4, budget: 5, adjusted: 6, executed: 7 };
const HEADER_ROW = 9;
const HEADERS = ["序号", "三级指标", "年度指标值", "截至本期完成值", "全年预计完成值", "能否完成年度目标", "偏差原因", "纠偏措施"] as const;
export const JUDGEMENT_LABELS: Record<TargetJudgement, string> = { met: "能完成", probably: "有可能完成", not_met: "不能完成" };
export const QUALITATIVE_LABELS: Record<TargetJudgement, string> = { met: "达成", probably: "部分达成", not_met: "未达成" };

export interface TemplateReport {
  id: number;
  title: string;
  periodLabel: string;
  budget: string;
  adjustedBudget: string | null;
  executedAmount: string | null;
  lines: {
    ordinal: number;
    name: string;
    comparison: Comparison;
    annualTarget: string | null;
    unit: string | null;
    valueReached: string | null;
    expectedValue: string | null;
    judgement: TargetJudgement | null;
    deviationReason: string | null;
    correctiveMeasure: string | null;
  }[];
}

export async function writeReportTemplate(r: TemplateReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效管理系统";
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [{ width: 22 }, { width: 30 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 18 }, { width: 36 }, { width: 36 }];
  ws.getCell("A1").value = `${r.title} 绩效运行监控表`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const set = (k: keyof typeof FIELDS, v: string | number | null) => {
    ws.getCell(`A${FIELD_ROWS[k]}`).value = FIELDS[k];
    ws.getCell(`A${FIELD_ROWS[k]}`).font = { bold: true };
    const c = ws.getCell(`B${FIELD_ROWS[k]}`);
    c.value = v;
    c.numFmt = "@";
  };
  set("reportId", r.id);
  set("title", r.title);
  set("period", r.periodLabel);
  // Amounts in 万元, exact (lib/money.ts): the import converts them back to the same 元.
  const wanOf = (yuan: string | null) => (yuan ? yuanToWan(yuan) : null);
  set("budget", wanOf(r.budget));
  set("adjusted", wanOf(r.adjustedBudget));
  set("executed", wanOf(r.executedAmount));
  ws.getCell(`C${FIELD_ROWS.adjusted}`).value = "选填，无调整留空";
  ws.getCell(`C${FIELD_ROWS.executed}`).value = "必填，单位：万元，最多六位小数";
  const header = ws.getRow(HEADER_ROW);
  header.values = [...HEADERS];
  header.font = { bold: true };
  r.lines.forEach((l, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const labels = l.comparison === "qualitative" ? QUALITATIVE_LABELS : JUDGEMENT_LABELS;
    row.values = [l.ordinal, l.name, `${l.annualTarget ?? ""}${l.unit ? ` ${l.unit}` : ""}`, l.valueReached, l.expectedValue, l.judgement ? labels[l.judgement] : null, l.deviationReason, l.correctiveMeasure];
    for (let c = 1; c <= 8; c++) row.getCell(c).numFmt = "@";
    row.getCell(6).dataValidation = { type: "list", allowBlank: true, formulae: [`"${Object.values(labels).join(",")}"`] };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportedReport {
  reportId: number;
  adjustedBudget: string | null;
  executedAmount: string | null;
  lines: { ordinal: number; valueReached: string | null; expectedValue: string | null; judgement: TargetJudgement | null; deviationReason: string | null; correctiveMeasure: string | null }[];
}

/** rowOf: the sheet row each indicator (by ordinal) was read from, to place later checks on the row. */
export type ReadResult = { ok: false; error: string } | { ok: true; report: ImportedReport; errors: { cell: string; message: string }[]; rowOf: Record<number, number> };

/** Messages are msg() references (lib/i18n/sections/xlsx.*.ts); the actions say them in the reader's language. */
const NOT_TEMPLATE = msg("xlsx.report.notTemplate");
/** A report has at most 200 indicators (the objective's own cap): the template is a few hundred rows at most. */
export const REPORT_IMPORT_LIMITS: SheetLimits = { maxRows: 1_000, maxCells: 20_000, maxTextChars: 4 * 1024 * 1024 };

function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v == null) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((x) => x.text).join("").trim();
  if (typeof v === "object" && "formula" in v) return "\u0000formula";
  return String(cell.text ?? "").trim();
}

/**
 * Reads a filled template against the report's indicators (by ordinal and name). A file that is
 * not the template at all is one error; otherwise every bad cell is listed.
 */
export async function readReportTemplate(buffer: Buffer | Blob, expected: { id: number; lines: { ordinal: number; name: string; comparison: Comparison }[] }): Promise<ReadResult> {
  // The sheet, read as a stream under the limits; its rows (a few hundred at most) kept to look up by address.
  const rows = new Map<number, ExcelJS.Row>();
  const read = await readSheet(buffer, {
    pick: (names) => (names.includes(SHEET) ? SHEET : undefined),
    limits: REPORT_IMPORT_LIMITS,
    onRow: (row) => void rows.set(row.number, row),
  });
  if (!read.ok) return { ok: false, error: read.reason === "not_xlsx" ? NOT_TEMPLATE : read.error };
  if (!read.sheet) return { ok: false, error: NOT_TEMPLATE };
  const ws = sheetOf(rows);
  for (const k of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) if (text(ws.getCell(`A${FIELD_ROWS[k]}`)) !== FIELDS[k]) return { ok: false, error: NOT_TEMPLATE };
  if (HEADERS.some((h, i) => text(ws.getRow(HEADER_ROW).getCell(i + 1)) !== h)) return { ok: false, error: NOT_TEMPLATE };
  if (Number(text(ws.getCell(`B${FIELD_ROWS.reportId}`))) !== expected.id) {
    return { ok: false, error: msg("xlsx.report.otherReport") };
  }
  const errors: { cell: string; message: string }[] = [];
  const money = (k: "adjusted" | "executed", required: boolean) => {
    const addr = `B${FIELD_ROWS[k]}`;
    const v = text(ws.getCell(addr)).replace(/,/g, "");
    // The cell is in 万元; what the report stores is exact 元 (lib/money.ts).
    const parsed = v && v !== "\u0000formula" ? parseWan(v) : null;
    if (v === "\u0000formula") errors.push({ cell: addr, message: msg("xlsx.report.formula") });
    else if (!v) {
      if (required) errors.push({ cell: addr, message: msg("xlsx.report.executedRequired") });
    } else if (!parsed?.ok) errors.push({ cell: addr, message: msg("xlsx.report.amount") });
    return parsed?.ok ? parsed.yuan : null;
  };
  const adjustedBudget = money("adjusted", false);
  const executedAmount = money("executed", true);
  const lines: ImportedReport["lines"] = [];
  const seen = new Set<number>();
  const rowOf: Record<number, number> = {};
  let r = HEADER_ROW + 1;
  for (; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = Array.from({ length: 8 }, (_, i) => text(row.getCell(i + 1)));
    if (cells.every((c) => !c)) continue;
    cells.forEach((c, i) => c === "\u0000formula" && errors.push({ cell: row.getCell(i + 1).address, message: msg("xlsx.report.formula") }));
    const ordinal = Number(cells[0]);
    const ind = expected.lines.find((l) => l.ordinal === ordinal);
    if (!ind || ind.name !== cells[1]) {
      errors.push({ cell: `A${r}`, message: msg("xlsx.report.notApproved", { row: r }) });
      continue;
    }
    if (seen.has(ordinal)) {
      errors.push({ cell: `A${r}`, message: msg("xlsx.report.ordinalRepeated", { ordinal }) });
      continue;
    }
    seen.add(ordinal);
    rowOf[ordinal] = r;
    const labels = ind.comparison === "qualitative" ? QUALITATIVE_LABELS : JUDGEMENT_LABELS;
    const judgement = TARGET_JUDGEMENTS.find((j) => labels[j] === cells[5]) ?? null;
    if (cells[5] && !judgement) errors.push({ cell: `F${r}`, message: msg("xlsx.report.chooseJudgement", { choices: Object.values(labels).join("、") }) });
    const long = (i: number, max: number) => {
      if (cells[i].length > max) errors.push({ cell: row.getCell(i + 1).address, message: msg("rules.maxChars", { max }) });
      return cells[i] ? cells[i].slice(0, max) : null;
    };
    lines.push({ ordinal, valueReached: long(3, 200), expectedValue: long(4, 200), judgement, deviationReason: long(6, 2000), correctiveMeasure: long(7, 2000) });
  }
  for (const l of expected.lines) if (!seen.has(l.ordinal)) errors.push({ cell: `A${HEADER_ROW}`, message: msg("xlsx.report.missing", { name: l.name }) });
  return { ok: true, report: { reportId: expected.id, adjustedBudget, executedAmount, lines }, errors, rowOf };
}

/** The rows read, answering the lookups the reading above makes (an absent row has empty cells). */
function sheetOf(rows: Map<number, ExcelJS.Row>) {
  const empty = new ExcelJS.Workbook().addWorksheet(SHEET);
  const getRow = (r: number) => rows.get(r) ?? empty.getRow(r);
  return {
    rowCount: Math.max(0, ...rows.keys()),
    getRow,
    getCell(address: string) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      return getRow(Number(m[2])).getCell(m[1]);
    },
  };
}
