import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import { disclosures, objectiveIndicators, objectives } from "@/db/schema";
import { detailWorkbook } from "@/lib/disclosure/excel";
import { publicDetail } from "@/lib/disclosure/public";
import { translator } from "@/lib/i18n";
import { GET as exportDetail } from "@/app/(public)/portal/objectives/[id]/export/route";
import { GET as exportDeclaration } from "@/app/api/objectives/[id]/export/route";
import { createTestDatabase } from "../helpers/db";
import { actAsSession, signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

/** Column letters → number ("A" → 1). */
const colNo = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
/** "A9:A10" → { top: 9, left: 1, bottom: 10, right: 1 }. */
function range(ref: string) {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  return { top: Number(m[2]), left: colNo(m[1]), bottom: Number(m[4]), right: colNo(m[3]) };
}

async function open(bytes: ArrayBuffer | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const text = (r: number, c: number) => {
    const v = ws.getCell(r, c).value;
    return v == null ? "" : String(v);
  };
  const merges = (ws.model as unknown as { merges: string[] }).merges.map(range);
  return { ws, text, merges };
}

/** The disclosed 普通国省道路面养护工程, its indicators rewritten as if typed in a scrambled order. */
async function scrambledRoad() {
  const db = database.db;
  const [d] = await db.select().from(disclosures).where(and(eq(disclosures.title, "普通国省道路面养护工程"), isNull(disclosures.withdrawnAt), eq(disclosures.subjectType, "objective")));
  const rows = await db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, d.versionId!)).orderBy(asc(objectiveIndicators.ordinal));
  // 满意度 first, then 时效, 可持续影响, 质量, 数量 … and a second 数量 indicator typed last.
  const order = ["satisfaction", "timeliness", "sustainable", "quality", "quantity"];
  for (const r of rows) await db.update(objectiveIndicators).set({ ordinal: order.indexOf(r.level2) }).where(eq(objectiveIndicators.id, r.id));
  const quantity = rows.find((r) => r.level2 === "quantity")!;
  await db.insert(objectiveIndicators).values({ ...quantity, id: undefined, ordinal: 9, name: "桥梁加固座数", annualTarget: "12", periodTarget: "12", unit: "座" });
  return d.id;
}

describe("the public Excel export of a 绩效目标表, opened as a spreadsheet", () => {
  it("writes every indicator in its own row with target and unit, each merge covering exactly its group's rows", async () => {
    const id = await scrambledRoad();
    const detail = await publicDetail(database.db, id);
    expect(detail).not.toBeNull();
    const { ws, text, merges } = await open(await detailWorkbook(detail!, translator("zh")));

    // The header rows of the published format.
    const labelRow = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (text(r, 1) === label) return r;
      throw new Error(`no row ${label}`);
    };
    expect(text(1, 1)).toBe("2027年度项目支出绩效目标表");
    expect(text(2, 1)).toBe("广东省 · 公开日期 2026-11-25");
    expect(text(labelRow("项目名称"), 2)).toBe("普通国省道路面养护工程");
    const fin = labelRow("省级财政部门");
    expect([text(fin, 2), text(fin, 4), text(fin, 5)]).toEqual(["广东省财政厅", "省级主管部门", "广东省交通运输厅"]);
    expect(text(labelRow("实施单位"), 2)).toBe("广东省公路事务中心");
    const funds = labelRow("资金情况（万元）");
    expect(text(funds, 2)).toBe("此次安排金额");
    expect(ws.getCell(funds, 4).value).toBe(15200);
    expect(ws.getCell(funds, 4).numFmt).toBe("#,##0.00");
    expect(text(labelRow("年度目标"), 2)).toMatch(/^完成普通国省道路面养护里程1200公里/);

    // The indicator table: rows right under the two heading rows, in the framework's order.
    const head = labelRow("一级指标");
    const first = head + 2;
    const expected = [
      ["产出指标", "数量指标", "公路安全生命防护工程实施里程", "≥1200", "≥1200", "公里"],
      ["", "", "桥梁加固座数", "≥12", "≥12", "座"],
      ["", "质量指标", "农村公路优良中等路率", "≥85", "≥85", "%"],
      ["", "时效指标", "项目按期交工率", "≥100", "≥100", "%"],
      ["效益指标", "可持续影响指标", "农村公路列养率", "≥100", "≥100", "%"],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90", "≥90", "%"],
    ];
    const got = expected.map((_, i) => [1, 2, 3, 4, 5, 6].map((c) => {
      const master = merges.find((m) => m.top < first + i && m.bottom >= first + i && m.left === c && m.right === c);
      return master ? "" : text(first + i, c);
    }));
    expect(got).toEqual(expected);
    expect(ws.rowCount).toBe(first + expected.length - 1); // nothing below the last indicator

    // Merges in the indicator area: exactly the 一级 and 二级 groups of more than one row.
    const inTable = merges.filter((m) => m.top >= first).map((m) => [m.left, m.top - first, m.bottom - first]);
    expect(inTable.sort()).toEqual(
      [
        [1, 0, 3], // 产出指标 over its four rows
        [2, 0, 1], // 数量指标 over its two rows
      ].sort(),
    );
    // No merge anywhere holds a value outside its top-left cell.
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const v = ws.getCell(r, c).value;
          expect(v === null || v === undefined || v === ws.getCell(m.top, m.left).value, `cell ${r},${c} inside ${JSON.stringify(m)}`).toBe(true);
        }
      }
    }
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1 });
  });

  it("the download a visitor gets is that workbook", async () => {
    const [d] = await database.db.select({ id: disclosures.id }).from(disclosures).where(and(eq(disclosures.title, "免疫规划项目"), isNull(disclosures.withdrawnAt)));
    const res = await exportDetail(new Request("http://x"), { params: Promise.resolve({ id: String(d.id) }) });
    expect(res.status).toBe(200);
    const { ws, text, merges } = await open(await res.arrayBuffer());
    let head = 0;
    for (let r = ws.rowCount; r >= 1; r--) if (text(r, 1) === "一级指标") head = r; // the first (exceljs reads a merge's value in each of its cells)
    const first = head + 2;
    const names = [];
    for (let r = first; r <= ws.rowCount; r++) names.push(text(r, 3));
    expect(names.every((n) => n.length > 0)).toBe(true); // no empty row among the indicators
    const output = merges.find((m) => m.left === 1 && m.top === first);
    expect(text(first, 1)).toBe("产出指标");
    // 产出指标 spans exactly its rows: the next row's 一级 cell is another class or inside the merge.
    const outputRows = output ? output.bottom - output.top + 1 : 1;
    expect(text(first + outputRows, 1)).not.toBe("");
    expect(text(first + outputRows, 1)).not.toBe("产出指标");
  });
});

describe("the signed-in export of a 绩效目标申报表", () => {
  const get = (id: number) => exportDeclaration(new Request(`http://x/api/objectives/${id}/export`), { params: Promise.resolve({ id: String(id) }) });

  it("is the same grid as the page, for readers in scope only", async () => {
    const [o] = await database.db.select({ id: objectives.id }).from(objectives).where(eq(objectives.title, "普通国省道路面养护专项"));
    actAsSession(null);
    expect((await get(o.id)).status).toBe(401);
    await signInAs(database, "filer2"); // the health unit: not its objective
    expect((await get(o.id)).status).toBe(404);
    await signInAs(database, "filer");
    const res = await get(o.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const { ws, text, merges } = await open(await res.arrayBuffer());
    let head = 0;
    let funds = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (text(r, 1) === "一级指标" && !head) head = r;
      if (text(r, 1) === "资金情况（万元）" && !funds) funds = r; // (exceljs reads a merge's value in each of its cells)
    }
    expect(text(funds, 2)).toBe("申报金额");
    expect(ws.getCell(funds, 5).value).toBe(5200);
    expect([9, 10].map((c) => text(head, c))).toEqual(["", ""]); // eight columns, no more
    expect(text(head, 7)).toBe("分值");
    const first = head + 2;
    const l1 = [];
    const covered = (r: number) => merges.some((m) => m.left === 1 && m.top < r && m.bottom >= r);
    for (let r = first; r <= ws.rowCount; r++) l1.push([covered(r) ? "" : text(r, 1), text(r, 3), text(r, 7)]);
    expect(l1).toEqual([
      ["产出指标", expect.any(String), "30"],
      ["", expect.any(String), "20"],
      ["", expect.any(String), "10"],
      ["效益指标", expect.any(String), "30"],
      ["满意度指标", expect.any(String), "10"],
    ]);
    expect(merges.filter((m) => m.top >= first && m.left === 1).map((m) => [m.top - first, m.bottom - first])).toEqual([[0, 2]]);
  });
});
