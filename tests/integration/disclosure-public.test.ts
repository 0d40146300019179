import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, max, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { objectives, regions } from "@/db/schema";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { publicListParams } from "@/lib/disclosure/params";
import { publicDepartments, publicDetail, publicFigures, publicList, publicYears } from "@/lib/disclosure/public";
import { GET as exportList } from "@/app/(public)/portal/objectives/export/route";
import { GET as exportDetail } from "@/app/(public)/portal/objectives/[id]/export/route";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let provincePath: string;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  [{ path: provincePath }] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.code, "440000"));
});
afterAll(() => database.drop());

const SCHOOL = "仁化县第一中学校舍维修改造";
const params = (p: Record<string, string> = {}) => publicListParams.parse(p);

async function sheetColumn(res: Response | ArrayBuffer, col = 1): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res instanceof ArrayBuffer ? res : await res.arrayBuffer());
  const out: string[] = [];
  wb.worksheets[0].eachRow((row) => out.push(String(row.getCell(col).value ?? "")));
  return out;
}

/** Where a visitor could meet an objective: every public route. */
async function visibleEverywhere(title: string) {
  const db = database.db;
  const all = await publicList(db, params({ pageSize: "50" }), null);
  const searched = await publicList(db, params({ q: "校舍 维修" }), null);
  const county = await publicList(db, params({ year: "2027" }), provincePath);
  const figures = await publicFigures(db, provincePath, 2027);
  const [{ top }] = await db.select({ top: max(objectives.id) }).from(objectives);
  const details: string[] = [];
  for (let id = 1; id <= (top ?? 0) + 5; id++) {
    const d = await publicDetail(db, id);
    if (d) details.push(d.title);
  }
  const excel = await sheetColumn(await exportList(new Request("http://x/portal/objectives/export?year=2027")));
  const excelSearch = await sheetColumn(await exportList(new Request(`http://x/portal/objectives/export?q=${encodeURIComponent("校舍")}`)));
  return {
    list: all.rows.some((r) => r.title === title),
    search: searched.rows.some((r) => r.title === title),
    regionList: county.rows.some((r) => r.title === title),
    detail: details.includes(title),
    excel: excel.includes(title),
    excelSearch: excelSearch.includes(title),
    total: all.total,
    figures,
  };
}

describe("the public portal reads only live disclosures", () => {
  it("shows the two disclosed demo objectives, with figures of the province and year", async () => {
    const figures = await publicFigures(database.db, provincePath, 2027);
    expect(figures).toMatchObject({ count: 2, amount: "238500000.00", departments: 2 });
    expect(figures.byCategory).toEqual([{ category: "special_fund", amount: "238500000.00", count: 2 }]);
    expect(figures.byDepartment.map((d) => d.name)).toEqual(["广东省交通运输厅", "广东省卫生健康委员会"]);
    // 2026: the health project disclosed with its accepted evaluation result (db/seed-disclosure.ts).
    expect(await publicYears(database.db)).toEqual([2027, 2026]);
    expect((await publicDepartments(database.db, provincePath)).map((d) => d.name).sort()).toEqual(["广东省交通运输厅", "广东省卫生健康委员会"].sort());
  });

  it("an approved but undisclosed objective, and every unapproved one, is absent by every route", async () => {
    const seen = await visibleEverywhere(SCHOOL);
    expect(seen).toMatchObject({ list: false, search: false, regionList: false, detail: false, excel: false, excelSearch: false, total: 3 });
    for (const title of ["传染病监测预警项目", "免疫规划项目"]) {
      const l = await publicList(database.db, params({ q: title }), null);
      expect(l.rows.map((r) => r.title)).toEqual(title === "免疫规划项目" ? [title] : []);
    }
  });

  it("a new disclosure appears at once on every route, with its table as approved", async () => {
    await signInAs(database, "admin");
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, SCHOOL));
    const res = await discloseObjectives({ fiscalYear: 2027, items: [{ objectiveId: school.id }] });
    expect(res.ok).toBe(true);
    const seen = await visibleEverywhere(SCHOOL);
    expect(seen).toMatchObject({ list: true, search: true, regionList: true, detail: true, excel: true, excelSearch: true, total: 4 });
    expect(seen.figures).toMatchObject({ count: 3, amount: "245300000.00", departments: 3 });

    const id = res.ok ? res.data.ids[0] : 0;
    const d = await publicDetail(database.db, id);
    expect(d).toMatchObject({ title: SCHOOL, departmentName: "仁化县教育局", ownerName: "仁化县第一中学", amount: "6800000.00", regionName: "仁化县" });
    expect(d!.content.performance.annualGoal).toContain("12000平方米");
    expect(d!.content.indicatorRows.map((r) => [r.level1, r.level2, r.name, r.annualTarget])).toEqual([
      ["output", "quantity", "新建改扩建校舍面积", "12000"],
      ["output", "quality", "项目管理规范性", "规范"],
      ["output", "timeliness", "项目按期竣工率", "100"],
      ["benefit", "social", "受益人数", "2600"],
      ["satisfaction", "satisfaction", "受益群众满意度", "90"],
    ]);
    // Internal fields stay out of what the portal receives.
    expect(JSON.stringify(d)).not.toMatch(/contactPhone|customReason":"[^n]/);

    // The detail export: the 绩效目标表 with the indicator names and values.
    const xlsx = await exportDetail(new Request("http://x"), { params: Promise.resolve({ id: String(id) }) });
    expect(xlsx.status).toBe(200);
    const bytes = await xlsx.arrayBuffer();
    const names = await sheetColumn(bytes, 3);
    expect(names).toContain("新建改扩建校舍面积");
    const values = await sheetColumn(bytes, 4);
    expect(values).toContain("≥12000");

    // Filters: the county school is found under its region, department and category, not under others.
    const [rh] = await database.db.select().from(regions).where(eq(regions.code, "440224"));
    const [gz] = await database.db.select().from(regions).where(eq(regions.code, "440100"));
    expect((await publicList(database.db, params({ category: "other_development" }), null)).rows.map((r) => r.title)).toEqual([SCHOOL]);
    expect((await publicList(database.db, params({}), rh.path)).rows.map((r) => r.title)).toEqual([SCHOOL]);
    expect((await publicList(database.db, params({}), gz.path)).total).toBe(0);
    expect((await publicFigures(database.db, gz.path, 2027)).count).toBe(0);
  });

  it("withdrawal takes it off every route at once, the export of its table included", async () => {
    await signInAs(database, "admin");
    const rows = await publicList(database.db, params({ q: "校舍" }), null);
    const id = rows.rows[0].id;
    const before = await publicDetail(database.db, id);
    expect(before).not.toBeNull();
    const { disclosures } = await import("@/db/schema");
    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.id, id));
    expect((await withdrawDisclosure({ disclosureId: id, version: row.version, reason: "数据更正" })).ok).toBe(true);
    const seen = await visibleEverywhere(SCHOOL);
    expect(seen).toMatchObject({ list: false, search: false, regionList: false, detail: false, excel: false, excelSearch: false, total: 3 });
    expect(seen.figures).toMatchObject({ count: 2, amount: "238500000.00" });
    const gone = await exportDetail(new Request("http://x"), { params: Promise.resolve({ id: String(id) }) });
    expect(gone.status).toBe(404);
    const junk = await exportDetail(new Request("http://x"), { params: Promise.resolve({ id: "1 or 1=1" }) });
    expect(junk.status).toBe(404);
  });

  it("server pagination and sorting: pages are disjoint and ordered by amount", async () => {
    const p1 = await publicList(database.db, params({ pageSize: "10", sort: "amount", dir: "desc" }), null);
    expect(p1.rows.map((r) => r.amount)).toEqual(["152000000.00", "86500000.00", "32000000.00"]);
    const far = await publicList(database.db, params({ page: "99" }), null);
    expect(far.page).toBe(1);
  });
});

describe("bulk disclosure for generated data", () => {
  it("writes the same rows, bigrams included, as the action", async () => {
    const { bulkDiscloseApproved } = await import("@/lib/disclosure/bulk");
    const { disclosureSearchText } = await import("@/lib/disclosure/disclose");
    const { bigrams } = await import("@/lib/indicator/grams");
    const { disclosures, users } = await import("@/db/schema");
    const [admin] = await database.db.select().from(users).where(eq(users.username, "admin"));
    // Every approved 2027 objective without a live disclosure: the county school (withdrawn
    // above) and whatever other approved objectives the demo holds undisclosed.
    const undisclosed = await database.db
      .select({ id: objectives.id })
      .from(objectives)
      .where(and(eq(objectives.state, "approved"), eq(objectives.fiscalYear, 2027), sql`not exists (select 1 from disclosures d where d.objective_id = ${objectives.id} and d.withdrawn_at is null)`));
    expect(undisclosed.length).toBeGreaterThanOrEqual(1);
    const n = await bulkDiscloseApproved(database.db, { by: admin.id, fiscalYear: 2027 });
    expect(n).toBe(undisclosed.length);
    expect(await bulkDiscloseApproved(database.db, { by: admin.id, fiscalYear: 2027 })).toBe(0); // nothing twice
    const [row] = await database.db.select().from(disclosures).where(eq(disclosures.title, SCHOOL)).orderBy(desc(disclosures.id)).limit(1);
    const [school] = await database.db.select().from(objectives).where(eq(objectives.title, SCHOOL));
    const { objectiveVersions } = await import("@/db/schema");
    const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.id, school.approvedVersionId!));
    const text = disclosureSearchText({ title: SCHOOL, departmentName: "仁化县教育局", ownerName: "仁化县第一中学", overallGoal: v.overallGoal, annualGoal: v.annualGoal });
    expect(row.searchText).toBe(text);
    expect([...row.searchGrams].sort()).toEqual(bigrams(text).sort());
    expect(row).toMatchObject({ amount: "6800000.00", versionId: school.approvedVersionId, withdrawnAt: null, category: "other_development" });
    expect((await publicList(database.db, params({ q: "校舍" }), null)).total).toBe(1);
  });
});
