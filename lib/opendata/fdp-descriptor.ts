/**
 * The Fiscal Data Package (Frictionless Data) of a year's disclosed data: its descriptor
 * (datapackage.json) with a Table Schema for each CSV. Field names are English and never change;
 * each field's `title` is its Chinese label. Fiscal fields carry the Fiscal Data Package's
 * `columnType` (value, date:fiscal-year, administrative-classification, …) so OpenSpending-style
 * tools can map them; the package's `profile` stays "tabular-data-package" (a validator resolves
 * that one without the network) and the fiscal properties (countryCode, fiscalPeriod) are added.
 */

export const FDP_RESOURCES = ["objectives", "indicators", "results", "budget"] as const;
export type FdpResource = (typeof FDP_RESOURCES)[number];

/** The licence of the published data (an SPDX id): OPEN_DATA_LICENSE, else CC-BY-4.0. */
export function openDataLicense(): { name: string; path: string; title: string } {
  const name = (process.env.OPEN_DATA_LICENSE ?? "").trim() || "CC-BY-4.0";
  const known: Record<string, { path: string; title: string }> = {
    "CC-BY-4.0": { path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" },
    "CC0-1.0": { path: "https://creativecommons.org/publicdomain/zero/1.0/", title: "CC0 1.0" },
    "ODC-BY-1.0": { path: "https://opendatacommons.org/licenses/by/1-0/", title: "Open Data Commons Attribution License 1.0" },
  };
  const k = known[name] ?? { path: `https://spdx.org/licenses/${encodeURIComponent(name)}.html`, title: name };
  return { name, ...k };
}

type Field = {
  name: string;
  title: string;
  type: "string" | "integer" | "number" | "date" | "year";
  description?: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number };
  columnType?: string;
  /** Number fields: decimal strings in 元, "." as the decimal mark, no grouping. */
  decimalChar?: string;
  groupChar?: string;
};

const GRADES = ["excellent", "good", "fair", "poor"];
const amount = (name: string, title: string, columnType?: string): Field => ({
  name,
  title,
  type: "number",
  description: "元 (CNY), a decimal string with two places / 单位：元",
  decimalChar: ".",
  groupChar: "",
  constraints: { required: true },
  ...(columnType ? { columnType } : {}),
});
const id = (name: string, title: string, required = true): Field => ({ name, title, type: "integer", constraints: { required, minimum: 1 } });
const text = (name: string, title: string, required = false, columnType?: string): Field => ({ name, title, type: "string", constraints: { required }, ...(columnType ? { columnType } : {}) });

/** The Table Schema of each CSV, in column order (the CSV writer writes these names as the header). */
export const FDP_SCHEMAS: Record<FdpResource, { title: string; description: string; primaryKey: string[]; foreignKeys?: unknown[]; fields: Field[] }> = {
  objectives: {
    title: "绩效目标 / Performance objectives",
    description: "One row per objective with a live disclosure (its approved version as frozen when disclosed).",
    primaryKey: ["id"],
    fields: [
      id("id", "公开编号（门户 /portal/objectives/{id}）"),
      { name: "fiscal_year", title: "预算年度", type: "year", constraints: { required: true }, columnType: "date:fiscal-year" },
      id("region_id", "地区编号"),
      text("region_name", "地区", true),
      text("department", "主管部门", true),
      text("unit", "项目单位", true),
      text("category", "项目类别", false),
      text("title", "项目名称", true),
      amount("amount", "公开的预算金额（元）"),
      text("overall_goal", "总体目标"),
      text("annual_goal", "年度目标"),
      { name: "disclosed_date", title: "公开日期（北京时间）", type: "date", format: "default", constraints: { required: true } },
      { name: "grade", title: "评价等级（重点评价优先，否则自评）", type: "string", constraints: { enum: GRADES } },
      { name: "grade_source", title: "等级来源（key 重点评价 / self 自评）", type: "string", constraints: { enum: ["key", "self"] } },
      text("url", "门户页面"),
    ],
  },
  indicators: {
    title: "绩效指标 / Performance indicators",
    description: "The indicator table of each disclosed objective, in its order.",
    primaryKey: ["objective_id", "ordinal"],
    foreignKeys: [{ fields: "objective_id", reference: { resource: "objectives", fields: "id" } }],
    fields: [
      id("objective_id", "公开编号"),
      { name: "ordinal", title: "序号", type: "integer", constraints: { required: true, minimum: 0 } },
      text("fund_use", "资金用途"),
      text("level1", "一级指标", true),
      text("level2", "二级指标", true),
      text("name", "三级指标", true),
      text("comparison", "比较方式", true),
      text("annual_target", "年度指标值"),
      text("period_target", "中长期指标值"),
      text("unit", "计量单位"),
      { name: "weight", title: "权重（分）", type: "number", decimalChar: ".", groupChar: "" },
      text("explanation", "指标解释"),
      text("formula", "评分标准"),
    ],
  },
  results: {
    title: "评价结果 / Evaluation results",
    description: "The disclosed self-evaluation (自评) and key-evaluation (重点评价) results of each disclosed objective.",
    primaryKey: ["result_id"],
    foreignKeys: [{ fields: "objective_id", reference: { resource: "objectives", fields: "id" } }],
    fields: [
      id("result_id", "结果公开编号"),
      id("objective_id", "公开编号"),
      { name: "kind", title: "评价类型（self 自评 / key 重点评价）", type: "string", constraints: { required: true, enum: ["self", "key"] } },
      { name: "fiscal_year", title: "预算年度", type: "year", constraints: { required: true }, columnType: "date:fiscal-year" },
      { name: "score", title: "得分", type: "number", decimalChar: ".", groupChar: "", constraints: { required: true } },
      { name: "grade", title: "等级", type: "string", constraints: { required: true, enum: GRADES } },
      { name: "disclosed_date", title: "公开日期（北京时间）", type: "date", format: "default", constraints: { required: true } },
    ],
  },
  budget: {
    title: "预算 / Budget",
    description: "The budget disclosed with each objective, one line per objective, in the Fiscal Data Package's terms (approved expenditure, CNY).",
    primaryKey: ["objective_id"],
    foreignKeys: [{ fields: "objective_id", reference: { resource: "objectives", fields: "id" } }],
    fields: [
      { ...id("objective_id", "公开编号"), columnType: "project:generic:level1:code" },
      text("title", "项目名称", true, "project:generic:level1:label"),
      { name: "fiscal_year", title: "预算年度", type: "year", constraints: { required: true }, columnType: "date:fiscal-year" },
      { ...id("region_id", "地区编号"), columnType: "geographic-classification:generic:level1:code" },
      text("region_name", "地区", true, "geographic-classification:generic:level1:label"),
      text("department", "主管部门", true, "administrative-classification:generic:level1:label"),
      text("unit", "项目单位", true, "administrative-classification:generic:level2:label"),
      text("category", "项目类别", false, "functional-classification:generic:level1:code"),
      { name: "direction", title: "收支方向", type: "string", constraints: { required: true, enum: ["expenditure"] }, columnType: "direction" },
      { name: "phase", title: "预算阶段", type: "string", constraints: { required: true, enum: ["approved"] }, columnType: "phase" },
      { name: "currency", title: "币种", type: "string", constraints: { required: true, enum: ["CNY"] }, columnType: "currency" },
      amount("amount", "金额（元）", "value"),
    ],
  },
};

export interface PackageScope {
  year: number;
  region: { id: number; name: string } | null;
}

/** The package's name (lower case, "-" and "." only, as the spec asks). */
export function packageName(scope: PackageScope): string {
  return scope.region ? `bpm-disclosures-${scope.year}-region-${scope.region.id}` : `bpm-disclosures-${scope.year}`;
}

/** The package's address under the portal: /portal/data/2026 or /portal/data/2026/regions/5. */
export function packageBase(scope: PackageScope): string {
  return scope.region ? `/portal/data/${scope.year}/regions/${scope.region.id}` : `/portal/data/${scope.year}`;
}

export const CSV_DIALECT = { delimiter: ",", doubleQuote: true, lineTerminator: "\r\n", quoteChar: '"', header: true, skipInitialSpace: false };

/** The datapackage.json of a year (and region). Resource paths are relative to it, so the package works downloaded as well as served. */
export function fdpDescriptor(scope: PackageScope, publisher: string | null, created: Date) {
  const where = scope.region ? `${scope.region.name}（含下级地区）` : "全省";
  return {
    profile: "tabular-data-package",
    name: packageName(scope),
    title: `${scope.year}年度预算绩效信息公开数据 · ${where} / Disclosed budget performance data, ${scope.year}`,
    description: [
      "Everything the public portal discloses for the year: objectives, their indicator tables, evaluation results and budgets. Only live disclosures; a withdrawn item is absent from the next download.",
      "Encoding: plain UTF-8 without a byte-order mark (as Frictionless Data asks). In Excel use Data → From Text/CSV and choose UTF-8 (65001).",
      "Amounts: decimal strings in 元 (CNY), two places, '.' as the decimal mark. Dates: the calendar date in China Standard Time (Asia/Shanghai).",
      "Text cells that would begin with = + - @ or a tab are prefixed with ' so that spreadsheets do not read them as formulas.",
      "编码为不带BOM的UTF-8；金额单位为元；日期为北京时间。",
    ].join("\n"),
    version: "1.0.0",
    created: created.toISOString(),
    licenses: [openDataLicense()],
    contributors: publisher ? [{ title: publisher, role: "publisher" }] : [],
    keywords: ["预算绩效", "budget", "performance", "fiscal data package", String(scope.year)],
    countryCode: "CN",
    fiscalPeriod: { start: `${scope.year}-01-01`, end: `${scope.year}-12-31` },
    resources: FDP_RESOURCES.map((r) => ({
      profile: "tabular-data-resource",
      name: r,
      path: `${r}.csv`,
      title: FDP_SCHEMAS[r].title,
      description: FDP_SCHEMAS[r].description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: CSV_DIALECT,
      schema: { fields: FDP_SCHEMAS[r].fields, primaryKey: FDP_SCHEMAS[r].primaryKey, ...(FDP_SCHEMAS[r].foreignKeys ? { foreignKeys: FDP_SCHEMAS[r].foreignKeys } : {}), missingValues: [""] },
    })),
  };
}
