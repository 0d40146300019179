import type { Comparison, IndicatorLevel1, IndicatorLevel2, RegionLevel, SubjectKind } from "@/db/schema/enums";
import { trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { wan } from "@/lib/project/money";
import { splitEvenly } from "./weights";

/**
 * THE 绩效目标表: one model of the table finance departments publish, drawn by every screen that
 * shows it (the 申报表, the review and approval screens, print, the portal page: ObjectiveSheetView in
 * app/_components/objective-sheet.tsx) and by every Excel export (lib/objective/sheet-excel.ts). It
 * is a grid of cells with their column and row spans, so HTML and Excel cannot disagree.
 *
 * Indicators are ordered the way the framework is: 产出 (数量, 质量, 时效, 成本) → 成本 (its own
 * 一级 class, when used) → 效益 (经济, 社会, 生态, 可持续影响) → 满意度, whatever order they were
 * typed in; within a 二级 class they keep their typed order. Each 一级 and 二级 cell spans exactly
 * the rows of its group.
 */

export const LEVEL1_ORDER: readonly IndicatorLevel1[] = ["output", "cost", "benefit", "satisfaction"];
export const LEVEL2_ORDER: readonly IndicatorLevel2[] = ["quantity", "quality", "timeliness", "cost", "economic", "social", "ecological", "sustainable", "satisfaction"];

type Levels = { level1: string; level2: string };

function rank(order: readonly string[], v: string): number {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
}

/** The indicators in the framework's order (stable: a 二级 class keeps its rows' typed order). */
export function orderIndicators<R extends Levels>(rows: readonly R[]): R[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(LEVEL1_ORDER, a.row.level1) - rank(LEVEL1_ORDER, b.row.level1) || rank(LEVEL2_ORDER, a.row.level2) - rank(LEVEL2_ORDER, b.row.level2) || a.i - b.i)
    .map((x) => x.row);
}

/**
 * The merged cells of rows already in order: consecutive rows with the same 一级指标 share one cell,
 * and within it consecutive rows with the same 二级指标 share one. Returns, per row, the rowSpan of
 * its 一级 and 二级 cells (0 = covered by the cell above).
 */
export function indicatorSpans(rows: readonly Levels[]): { level1: number; level2: number }[] {
  const out = rows.map(() => ({ level1: 0, level2: 0 }));
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j].level1 === rows[i].level1) j++;
    out[i].level1 = j - i;
    let k = i;
    while (k < j) {
      let m = k;
      while (m < j && rows[m].level2 === rows[k].level2) m++;
      out[k].level2 = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}

/** One 一级 group and its 二级 groups: where they start in the ordered rows and how many rows they span. */
export interface IndicatorGroup {
  level1: string;
  start: number;
  count: number;
  level2: { level2: string; start: number; count: number }[];
}

/** The ordered indicators grouped by 一级 and 二级 (each value appears once: one group, one merged cell). */
export function indicatorGroups<R extends Levels>(rows: readonly R[]): { rows: R[]; groups: IndicatorGroup[] } {
  const ordered = orderIndicators(rows);
  const spans = indicatorSpans(ordered);
  const groups: IndicatorGroup[] = [];
  ordered.forEach((r, i) => {
    if (spans[i].level1 > 0) groups.push({ level1: r.level1, start: i, count: spans[i].level1, level2: [] });
    if (spans[i].level2 > 0) groups[groups.length - 1].level2.push({ level2: r.level2, start: i, count: spans[i].level2 });
  });
  return { rows: ordered, groups };
}

// ── The grid ─────────────────────────────────────────────────────────────────────────────────

/**
 * label: a row heading (th scope=row); head: a column heading (th scope=col); group: a merged
 * 一级/二级 cell; value: text; center: a short value (target, unit, weight), centred.
 */
export type SheetCellKind = "label" | "head" | "group" | "value" | "center";

export interface SheetCell {
  text: string;
  kind: SheetCellKind;
  colSpan?: number;
  rowSpan?: number;
  /** A second, smaller line (a fund use under the indicator's name, the formula under its explanation). */
  note?: string;
  /** Long text kept with its line breaks (the goals). */
  pre?: boolean;
  strong?: boolean;
  /** data-testid in HTML (what the browser tests read). */
  testId?: string;
  /** An amount in 元 shown in 万元: Excel writes it as a number in 万元 (#,##0.00) rather than as text. */
  yuan?: string;
}

export interface SheetRow {
  cells: SheetCell[];
  /** An indicator's row (data-testid="indicator-row" in HTML). */
  indicator?: { ordinal: number | null };
}

export interface ObjectiveSheet {
  title: string;
  subtitle: string;
  /** Relative column widths (percent of the page; Excel widths follow them). */
  columns: number[];
  rows: SheetRow[];
  /** The row (index in rows) where the indicators start, and how many there are. */
  indicatorStart: number;
  indicatorCount: number;
}

/** What an indicator row needs. */
export interface SheetIndicator {
  ordinal?: number | null;
  level1: IndicatorLevel1 | string;
  level2: IndicatorLevel2 | string;
  name: string;
  comparison: Comparison | string;
  annualTarget: string | null;
  periodTarget: string | null;
  unit: string | null;
  weight?: string | null;
  explanation?: string | null;
  formula?: string | null;
  fundUse?: string | null;
}

export interface ObjectiveSheetInput {
  subjectKind: SubjectKind;
  fiscalYear: number;
  /** The line under the title (region and date of disclosure, or the year). */
  subtitle: string;
  name: string;
  /** The level of the region the objective belongs to (省级/市级/县级财政部门). */
  regionLevel: RegionLevel;
  /** The finance department of that region (null when it has none on record). */
  financeName: string | null;
  departmentName: string;
  ownerName: string;
  /** Amount in 元; shown in 万元. */
  amountYuan: string | null;
  overallGoal: string | null | undefined;
  annualGoal: string | null | undefined;
  indicators: readonly SheetIndicator[];
  /**
   * The declaration (申报表) adds what only the filer and reviewers read: the project's attribute and
   * period, the funding by source and year, fund uses, the plan, and the weight and explanation of
   * each indicator. Absent: the published table (six columns).
   */
  /**
   * A department-overall objective (部门整体支出) draws its own table: the department's duties (部门职责),
   * its key tasks of the year with their budgets (年度主要任务 · 预算金额), the 年度总体目标 and the
   * department-wide indicators — instead of a project's funding, plan and two goals.
   */
  department?: {
    duties: string | null | undefined;
    tasks: readonly { name: string; content?: string | null; amountYuan: string }[];
  };
  declaration?: {
    attribute: string;
    period: string;
    funding: { source: string; year: number; amountYuan: string }[];
    fundUses: string | null | undefined;
    plan: { start: string; end: string; content: string }[];
  };
}

const HEADINGS = { project: "disclosure.detail.heading", department: "disclosure.detail.headingDepartment", transfer: "disclosure.detail.headingTransfer" } as const;

/** A target as the published table writes it: the comparison sign and the value (定性 values as text). */
export function targetText(row: Pick<SheetIndicator, "comparison" | "annualTarget" | "periodTarget">, which: "annual" | "period", t: Translate): string {
  const v = (which === "annual" ? row.annualTarget : row.periodTarget)?.trim();
  if (!v) return "—";
  if (row.comparison === "qualitative") return v;
  return `${t(`review.comparison.${row.comparison as Comparison}`)}${v}`;
}

const text = (v: string | null | undefined, t: Translate) => (v?.trim() ? v : t("review.empty"));

/** The 绩效目标表 of one objective as a grid (see the top of this file). */
export function objectiveSheet(input: ObjectiveSheetInput, t: Translate): ObjectiveSheet {
  const dec = input.declaration;
  // Published: 一级 | 二级 | 三级 | 年度 | 实施期 | 计量单位; the declaration adds 分值 | 指标解释及计算公式.
  const columns = dec ? [11, 11, 20, 11, 11, 8, 7, 21] : [14, 14, 30, 14, 14, 14];
  const n = columns.length;
  const half = (n - 2) / 2; // the value cells of a row of two pairs: 2 of 6, 3 of 8
  const rows: SheetRow[] = [];
  const label = (s: string, extra: Partial<SheetCell> = {}): SheetCell => ({ text: s, kind: "label", ...extra });
  const wide = (l: string, value: SheetCell) => rows.push({ cells: [label(l), { ...value, colSpan: n - 1 }] });
  const pair = (l1: string, v1: SheetCell, l2: string, v2: SheetCell) =>
    rows.push({ cells: [label(l1), { ...v1, colSpan: half }, label(l2), { ...v2, colSpan: half }] });

  wide(t(`review.sheet.name.${input.subjectKind}`), { text: input.name, kind: "value", strong: true, testId: "cell-name" });
  pair(
    t(`review.sheet.finance.${input.regionLevel}`),
    { text: input.financeName ?? "—", kind: "value", testId: "cell-finance" },
    t(`review.sheet.department.${input.regionLevel}`),
    { text: input.departmentName, kind: "value", testId: "cell-department" },
  );
  // A department files for itself, for one year: no owner, attribute or period rows.
  const deptPart = input.subjectKind === "department" ? input.department : undefined;
  if (!deptPart) {
    if (dec) pair(t("review.fields.owner"), { text: input.ownerName, kind: "value", testId: "cell-owner" }, t("review.fields.attribute"), { text: dec.attribute, kind: "value" });
    else wide(t("review.fields.owner"), { text: input.ownerName, kind: "value", testId: "cell-owner" });
    if (dec) wide(t("review.fields.period"), { text: dec.period, kind: "value" });
  }

  if (deptPart) {
    // 部门职责 · 年度主要任务 (任务名称 | 主要内容 | 预算金额（万元）, then 金额合计) · 年度总体目标.
    wide(t("deptObjective.sheet.duties"), { text: text(deptPart.duties, t), kind: "value", pre: true, testId: "cell-duties" });
    const tasks = deptPart.tasks;
    const contentSpan = n - 4; // name 2 | content | amount 1
    rows.push({
      cells: [
        label(t("deptObjective.sheet.tasks"), { rowSpan: 2 + Math.max(1, tasks.length) }),
        { text: t("deptObjective.sheet.taskName"), kind: "head", colSpan: 2 },
        { text: t("deptObjective.sheet.taskContent"), kind: "head", colSpan: contentSpan },
        { text: t("deptObjective.sheet.taskAmount"), kind: "head" },
      ],
    });
    if (tasks.length === 0) rows.push({ cells: [{ text: t("deptObjective.sheet.noTasks"), kind: "center", colSpan: n - 1 }] });
    tasks.forEach((task, i) =>
      rows.push({
        cells: [
          { text: task.name, kind: "value", colSpan: 2, testId: `task-name-${i}` },
          { text: task.content?.trim() || "—", kind: "value", colSpan: contentSpan, pre: true },
          { text: wan(task.amountYuan), kind: "center", yuan: task.amountYuan, testId: `task-amount-${i}` },
        ],
      }),
    );
    rows.push({
      cells: [
        label(t("deptObjective.sheet.total"), { colSpan: 2 + contentSpan }),
        { text: wan(input.amountYuan ?? "0"), kind: "center", testId: "cell-amount", yuan: input.amountYuan ?? "0", strong: true },
      ],
    });
    wide(t("deptObjective.sheet.annualGoal"), { text: text(input.annualGoal, t), kind: "value", pre: true, testId: "cell-annual" });
  } else {
    // 资金情况（万元）: the amount, then (declaration) one row per source and year.
    const funding = dec?.funding ?? [];
    const amountLabel = t(dec ? "review.sheet.requested" : "review.sheet.arranged");
    const lead = n === 6 ? 2 : 3; // the sub-label's width
    rows.push({
      cells: [
        label(t("review.sheet.funds"), { rowSpan: 1 + funding.length }),
        label(amountLabel, { colSpan: lead }),
        { text: wan(input.amountYuan ?? "0"), kind: "value", colSpan: n - 1 - lead, testId: "cell-amount", yuan: input.amountYuan ?? "0" },
      ],
    });
    for (const f of funding) {
      rows.push({
        cells: [
          { text: f.source, kind: "value", colSpan: lead },
          { text: t("review.fields.fundingYear", { year: f.year }), kind: "center", colSpan: 2 },
          { text: wan(f.amountYuan), kind: "center", colSpan: n - 3 - lead, yuan: f.amountYuan },
        ],
      });
    }
    if (dec) {
      wide(t("review.fields.fundUses"), { text: text(dec.fundUses, t), kind: "value", pre: true });
      if (dec.plan.length === 0) wide(t("review.fields.plan"), { text: t("review.empty"), kind: "value" });
      dec.plan.forEach((p, i) =>
        rows.push({
          cells: [
            ...(i === 0 ? [label(t("review.fields.plan"), { rowSpan: dec.plan.length })] : []),
            { text: p.start === p.end ? p.start : `${p.start} — ${p.end}`, kind: "center", colSpan: 2 },
            { text: p.content, kind: "value", colSpan: n - 3, pre: true },
          ],
        }),
      );
    }
    wide(t("review.sheet.overallGoal"), { text: text(input.overallGoal, t), kind: "value", pre: true, testId: "cell-overall" });
    wide(t("review.sheet.annualGoal"), { text: text(input.annualGoal, t), kind: "value", pre: true, testId: "cell-annual" });
  }

  // 绩效指标 (a department's: 部门整体绩效指标)
  rows.push({ cells: [{ text: t(deptPart ? "deptObjective.sheet.indicators" : "review.indicatorsHead"), kind: "head", colSpan: n }] });
  const head = (s: string, extra: Partial<SheetCell> = {}): SheetCell => ({ text: s, kind: "head", rowSpan: 2, ...extra });
  rows.push({
    cells: [
      head(t("review.level1Head")),
      head(t("review.level2Head")),
      head(t("review.level3Head")),
      head(t("review.valueHead"), { colSpan: 2, rowSpan: 1 }),
      head(t("review.unitHead")),
      ...(dec ? [head(t("review.weightHead")), head(t("review.explainHead"))] : []),
    ],
  });
  rows.push({ cells: [head(t("review.annualHead"), { rowSpan: 1 }), head(t("review.periodHead"), { rowSpan: 1 })] });

  const indicatorStart = rows.length;
  const ordered = orderIndicators(input.indicators);
  const spans = indicatorSpans(ordered);
  // Weights left blank are split evenly (DESIGN §5): print the share each row gets.
  // Largest remainder, so that the printed shares add up to exactly 100 (7 rows: 14.29 ×4, 14.28 ×3).
  const evenWeights = ordered.length && ordered.every((r) => !r.weight) ? splitEvenly(ordered.length).map(trimDecimal) : null;
  if (ordered.length === 0) rows.push({ cells: [{ text: t("review.noIndicators"), kind: "center", colSpan: n }] });
  ordered.forEach((r, i) => {
    const cells: SheetCell[] = [];
    if (spans[i].level1 > 0) cells.push({ text: t(`review.level1.${r.level1 as IndicatorLevel1}`), kind: "group", rowSpan: spans[i].level1, strong: true });
    if (spans[i].level2 > 0) cells.push({ text: t(`review.level2.${r.level2 as IndicatorLevel2}`), kind: "group", rowSpan: spans[i].level2 });
    cells.push(
      { text: r.name, kind: "value", note: dec && r.fundUse ? `${t("review.fundUse")}${r.fundUse}` : undefined },
      { text: targetText(r, "annual", t), kind: "center" },
      { text: targetText(r, "period", t), kind: "center" },
      { text: r.unit?.trim() || "—", kind: "center" },
    );
    if (dec) {
      cells.push(
        { text: r.weight ? trimDecimal(r.weight) : (evenWeights?.[i] ?? "—"), kind: "center" },
        {
          text: r.explanation?.trim() || (r.formula ? "" : "—"),
          kind: "value",
          pre: true,
          note: r.formula ? `${t("review.formula")}${r.formula}` : undefined,
        },
      );
    }
    rows.push({ cells, indicator: { ordinal: r.ordinal ?? null } });
  });

  return {
    title: t(HEADINGS[input.subjectKind], { year: input.fiscalYear }),
    subtitle: input.subtitle,
    columns,
    rows,
    indicatorStart,
    indicatorCount: ordered.length,
  };
}

/** The grid with each cell's position: row and column (0-based) where it starts, skipping cells covered by a span above. */
export function placeCells(sheet: Pick<ObjectiveSheet, "rows" | "columns">): { row: number; col: number; cell: SheetCell }[] {
  const taken = new Set<string>();
  const out: { row: number; col: number; cell: SheetCell }[] = [];
  sheet.rows.forEach((r, ri) => {
    let col = 0;
    for (const cell of r.cells) {
      while (taken.has(`${ri}:${col}`)) col++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      if (col + cs > sheet.columns.length) throw new Error(`objective sheet: row ${ri} overflows its ${sheet.columns.length} columns`);
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${ri + dr}:${col + dc}`);
      out.push({ row: ri, col, cell });
      col += cs;
    }
  });
  return out;
}
