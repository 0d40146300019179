import "server-only";
import ExcelJS from "exceljs";
import { objectiveIndicators } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { limitMessages, readSheet, type SheetLimits } from "@/lib/excel/read-stream";
import { COMPARISON_LABEL, LEVEL1_LABEL, LEVEL2_LABEL } from "@/lib/indicator/excel-columns";
import type { ActualRow } from "@/lib/validation/evaluation";
import { QUALITATIVE_BANDS, type QualitativeBand } from "./rules";

/**
 * The self-evaluation template (自评表): the approved indicator table with columns for the actual
 * value, the qualitative judgement and percent, and the deviation analysis. The filer fills it
 * offline and imports it; only those columns are read back, matched by the row's 序号.
 */
export const ACTUALS_SHEET = "单位自评表";
const HEADER = ["序号", "一级指标", "二级指标", "三级指标", "比较", "年度指标值", "计量单位", "实际完成值", "完成情况（定性指标）", "得分比例（%）", "偏差原因分析及改进措施"] as const;
const BAND_LABEL: Record<QualitativeBand, string> = { achieved: "达成年度指标", partial: "部分达成并具有一定效果", not_achieved: "未达成且效果较差" };

type IndicatorRow = typeof objectiveIndicators.$inferSelect;

export async function actualsWorkbook(title: string, indicators: IndicatorRow[], actuals: ActualRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ACTUALS_SHEET);
  ws.addRow([`${title} — 单位自评表（请填写第 H–K 列后导入）`]);
  ws.addRow([...HEADER]);
  ws.getRow(2).font = { bold: true };
  const byOrdinal = new Map(actuals.map((a) => [a.ordinal, a]));
  for (const i of indicators) {
    const a = byOrdinal.get(i.ordinal);
    ws.addRow([i.ordinal, LEVEL1_LABEL[i.level1], LEVEL2_LABEL[i.level2], i.name, COMPARISON_LABEL[i.comparison], i.annualTarget ?? "", i.unit ?? "", a?.actual ?? "", a?.band ? BAND_LABEL[a.band] : "", a?.percent ?? "", a?.deviation ?? ""]);
  }
  ws.columns.forEach((c, k) => (c.width = [6, 12, 14, 30, 6, 16, 10, 14, 22, 12, 40][k]));
  const last = indicators.length + 2;
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(`I3:I${Math.max(last, 3)}`, {
    type: "list",
    allowBlank: true,
    formulae: [`"${QUALITATIVE_BANDS.map((b) => BAND_LABEL[b]).join(",")}"`],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v == null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("").trim();
  if (typeof v === "object" && "result" in v) throw new ActionError("invalid_input", { file: "evaluation.excel.formula" });
  return (cell.text ?? "").trim();
}

/** The template's rows read back: a title, the header, and at most 500 indicators (rows 3–502); a row past them is refused. */
const LAST_ROW = 502;
export const ACTUALS_IMPORT_LIMITS: SheetLimits = { maxRows: LAST_ROW, maxCells: LAST_ROW * 20, maxTextChars: 4 * 1024 * 1024 };

/** Reads the filled template back into actual rows; a file that is not the template is refused with one reason. */
export async function readActualsWorkbook(data: Buffer | Blob): Promise<ActualRow[]> {
  // The sheet, read as a stream under the limits; its rows kept to look up by number.
  const sheetRows = new Map<number, ExcelJS.Row>();
  let beyond = false;
  const read = await readSheet(data, {
    pick: (names) => (names.includes(ACTUALS_SHEET) ? ACTUALS_SHEET : undefined),
    limits: ACTUALS_IMPORT_LIMITS,
    onRow: (row) => {
      if (row.number > LAST_ROW) {
        beyond = true;
        return "stop";
      }
      sheetRows.set(row.number, row);
    },
  });
  if (!read.ok) throw new ActionError("invalid_input", { file: read.reason === "not_xlsx" ? "evaluation.excel.notXlsx" : read.error });
  if (beyond) throw new ActionError("invalid_input", { file: limitMessages.rows(LAST_ROW) });
  const empty = new ExcelJS.Workbook().addWorksheet(ACTUALS_SHEET);
  const getRow = (r: number) => sheetRows.get(r) ?? empty.getRow(r);
  if (!read.sheet || HEADER.some((h, k) => text(getRow(2).getCell(k + 1)) !== h)) throw new ActionError("invalid_input", { file: "evaluation.excel.notTemplate" });
  const bandOf = new Map(Object.entries(BAND_LABEL).map(([k, v]) => [v, k as QualitativeBand]));
  const rows: ActualRow[] = [];
  for (let r = 3; r <= Math.min(Math.max(0, ...sheetRows.keys()), LAST_ROW); r++) {
    const row = getRow(r);
    const ordinal = Number(text(row.getCell(1)));
    if (!Number.isInteger(ordinal) || ordinal < 1) continue;
    const bandText = text(row.getCell(9));
    if (bandText && !bandOf.has(bandText)) throw new ActionError("invalid_input", { file: "evaluation.excel.badBand" });
    rows.push({
      ordinal,
      actual: text(row.getCell(8)) || null,
      band: bandText ? bandOf.get(bandText)! : null,
      percent: text(row.getCell(10)) || null,
      deviation: text(row.getCell(11)) || null,
    });
  }
  return rows;
}
