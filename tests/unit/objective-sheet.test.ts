import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { translator } from "@/lib/i18n";
import { indicatorGroups, objectiveSheet, orderIndicators, placeCells, type SheetIndicator } from "@/lib/objective/table-layout";
import { ObjectiveSheetView } from "@/app/_components/objective-sheet";

const t = translator("zh");

/** Typed in a scrambled order: 满意度 first, 产出 split by a 效益 row, 成本 and 质量 last. */
const SCRAMBLED: SheetIndicator[] = [
  { ordinal: 0, level1: "satisfaction", level2: "satisfaction", name: "受益群众满意度", comparison: "gte", annualTarget: "90", periodTarget: "90", unit: "%" },
  { ordinal: 1, level1: "output", level2: "quantity", name: "养护里程", comparison: "gte", annualTarget: "800", periodTarget: "800", unit: "公里" },
  { ordinal: 2, level1: "output", level2: "timeliness", name: "按期完工率", comparison: "gte", annualTarget: "100", periodTarget: "100", unit: "%" },
  { ordinal: 3, level1: "benefit", level2: "social", name: "通行时间缩短", comparison: "gte", annualTarget: "5", periodTarget: "5", unit: "%" },
  { ordinal: 4, level1: "output", level2: "quantity", name: "桥梁加固座数", comparison: "gte", annualTarget: "12", periodTarget: "12", unit: "座" },
  { ordinal: 5, level1: "benefit", level2: "economic", name: "物流成本降低", comparison: "gte", annualTarget: "3", periodTarget: "3", unit: "%" },
  { ordinal: 6, level1: "output", level2: "cost", name: "每公里养护成本", comparison: "lte", annualTarget: "65", periodTarget: "65", unit: "万元" },
  { ordinal: 7, level1: "output", level2: "quality", name: "优良路率", comparison: "gte", annualTarget: "85", periodTarget: "85", unit: "%" },
  { ordinal: 8, level1: "benefit", level2: "sustainable", name: "养护长效机制", comparison: "qualitative", annualTarget: "建立", periodTarget: "建立", unit: null },
];

const input = {
  subjectKind: "project" as const,
  fiscalYear: 2027,
  subtitle: "广东省 · 公开日期 2026-12-08",
  name: "普通国省道路面养护工程",
  regionLevel: "province" as const,
  financeName: "广东省财政厅",
  departmentName: "广东省交通运输厅",
  ownerName: "广东省公路事务中心",
  amountYuan: "152000000.00",
  overallGoal: "完成普通国省道路面养护。",
  annualGoal: "完成养护1200公里。",
  indicators: SCRAMBLED,
};

describe("the 绩效目标表 model", () => {
  it("orders indicators 产出 (数量, 质量, 时效, 成本) → 效益 (经济, 社会, 生态, 可持续影响) → 满意度, typed order within a class", () => {
    expect(orderIndicators(SCRAMBLED).map((r) => r.name)).toEqual([
      "养护里程",
      "桥梁加固座数",
      "优良路率",
      "按期完工率",
      "每公里养护成本",
      "物流成本降低",
      "通行时间缩短",
      "养护长效机制",
      "受益群众满意度",
    ]);
  });

  it("groups each 一级 and 二级 class once, spanning exactly its rows", () => {
    const { groups } = indicatorGroups(SCRAMBLED);
    expect(groups.map((g) => [g.level1, g.start, g.count])).toEqual([
      ["output", 0, 5],
      ["benefit", 5, 3],
      ["satisfaction", 8, 1],
    ]);
    expect(groups[0].level2.map((g) => [g.level2, g.start, g.count])).toEqual([
      ["quantity", 0, 2],
      ["quality", 2, 1],
      ["timeliness", 3, 1],
      ["cost", 4, 1],
    ]);
    expect(groups[1].level2.map((g) => g.level2)).toEqual(["economic", "social", "sustainable"]);
  });

  it("lays the published header rows out as the seed's format, and every row fills exactly six columns", () => {
    const sheet = objectiveSheet(input, t);
    expect(sheet.title).toBe("2027年度项目支出绩效目标表");
    const texts = sheet.rows.slice(0, 6).map((r) => r.cells.map((c) => c.text));
    expect(texts).toEqual([
      ["项目名称", "普通国省道路面养护工程"],
      ["省级财政部门", "广东省财政厅", "省级主管部门", "广东省交通运输厅"],
      ["实施单位", "广东省公路事务中心"],
      ["资金情况（万元）", "此次安排金额", "15,200.00"],
      ["总体目标", "完成普通国省道路面养护。"],
      ["年度目标", "完成养护1200公里。"],
    ]);
    // Every grid row covers all six columns once (spans from above included): no gap, no overflow.
    const covered = sheet.rows.map(() => 0);
    for (const { row, cell } of placeCells(sheet)) for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) covered[row + dr] += cell.colSpan ?? 1;
    expect(covered.every((c) => c === 6)).toBe(true);
  });

  it("puts each indicator in its own row with its target and unit, 一级/二级 cells spanning their groups", () => {
    const sheet = objectiveSheet(input, t);
    const placed = placeCells(sheet).filter((p) => p.row >= sheet.indicatorStart);
    const at = (row: number, col: number) => placed.find((p) => p.row === row && p.col === col)?.cell;
    const s = sheet.indicatorStart;
    expect(sheet.indicatorCount).toBe(9);
    expect(at(s, 0)).toMatchObject({ text: "产出指标", rowSpan: 5 });
    expect(at(s, 1)).toMatchObject({ text: "数量指标", rowSpan: 2 });
    expect(at(s + 1, 0)).toBeUndefined(); // covered by 产出指标
    expect(at(s + 2, 1)).toMatchObject({ text: "质量指标", rowSpan: 1 });
    expect(at(s + 5, 0)).toMatchObject({ text: "效益指标", rowSpan: 3 });
    expect(at(s + 8, 0)).toMatchObject({ text: "满意度指标", rowSpan: 1 });
    expect(at(s + 8, 1)).toMatchObject({ text: "服务对象满意度指标" });
    const row = (i: number) => [2, 3, 4, 5].map((c) => at(s + i, c)?.text);
    expect(row(4)).toEqual(["每公里养护成本", "≤65", "≤65", "万元"]);
    expect(row(7)).toEqual(["养护长效机制", "建立", "建立", "—"]);
    expect(row(8)).toEqual(["受益群众满意度", "≥90", "≥90", "%"]);
  });

  it("draws the same spans in HTML: one 一级 cell per group with its rowspan, nine indicator rows", () => {
    const html = renderToStaticMarkup(createElement(ObjectiveSheetView, { sheet: objectiveSheet(input, t), testId: "objective-table" }));
    expect(html.match(/data-testid="indicator-row"/g)).toHaveLength(9);
    const level1 = [...html.matchAll(/<td rowspan="(\d+)"[^>]*>(产出指标|效益指标|满意度指标)<\/td>/gi)].map((m) => [m[2], Number(m[1])]);
    expect(level1).toEqual([
      ["产出指标", 5],
      ["效益指标", 3],
    ]);
    // A group of one row carries no rowspan.
    expect(html).toMatch(/<td class="[^"]*">满意度指标<\/td>/);
  });

  it("the declaration adds weight and explanation columns, the funding by source, and fills eight columns", () => {
    const sheet = objectiveSheet(
      {
        ...input,
        indicators: SCRAMBLED.slice(0, 2).map((r) => ({ ...r, weight: null, formula: "实际数/计划数" })),
        declaration: {
          attribute: "延续项目",
          period: "2027年—2027年",
          funding: [{ source: "一般公共预算", year: 2027, amountYuan: "152000000.00" }],
          fundUses: "路面养护",
          plan: [{ start: "2027-01", end: "2027-06", content: "招标" }],
        },
      },
      t,
    );
    expect(sheet.columns).toHaveLength(8);
    const covered = sheet.rows.map(() => 0);
    for (const { row, cell } of placeCells(sheet)) for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) covered[row + dr] += cell.colSpan ?? 1;
    expect(covered.every((c) => c === 8)).toBe(true);
    const first = sheet.rows[sheet.indicatorStart].cells.map((c) => c.text);
    expect(first.slice(2)).toEqual(["养护里程", "≥800", "≥800", "公里", "50", ""]);
    expect(sheet.rows[sheet.indicatorStart].cells.at(-1)?.note).toBe("计算公式：实际数/计划数");
  });
});
