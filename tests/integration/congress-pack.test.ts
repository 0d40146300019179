import ExcelJS from "exceljs";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disclosures, objectives } from "@/db/schema";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { getActor } from "@/lib/auth/current-user";
import { congressPack, congressWorkbook } from "@/lib/evaluation/congress-pack";
import { navFor } from "@/lib/nav";
import { wan } from "@/lib/project/money";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function packAs(user: string, year: number) {
  await signInAs(database, user);
  return congressPack(database.db, (await getActor())!, year);
}

async function workbookOf(user: string, year: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await congressWorkbook(await packAs(user, year))) as unknown as ExcelJS.Buffer);
  return wb;
}

const objectiveId = async (title: string) => (await database.db.select({ id: objectives.id }).from(objectives).where(eq(objectives.title, title)))[0].id;

describe("the people's-congress pack: every disclosed objective and result of the year, with totals", () => {
  it("is in the congress reader's menu, and not in a filer's", () => {
    expect(navFor(["observer"]).map((i) => i.href)).toContain("/evaluation/congress");
    expect(navFor(["finance_admin"]).filter((i) => i.href === "/evaluation/congress")).toHaveLength(1);
    expect(navFor(["unit_filer"]).map((i) => i.href)).not.toContain("/evaluation/congress");
  });

  it("2026 of the demo data: the disclosed objective and its self-evaluation result (良), by department and by grade", async () => {
    const pack = await packAs("observer", 2026);
    expect(pack.disclosedObjectives.map((o) => [o.title, o.departmentName, o.ownerName, o.amount])).toEqual([["重点传染病防控项目", "广东省卫生健康委员会", "广东省疾病预防控制中心", "32000000.00"]]);
    expect(pack.disclosedResults.map((r) => [r.kind, r.title, r.score, r.grade])).toEqual([["self", "重点传染病防控项目", "83.98", "good"]]);
    expect(pack.totals.byDepartment).toEqual([{ departmentName: "广东省卫生健康委员会", objectives: 1, budget: "32000000.00", results: 1 }]);
    expect(pack.totals.byGrade.find((g) => g.grade === "good")).toEqual({ grade: "good", self: 1, selfBudget: "32000000.00", key: 0, keyBudget: "0.00" });
    expect(pack.totals.byGrade.filter((g) => g.grade !== "good").every((g) => g.self === 0 && g.key === 0)).toBe(true);
    expect(wan(pack.totals.all.budget)).toBe("3,200.00");
  });

  it("2027: two departments; a new disclosure adds its exact amount, a withdrawn one leaves the totals", async () => {
    let pack = await packAs("observer", 2027);
    expect(pack.totals.byDepartment).toEqual([
      { departmentName: "广东省交通运输厅", objectives: 1, budget: "152000000.00", results: 0 },
      { departmentName: "广东省卫生健康委员会", objectives: 1, budget: "86500000.00", results: 0 },
    ]);
    expect(pack.totals.all).toEqual({ objectives: 2, budget: "238500000.00", results: 0 });

    await signInAs(database, "admin");
    const school = await objectiveId("仁化县第一中学校舍维修改造");
    expect(await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school }] })).toMatchObject({ ok: true });
    pack = await packAs("observer", 2027);
    expect(pack.totals.all).toEqual({ objectives: 3, budget: "245300000.00", results: 0 });
    const county = pack.totals.byDepartment.find((d) => d.budget === "6800000.00");
    expect(county).toMatchObject({ objectives: 1, results: 0 });
    expect(pack.disclosedObjectives.find((o) => o.objectiveId === school)?.departmentName).toBe(county!.departmentName);

    await signInAs(database, "admin");
    const immunisation = await objectiveId("免疫规划项目");
    const [live] = await database.db
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.objectiveId, immunisation), eq(disclosures.subjectType, "objective"), isNull(disclosures.withdrawnAt)));
    expect(await withdrawDisclosure({ disclosureId: live.id, version: live.version, reason: "数据更正" })).toMatchObject({ ok: true });
    pack = await packAs("observer", 2027);
    expect(pack.disclosedObjectives.map((o) => o.title)).not.toContain("免疫规划项目");
    expect(pack.totals.all).toEqual({ objectives: 2, budget: "158800000.00", results: 0 });
    expect(pack.totals.byDepartment.map((d) => d.departmentName)).not.toContain("广东省卫生健康委员会");
  });

  it("keeps a unit's reader to its own subjects", async () => {
    const pack = await packAs("filer2", 2026);
    expect(pack.disclosedObjectives.map((o) => o.title)).toEqual(["重点传染病防控项目"]);
    expect((await packAs("filer", 2026)).disclosedObjectives).toEqual([]);
  });

  it("the workbook: the disclosed objectives with a total row, and the totals sheets, amounts exact in 元 and 万元", async () => {
    const wb = await workbookOf("observer", 2027);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["重点项目绩效目标", "重点评价结果", "公开绩效目标", "公开评价结果", "按部门汇总", "按等级汇总"]);
    const objectivesSheet = wb.getWorksheet("公开绩效目标")!;
    expect(objectivesSheet.getRow(2).values).toEqual([undefined, "序号", "项目名称", "主管部门", "实施单位", "预算（元）", "预算（万元）"]);
    const total = objectivesSheet.getRow(objectivesSheet.rowCount);
    expect(total.getCell(1).value).toBe("合计");
    expect(total.getCell(5).value).toBe(158800000);
    expect(total.getCell(6).value).toBe(15880);
    expect(objectivesSheet.getColumn(6).numFmt).toBe("#,##0.00####");
    // The key objectives in 万元: exact numbers shown with separators (no 元 text without them).
    const withKey = new ExcelJS.Workbook();
    await withKey.xlsx.load((await congressWorkbook({ ...(await packAs("observer", 2027)), keyObjectives: [{ id: 1, title: "重点项目", ownerName: "单位", amount: "12345678.01" }] })) as unknown as ExcelJS.Buffer);
    const keySheet = withKey.getWorksheet("重点项目绩效目标")!;
    expect(keySheet.getRow(2).values).toEqual([undefined, "序号", "项目名称", "单位", "金额（万元）"]);
    expect(keySheet.getRow(3).getCell(4).value).toBe(1234.567801);
    expect(keySheet.getRow(3).getCell(4).numFmt).toBe("#,##0.00####");
    const byDept = wb.getWorksheet("按部门汇总")!;
    expect(byDept.getRow(3).values).toEqual([undefined, "广东省交通运输厅", 1, 152000000, 15200, 0]);
    expect(byDept.getRow(byDept.rowCount).values).toEqual([undefined, "合计", 2, 158800000, 15880, 0]);

    const grades = (await workbookOf("observer", 2026)).getWorksheet("按等级汇总")!;
    expect(grades.getRow(2).values).toEqual([undefined, "等级", "自评结果数", "自评预算（万元）", "重点评价数", "重点评价预算（万元）"]);
    expect(grades.getRow(4).values).toEqual([undefined, "良", 1, 3200, 0, 0]);
  });
});
