import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { objectives, objectiveVersions } from "@/db/schema";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { GET as exportDeclaration } from "@/app/api/objectives/[id]/export/route";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad, trunkRoadIndicators } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

type SaveInput = { step: 1 | 2 | 3 | "deptBasic" | "keyTasks"; objectiveId: number; editVersion: number; data: unknown };
const current = async (id: number) => {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, id));
  const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.id, o.currentVersionId!));
  return { o, v };
};
async function save(objectiveId: number, step: SaveInput["step"], data: unknown) {
  const { v } = await current(objectiveId);
  return saveDeclarationStep({ step, objectiveId, editVersion: v.editVersion, data } as Parameters<typeof saveDeclarationStep>[0]);
}

/** The transport department's overall objective for 2027, created by its own reviewer account. */
async function departmentObjective() {
  await signInAs(database, "dept");
  const dept = await orgByCode(database, "440000-JT");
  const created = await createObjective({ subjectKind: "department", orgId: dept.id, fiscalYear: 2027 });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.data.id;
}

const TASKS = [
  { name: "国省干线公路养护", content: "路面大中修 1200 公里", amount: "350000000.50" },
  { name: "农村公路提质改造", content: "改造 3000 公里", amount: "329999999.50" },
];

describe("the department-overall objective (部门整体支出绩效目标)", () => {
  it("is declared in its own steps — duties, key tasks adding up to the budget, the year's objective — and submitted", async () => {
    const id = await departmentObjective();
    // A project's steps do not fit it, and say so.
    const wrong = await save(id, 1, { name: "部门整体支出", category: "operation", startYear: 2027, endYear: 2027, contactName: null, contactPhone: null, policyBasis: null, servesPublic: true });
    expect(wrong).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!wrong.ok && wrong.fieldErrors?._form?.[0]).toContain("部门整体绩效目标与项目的申报步骤不同");

    expect(await save(id, "deptBasic", { name: "广东省交通运输厅", duties: "", contactName: "李明", contactPhone: "020-83730000", servesPublic: true })).toMatchObject({ ok: true });
    // Tasks that do not add up to the budget, and no duties: refused with both, in 万元, at their fields.
    expect(await save(id, "keyTasks", { requestedAmount: "680000000.00", tasks: [TASKS[0]] })).toMatchObject({ ok: true });
    expect(await save(id, 3, { plan: [], overallGoal: null, annualGoal: "全面完成年度公路建设养护任务。", indicators: await trunkRoadIndicators(database) })).toMatchObject({ ok: true });
    let { o } = await current(id);
    const refused = await submitObjective({ objectiveId: id, version: o.version });
    expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
    if (refused.ok) return;
    expect(refused.fieldErrors?.tasks?.[0]).toMatch(/^第2步 · 年度主要任务预算合计 35,000\.00005 万元与部门预算总额 68,000(\.00)? 万元不一致/);
    expect(refused.fieldErrors?.["basic.duties"]?.[0]).toContain("请填写部门职责");
    // Serving the public, the department needs a satisfaction indicator: said of the department.
    expect(refused.fieldErrors?.indicators).toContain("第3步 · 部门职责面向社会公众，须设置满意度指标");
    // No project words: no 总体目标 (only the year's), no 资金来源.
    expect(Object.keys(refused.fieldErrors ?? {})).not.toContain("overallGoal");
    expect(Object.keys(refused.fieldErrors ?? {})).not.toContain("funding.rows");

    expect(await save(id, "deptBasic", { name: "广东省交通运输厅", duties: "负责全省公路、水路交通行业管理。\n负责公路建设市场监管。", contactName: "李明", contactPhone: "020-83730000", servesPublic: false })).toMatchObject({ ok: true });
    expect(await save(id, "keyTasks", { requestedAmount: "680000000.00", tasks: TASKS })).toMatchObject({ ok: true });
    ({ o } = await current(id));
    expect(o.title).toBe("广东省交通运输厅");
    expect(o.requestedAmount).toBe("680000000.00");
    const submitted = await submitObjective({ objectiveId: id, version: o.version });
    expect(submitted).toMatchObject({ ok: true, data: { state: "finance_review" } });
    const { v } = await current(id);
    expect(v.keyTasks).toEqual(TASKS.map((t) => ({ ...t })));
  });

  it("refuses a key task without a name or with an amount that is not money, at that row", async () => {
    await signInAs(database, "dept");
    const dept = await orgByCode(database, "440000-JT");
    const created = await createObjective({ subjectKind: "department", orgId: dept.id, fiscalYear: 2028 });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const r = await save(created.data.id, "keyTasks", { requestedAmount: "100.00", tasks: [{ name: "", content: null, amount: "1.234" }] });
    expect(r).toMatchObject({ ok: false, code: "invalid_input" });
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["data.tasks.0.amount", "data.tasks.0.name"]);
  });

  it("a project's objective refuses the department's steps", async () => {
    await signInAs(database, "filer");
    const { objectiveId } = await declareTrunkRoad(database);
    const r = await save(objectiveId, "keyTasks", { requestedAmount: "100.00", tasks: [] });
    expect(r).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it("exports its own 申报表: duties, key tasks in 万元 (numbers), their total, the year's objective, department-wide indicators", async () => {
    const [o] = await database.db.select({ id: objectives.id }).from(objectives).where(eq(objectives.title, "广东省交通运输厅"));
    await signInAs(database, "dept");
    const res = await exportDeclaration(new Request(`http://x/api/objectives/${o.id}/export`), { params: Promise.resolve({ id: String(o.id) }) });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const flat = rows.map((r) => r.map((c) => (c == null ? "" : String(c))));
    const find = (label: string) => flat.findIndex((r) => r.includes(label));
    expect(flat[0][0]).toBe("部门整体支出绩效目标申报表");
    expect(find("部门名称")).toBeGreaterThan(-1);
    expect(find("项目名称")).toBe(-1);
    expect(find("总体目标")).toBe(-1);
    expect(flat[find("部门职责")].join("")).toContain("负责全省公路、水路交通行业管理。");
    const head = find("任务名称");
    expect(flat[head]).toEqual(expect.arrayContaining(["年度主要任务", "主要内容", "预算金额（万元）"]));
    // Each task's amount is a number in 万元, exact to the fen: 35,000.00005 万元 = 350,000,000.50 元.
    expect(rows[head + 1]).toEqual(expect.arrayContaining(["国省干线公路养护", 35000.00005]));
    expect(rows[head + 2]).toEqual(expect.arrayContaining(["农村公路提质改造", 32999.99995]));
    expect(rows[head + 3]).toEqual(expect.arrayContaining(["金额合计", 68000]));
    expect(flat[find("年度总体目标")].join("")).toContain("全面完成年度公路建设养护任务。");
    expect(find("部门整体绩效指标")).toBeGreaterThan(head);
  });
});
