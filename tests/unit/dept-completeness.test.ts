import { describe, expect, it } from "vitest";
import { completenessErrors } from "@/lib/objective/completeness";
import { objectiveSheet } from "@/lib/objective/table-layout";
import { translator, type MessageKey } from "@/lib/i18n";

const indicators = [
  { level1: "output", level2: "quantity", name: "公路养护里程", comparison: "gte", annualTarget: "1200", periodTarget: "1200", unit: "公里", weight: null, indicatorId: null, customReason: "部门自设", fundUse: null, explanation: null, formula: null },
  { level1: "output", level2: "quality", name: "优良路率", comparison: "gte", annualTarget: "90", periodTarget: "90", unit: "%", weight: null, indicatorId: null, customReason: "部门自设", fundUse: null, explanation: null, formula: null },
  { level1: "benefit", level2: "social", name: "群众出行条件改善", comparison: "qualitative", annualTarget: "明显改善", periodTarget: null, unit: null, weight: null, indicatorId: null, customReason: "部门自设", fundUse: null, explanation: null, formula: null },
  { level1: "satisfaction", level2: "satisfaction", name: "群众满意度", comparison: "gte", annualTarget: "90", periodTarget: "90", unit: "%", weight: null, indicatorId: null, customReason: "部门自设", fundUse: null, explanation: null, formula: null },
] as const;

const content = (over: { duties?: string; budget?: string; tasks?: { name: string; content: string | null; amount: string }[] } = {}) => ({
  basic: { name: "广东省交通运输厅", duties: over.duties ?? "负责全省公路管理。", servesPublic: true },
  funding: { requestedAmount: over.budget ?? "10005000.00", rows: [] },
  performance: { plan: [], overallGoal: null, annualGoal: "完成年度任务。", indicators: [...indicators] },
  keyTasks: over.tasks ?? [
    { name: "养护", content: null, amount: "6002500.01" },
    { name: "改造", content: null, amount: "4002499.99" },
  ],
});

describe("completeness of a department-overall objective", () => {
  it("passes with duties, key tasks adding up to the budget and the year's objective — no overall goal, plan or funding rows asked", () => {
    expect(completenessErrors(content(), "department")).toEqual([]);
    // The same content as a project fails on what a project needs.
    expect(completenessErrors(content(), "project").map((f) => f.field)).toEqual(expect.arrayContaining(["overallGoal", "funding.rows"]));
  });

  it("names the department's own gaps at their step and field, amounts in 万元", () => {
    const f = completenessErrors(content({ duties: " ", tasks: [{ name: "养护", content: null, amount: "6002500.01" }] }), "department");
    expect(f.map((x) => `${x.step}:${x.field}`).sort()).toEqual(["1:basic.duties", "2:tasks"]);
    expect(translator("zh")(f.find((x) => x.field === "tasks")!.message as MessageKey)).toContain("年度主要任务预算合计 600.250001 万元与部门预算总额 1,000.50 万元不一致");
    expect(completenessErrors(content({ tasks: [] }), "department").map((x) => x.field)).toEqual(["tasks"]);
  });
});

describe("the 绩效目标表 of a department-overall objective", () => {
  const t = translator("zh");
  const base = {
    subjectKind: "department" as const,
    fiscalYear: 2027,
    subtitle: "2027年度",
    name: "广东省交通运输厅",
    regionLevel: "province" as const,
    financeName: "广东省财政厅",
    departmentName: "广东省交通运输厅",
    ownerName: "广东省交通运输厅",
    amountYuan: "10005000.00",
    overallGoal: null,
    annualGoal: "完成年度任务。",
    indicators: [...indicators],
    department: { duties: "负责全省公路管理。", tasks: [{ name: "养护", content: "大中修", amountYuan: "6002500.01" }, { name: "改造", content: null, amountYuan: "4002499.99" }] },
  };
  const texts = (s: ReturnType<typeof objectiveSheet>) => s.rows.map((r) => r.cells.map((c) => c.text));

  it("has duties, the key tasks with their 万元 and total, the year's objective and the department-wide indicators — in rows that fill the width", () => {
    for (const declaration of [undefined, { attribute: "", period: "", funding: [], fundUses: null, plan: [] }]) {
      const sheet = objectiveSheet({ ...base, declaration }, t);
      const rows = texts(sheet);
      expect(sheet.title).toBe("2027年度部门整体支出绩效目标表");
      expect(rows[0]).toEqual(["部门名称", "广东省交通运输厅"]);
      expect(rows.find((r) => r[0] === "部门职责")).toEqual(["部门职责", "负责全省公路管理。"]);
      const head = rows.findIndex((r) => r[0] === "年度主要任务");
      expect(rows[head]).toEqual(["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"]);
      expect(rows[head + 1]).toEqual(["养护", "大中修", "600.25"]);
      expect(rows[head + 2]).toEqual(["改造", "—", "400.25"]);
      expect(rows[head + 3]).toEqual(["金额合计", "1,000.50"]);
      expect(sheet.rows[head].cells[0].rowSpan).toBe(4);
      expect(rows[head + 4]).toEqual(["年度总体目标", "完成年度任务。"]);
      expect(rows[head + 5]).toEqual(["部门整体绩效指标"]);
      expect(rows.flat()).not.toContain("总体目标");
      expect(rows.flat()).not.toContain("项目名称");
      expect(sheet.indicatorCount).toBe(4);
      // Every row covers exactly the columns (placeCells throws on an overflow; count the widths).
      const widths = sheet.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0));
      expect(widths[head]).toBe(sheet.columns.length);
      expect(widths[head + 1]).toBe(sheet.columns.length - 1);
      expect(widths[head + 3]).toBe(sheet.columns.length - 1);
    }
  });
});
