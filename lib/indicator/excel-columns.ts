import { z } from "zod";
import {
  COMPARISONS,
  INDICATOR_LEVEL1,
  INDICATOR_LEVEL2,
  SUBJECT_KINDS,
  type Comparison,
  type IndicatorLevel1,
  type IndicatorLevel2,
  type SubjectKind,
} from "@/db/schema/enums";
import { indicatorFields, type IndicatorFields } from "@/lib/validation/indicator";
import { msg } from "@/lib/i18n/core";

/**
 * The indicator bank's spreadsheet template (DESIGN §3.5, §7): its columns, how a bank row is
 * written into them, and how a filled-in row is read back (Chinese labels → enums, then the same
 * zod rules as the forms). No spreadsheet library here: the client imports this file for the
 * column labels and the preview's types; lib/indicator/excel.ts reads and writes the files.
 */
export const COLUMNS = [
  { key: "code", label: "编码", width: 14 },
  { key: "name", label: "指标名称", width: 32 },
  { key: "level1", label: "一级指标", width: 12 },
  { key: "level2", label: "二级指标", width: 18 },
  { key: "kind", label: "指标类型", width: 10 },
  { key: "sector", label: "行业领域", width: 16 },
  { key: "unit", label: "计量单位", width: 10 },
  { key: "comparison", label: "指标方向", width: 10 },
  { key: "explanation", label: "指标解释", width: 36 },
  { key: "formula", label: "计算公式", width: 40 },
  { key: "scoringRule", label: "评分规则", width: 30 },
  { key: "referenceHistorical", label: "历史值", width: 10 },
  { key: "referenceStandard", label: "标准值", width: 10 },
  { key: "referencePlan", label: "计划值", width: 10 },
  { key: "subjectKinds", label: "适用对象", width: 24 },
  { key: "status", label: "状态", width: 8 },
  { key: "version", label: "版本", width: 8 },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]["key"];
/** One spreadsheet row as text, by column. */
export type Cells = Record<ColumnKey, string>;
/** A data row of an uploaded sheet: its 1-based row number in the spreadsheet and its cells. */
export interface SheetRow {
  row: number;
  cells: Cells;
}

export const COLUMN_LABEL = Object.fromEntries(COLUMNS.map((c) => [c.key, c.label])) as Record<ColumnKey, string>;
/** The columns that are the indicator's fields (what an adjustment may change). */
export const FIELD_COLUMNS = [
  "name",
  "level1",
  "level2",
  "unit",
  "comparison",
  "explanation",
  "formula",
  "scoringRule",
  "referenceHistorical",
  "referenceStandard",
  "referencePlan",
  "subjectKinds",
] as const satisfies readonly ColumnKey[];
export type FieldColumn = (typeof FIELD_COLUMNS)[number];

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, PREVIEW_LIMIT } from "./excel-limits";

// ── Labels (the template's values) ──────────────────────────────────────────────────────
export const LEVEL1_LABEL: Record<IndicatorLevel1, string> = { output: "产出指标", benefit: "效益指标", satisfaction: "满意度指标", cost: "成本指标" };
export const LEVEL2_LABEL: Record<IndicatorLevel2, string> = {
  quantity: "数量指标",
  quality: "质量指标",
  timeliness: "时效指标",
  cost: "成本指标",
  economic: "经济效益指标",
  social: "社会效益指标",
  ecological: "生态效益指标",
  sustainable: "可持续影响指标",
  satisfaction: "服务对象满意度指标",
};
export const KIND_LABEL = { common: "共性", sector: "个性" } as const;
export const COMPARISON_LABEL: Record<Comparison, string> = { gte: "≥", lte: "≤", eq: "=", qualitative: "定性" };
export const SUBJECT_LABEL: Record<SubjectKind, string> = { project: "项目", department: "部门整体", transfer: "转移支付" };
export const STATUS_LABEL = { active: "启用", retired: "停用" } as const;
export const LIST_SEPARATOR = "、";
/** 共性 indicators carry no sector; the template shows the cell empty (and accepts 共性 there). */
const COMMON_SECTOR = "共性";

/** The values a column accepts, for the instructions sheet and the drop-down lists. */
export const CHOICES: Partial<Record<ColumnKey, string[]>> = {
  level1: Object.values(LEVEL1_LABEL),
  level2: [...new Set(Object.values(LEVEL2_LABEL))],
  kind: Object.values(KIND_LABEL),
  comparison: Object.values(COMPARISON_LABEL),
  status: Object.values(STATUS_LABEL),
};

/** User text inside a message: at most 60 characters (a whole cell would drown the message). */
export function quoted(text: string): string {
  return text.slice(0, 60);
}

/** Case, width and spaces do not matter when a label is looked up ("＞＝" is "≥", "产出" is "产出指标"). */
function norm(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function lookup<K extends string>(labels: Record<K, string>, keys: readonly K[], extra: Record<string, K> = {}): (text: string) => K | undefined {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(norm(k), k);
    map.set(norm(labels[k]), k);
    map.set(norm(labels[k].replace(/指标$/, "")), k);
  }
  for (const [alias, k] of Object.entries(extra)) map.set(norm(alias), k);
  return (text) => map.get(norm(text));
}

const readLevel1 = lookup(LEVEL1_LABEL, INDICATOR_LEVEL1);
const readLevel2 = lookup(LEVEL2_LABEL, INDICATOR_LEVEL2, { 满意度指标: "satisfaction", 满意度: "satisfaction", 可持续影响: "sustainable" });
const readComparison = lookup(COMPARISON_LABEL, COMPARISONS, { ">=": "gte", "<=": "lte", "==": "eq", 正向: "gte", 反向: "lte", 定性指标: "qualitative" });
const readKind = lookup(KIND_LABEL, ["common", "sector"] as const, { 共性指标: "common", 个性指标: "sector" });
const readStatus = lookup(STATUS_LABEL, ["active", "retired"] as const, { 有效: "active", 正常: "active" });
const readSubject = lookup(SUBJECT_LABEL, SUBJECT_KINDS, { 项目支出: "project", 部门整体支出: "department", 部门: "department" });

// ── Writing ─────────────────────────────────────────────────────────────────────────────
type ReferenceValues = { historical?: string | null; standard?: string | null; plan?: string | null } | null;

/** What the template needs of a bank row (a row of `indicators`). */
export interface BankRow {
  code: string;
  version: number;
  name: string;
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  kind: "common" | "sector";
  sector: string | null;
  unit: string | null;
  comparison: Comparison;
  explanation: string | null;
  formula: string | null;
  scoringRule: string | null;
  referenceValues: unknown;
  subjectKinds: string;
  status: "active" | "retired";
}

/** A decimal as one way of writing it: "100.0" and "100" are the same reference value. */
export function canonicalDecimal(v: string | null | undefined): string {
  if (v == null) return "";
  const s = String(v).trim();
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const int = m[2].replace(/^0+(?=\d)/, "");
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const sign = m[1] === "-" && (int !== "0" || frac) ? "-" : "";
  return `${sign}${int}${frac ? `.${frac}` : ""}`;
}

function subjectKindsOf(stored: string | readonly string[]): SubjectKind[] {
  const list = (typeof stored === "string" ? stored.split(",") : stored).map((s) => s.trim());
  return SUBJECT_KINDS.filter((k) => list.includes(k));
}

/** An indicator's fields as the template writes them. */
export function fieldCells(f: IndicatorFields): Record<FieldColumn, string> {
  return {
    name: f.name,
    level1: LEVEL1_LABEL[f.level1],
    level2: LEVEL2_LABEL[f.level2],
    unit: f.unit ?? "",
    comparison: COMPARISON_LABEL[f.comparison],
    explanation: f.explanation ?? "",
    formula: f.formula ?? "",
    scoringRule: f.scoringRule ?? "",
    referenceHistorical: canonicalDecimal(f.referenceHistorical),
    referenceStandard: canonicalDecimal(f.referenceStandard),
    referencePlan: canonicalDecimal(f.referencePlan),
    subjectKinds: subjectKindsOf(f.subjectKinds)
      .map((k) => SUBJECT_LABEL[k])
      .join(LIST_SEPARATOR),
  };
}

/** A bank row's fields in the shape of the forms (IndicatorFields). */
export function fieldsOf(row: BankRow): IndicatorFields {
  const ref = (row.referenceValues ?? null) as ReferenceValues;
  const dec = (v: string | null | undefined) => (v == null || v === "" ? null : canonicalDecimal(v));
  return {
    name: row.name,
    level1: row.level1,
    level2: row.level2,
    unit: row.unit || null,
    comparison: row.comparison,
    explanation: row.explanation || null,
    formula: row.formula || null,
    scoringRule: row.scoringRule || null,
    referenceHistorical: dec(ref?.historical),
    referenceStandard: dec(ref?.standard),
    referencePlan: dec(ref?.plan),
    subjectKinds: subjectKindsOf(row.subjectKinds),
  };
}

/** A bank row as one line of the template. */
export function toCells(row: BankRow): Cells {
  return {
    code: row.code,
    ...fieldCells(fieldsOf(row)),
    kind: KIND_LABEL[row.kind],
    sector: row.kind === "common" ? "" : (row.sector ?? ""),
    status: STATUS_LABEL[row.status],
    version: String(row.version),
  };
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────
/** A problem in one cell; `field` is the column's label as the template shows it. */
export interface RowError {
  row: number;
  column: ColumnKey | null;
  field: string;
  message: string;
}

/** One row read from the template. */
export interface ImportRow {
  row: number;
  /** Null: a new indicator. */
  code: string | null;
  kind: "common" | "sector";
  sector: string | null;
  /** Null: the cell was left empty. */
  status: "active" | "retired" | null;
  version: number | null;
  fields: IndicatorFields;
}

const FIELD_OF_PATH: Record<string, ColumnKey> = Object.fromEntries(FIELD_COLUMNS.map((k) => [k, k]));

/**
 * Where the forms' rules give no message of their own, a message reference like theirs (the
 * preview says it in the reader's language): a value not among the choices, a missing one, or
 * else that the value is not accepted — the row and column say which.
 */
const asReference: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_value") return msg("errors.choose");
  if (issue.input === undefined || issue.input === null || issue.input === "") return msg("errors.required");
  return msg("xlsx.bank.invalid");
};

/**
 * Reads one row: Chinese labels back to the enums, then the forms' own rules (indicatorFields).
 * Every problem is reported with its column, so the preview can say 第N行 · 列名 · 问题.
 */
export function readRow(sheet: SheetRow): { ok: true; value: ImportRow } | { ok: false; errors: RowError[]; candidate?: ImportRow } {
  const c = sheet.cells;
  const errors: RowError[] = [];
  const fail = (column: ColumnKey, message: string) => errors.push({ row: sheet.row, column, field: COLUMN_LABEL[column], message });

  const pickEnum = <K extends string>(column: ColumnKey, read: (s: string) => K | undefined, allowed: string[], required = true): K | undefined => {
    const text = c[column];
    if (!text) {
      if (required) fail(column, msg("errors.required"));
      return undefined;
    }
    const value = read(text);
    if (!value) fail(column, msg("xlsx.bank.notOneOf", { value: quoted(text), choices: allowed.join("、") }));
    return value;
  };

  const level1 = pickEnum("level1", readLevel1, CHOICES.level1!);
  const level2 = pickEnum("level2", readLevel2, CHOICES.level2!);
  const comparison = pickEnum("comparison", readComparison, CHOICES.comparison!);
  const kind = pickEnum("kind", readKind, CHOICES.kind!);
  const status = pickEnum("status", readStatus, CHOICES.status!, false) ?? null;

  const subjectKinds: SubjectKind[] = [];
  if (c.subjectKinds) {
    for (const part of c.subjectKinds.split(/[、,，;；/\s]+/).filter(Boolean)) {
      const k = readSubject(part);
      if (!k) fail("subjectKinds", msg("xlsx.bank.notOneOf", { value: quoted(part), choices: Object.values(SUBJECT_LABEL).join("、") }));
      else if (!subjectKinds.includes(k)) subjectKinds.push(k);
    }
  }

  let version: number | null = null;
  if (c.version) {
    if (/^\d{1,9}$/.test(c.version) && Number(c.version) > 0) version = Number(c.version);
    else fail("version", msg("xlsx.bank.version"));
  }

  const code = c.code || null;
  if (code && code.length > 40) fail("code", msg("rules.maxChars", { max: 40 }));

  let sector: string | null = c.sector || null;
  if (sector === COMMON_SECTOR) sector = null;
  if (kind === "common" && sector) fail("sector", msg("xlsx.bank.commonNoSector"));
  if (kind === "sector" && !sector) fail("sector", msg("xlsx.bank.sectorNeeded"));
  if (sector && sector.length > 40) fail("sector", msg("rules.maxChars", { max: 40 }));

  const decimal = (s: string) => (s ? canonicalDecimal(s) : null);
  const parsed = indicatorFields.safeParse(
    {
      name: c.name,
      level1: level1 ?? "output",
      level2: level2 ?? LEVEL2_OF_FALLBACK[level1 ?? "output"],
      unit: c.unit,
      comparison: comparison ?? "qualitative",
      explanation: c.explanation,
      formula: c.formula,
      scoringRule: c.scoringRule,
      referenceHistorical: decimal(c.referenceHistorical),
      referenceStandard: decimal(c.referenceStandard),
      referencePlan: decimal(c.referencePlan),
      subjectKinds: c.subjectKinds ? subjectKinds : undefined,
    },
    { error: asReference },
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = FIELD_OF_PATH[String(issue.path[0] ?? "")] ?? "name";
      // A placeholder stood in for an unreadable label: that label is already reported.
      if ((column === "level1" && !level1) || (column === "level2" && (!level2 || !level1)) || (column === "comparison" && !comparison)) continue;
      if (column === "unit" && !comparison) continue;
      if (column === "subjectKinds" && errors.some((e) => e.column === "subjectKinds")) continue;
      fail(column, issue.message);
    }
  }
  if (errors.length || !parsed.success || !kind) {
    // What the row says, unvalidated, where its labels could be read: a row equal to the bank's
    // current version is "unchanged" even where the bank itself breaks a rule the forms now
    // enforce (a quantitative indicator kept without a unit), so it is compared, not refused.
    const candidate: ImportRow | undefined =
      level1 && level2 && comparison && kind && !errors.some((e) => e.column === "subjectKinds" || e.column === "version" || e.column === "status")
        ? {
            row: sheet.row,
            code,
            kind,
            sector,
            status,
            version,
            fields: {
              name: c.name,
              level1,
              level2,
              unit: c.unit || null,
              comparison,
              explanation: c.explanation || null,
              formula: c.formula || null,
              scoringRule: c.scoringRule || null,
              referenceHistorical: decimal(c.referenceHistorical),
              referenceStandard: decimal(c.referenceStandard),
              referencePlan: decimal(c.referencePlan),
              subjectKinds: c.subjectKinds ? subjectKinds : [...SUBJECT_KINDS],
            },
          }
        : undefined;
    return { ok: false, errors, candidate };
  }
  return { ok: true, value: { row: sheet.row, code, kind, sector, status, version, fields: parsed.data } };
}

const LEVEL2_OF_FALLBACK: Record<IndicatorLevel1, IndicatorLevel2> = { output: "quantity", benefit: "economic", satisfaction: "satisfaction", cost: "cost" };

/** Maps a header cell to its column: the label, optionally followed by a hint in brackets ("状态（启用/停用）"). */
export function columnOfHeader(text: string): ColumnKey | undefined {
  const bare = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\(.*\)$/, "");
  return COLUMNS.find((c) => c.label === bare)?.key;
}

// ── The preview the client shows ────────────────────────────────────────────────────────
export interface PlanAdded {
  row: number;
  kind: "common" | "sector";
  sector: string | null;
  /** The organisation that will own it: null = the provincial finance department (the importer). */
  ownerOrgId: number | null;
  cells: Record<FieldColumn, string>;
}
export interface PlanChanged {
  row: number;
  code: string;
  name: string;
  baseVersion: number;
  before: Record<FieldColumn, string>;
  after: Record<FieldColumn, string>;
  changedFields: FieldColumn[];
}
export interface ImportPreview {
  added: PlanAdded[];
  changed: PlanChanged[];
  retired: PlanChanged[];
  unchanged: number;
  errors: RowError[];
  counts: { added: number; changed: number; retired: number; unchanged: number; errors: number; rows: number };
  /** Lists are cut at PREVIEW_LIMIT entries; the counts are whole. */
  truncated: boolean;
  /** The plan's hash: applying the same file with it applies exactly what was shown. */
  hash: string;
  filename: string;
}
export interface ImportResult {
  added: { code: string; name: string }[];
  changed: number;
  retired: number;
}
