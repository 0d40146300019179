import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { and, asc, eq } from "drizzle-orm";
import { monitoringReportIndicators, monitoringReports, objectives } from "@/db/schema";
import { applyReportImport } from "@/lib/actions/monitoring/apply-report-import";
import { openMonitoringPeriod } from "@/lib/actions/monitoring/open-period";
import { previewReportImport } from "@/lib/actions/monitoring/preview-report-import";
import { getActor } from "@/lib/auth/current-user";
import { writeReportTemplate } from "@/lib/monitoring/excel";
import { templateOf } from "@/lib/monitoring/import";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let reportId = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  await signInAs(database, "reviewer");
  const opened = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 9, deadline: "2027-10-15" });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const [r] = await database.db
    .select({ id: monitoringReports.id })
    .from(monitoringReports)
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .where(and(eq(monitoringReports.periodId, opened.data.periodId), eq(objectives.title, "农村公路危桥改造工程")));
  reportId = r.id;
});
afterAll(() => database.drop());

async function report() {
  const [r] = await database.db.select().from(monitoringReports).where(eq(monitoringReports.id, reportId));
  return r;
}

/** The exported template of the bridge report, filled by `fill`, as an uploaded file. */
async function filled(fill: (ws: ExcelJS.Worksheet) => void, name = "监控表.xlsx"): Promise<File> {
  const actor = (await getActor())!;
  const buffer = await writeReportTemplate(await templateOf(database.db, actor, "project.read", reportId));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  fill(wb.getWorksheet("监控表")!);
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return new File([new Uint8Array(out)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** Rows 10–13 are the four approved indicators in order. B7 is 截至本期执行数 in 万元. */
function fillGood(ws: ExcelJS.Worksheet) {
  ws.getCell("B7").value = "1,920";
  const rows: [string, string, string, string, string][] = [
    ["60", "110", "不能完成", "征地拆迁滞后", "倒排工期"],
    ["89", "91", "能完成", "", ""],
    ["0", "0", "能完成", "", ""],
    ["部分路段通车", "部分达成", "部分达成", "通车晚于计划", "优先完工旅游线路桥梁"],
  ];
  rows.forEach((v, i) => {
    const row = ws.getRow(10 + i);
    v.forEach((x, j) => (row.getCell(4 + j).value = x || null));
  });
}

describe("monitoring report Excel template", () => {
  it("exports the report's indicators; a good file previews every line, then imports all of it as a draft", async () => {
    await signInAs(database, "filer");
    const before = await report();
    const file = await filled(fillGood);
    const preview = await previewReportImport({ reportId, version: before.version, file });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data.errors).toEqual([]);
    expect(preview.data.report.executedAmount).toBe("19200000.00");
    expect(preview.data.report.lines.map((l) => l.judgement)).toEqual(["not_met", "met", "met", "probably"]);
    // Preview writes nothing.
    expect((await report()).version).toBe(before.version);

    const applied = await applyReportImport({ reportId, version: before.version, file: await filled(fillGood) });
    expect(applied).toMatchObject({ ok: true });
    const after = await report();
    expect(after).toMatchObject({ executedAmount: "19200000.00", state: "draft", version: before.version + 1 });
    const lines = await database.db.select().from(monitoringReportIndicators).where(eq(monitoringReportIndicators.reportId, reportId)).orderBy(asc(monitoringReportIndicators.ordinal));
    expect(lines.map((l) => [l.valueReached, l.judgement, l.deviationReason])).toEqual([
      ["60", "not_met", "征地拆迁滞后"],
      ["89", "met", null],
      ["0", "met", null],
      ["部分路段通车", "probably", "通车晚于计划"],
    ]);
  });

  it("a bad file lists every bad cell and imports nothing", async () => {
    await signInAs(database, "filer");
    const before = await report();
    const bad = () =>
      filled((ws) => {
        fillGood(ws);
        ws.getCell("B7").value = "一千万";
        ws.getCell("F11").value = "大概吧";
        ws.getCell("B12").value = "改过名字的指标";
      });
    const preview = await previewReportImport({ reportId, version: before.version, file: await bad() });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data.errors.map((e) => e.cell)).toEqual(expect.arrayContaining(["B7", "F11", "A12"]));
    expect(preview.data.errors.find((e) => e.cell === "F11")!.message).toContain("能完成、有可能完成、不能完成");
    const applied = await applyReportImport({ reportId, version: before.version, file: await bad() });
    expect(applied).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!applied.ok && applied.fieldErrors?.file?.[0]).toContain("整表未导入");
    const after = await report();
    expect(after.version).toBe(before.version);
    expect(after.executedAmount).toBe("19200000.00");
  });

  it("writes its amounts in 万元 and reads them back as the exact 元 stored; an old 元 template or a fraction of a fen is refused", async () => {
    await signInAs(database, "filer");
    const before = await report();
    const actor = (await getActor())!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeReportTemplate(await templateOf(database.db, actor, "project.read", reportId))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("监控表")!;
    expect(ws.getCell("A5").value).toBe("年初预算数（万元）");
    expect(ws.getCell("A7").value).toBe("截至本期执行数（万元）");
    // The budget in 万元, exact: the stored 元 divided by 10 000, nothing rounded.
    expect(new Decimal(String(ws.getCell("B5").value)).times(10_000).eq(before.budget)).toBe(true);
    expect(String(ws.getCell("B7").value)).toBe("1920");

    // An amount a person types in Excel as a number: 1234.567801 万元 is 12345678.01 元 exactly.
    const exact = await previewReportImport({ reportId, version: before.version, file: await filled((w) => { fillGood(w); w.getCell("B7").value = 1234.567801; }) });
    expect(exact.ok && exact.data.errors).toEqual([]);
    expect(exact.ok && exact.data.report.executedAmount).toBe("12345678.01");

    const fen = await previewReportImport({ reportId, version: before.version, file: await filled((w) => { fillGood(w); w.getCell("B7").value = "0.0000001"; }) });
    expect(fen.ok && fen.data.errors.find((e) => e.cell === "B7")?.message).toContain("万元");

    // A template of the old layout (amounts in 元) is not read as 万元: it is not the template.
    const old = await previewReportImport({ reportId, version: before.version, file: await filled((w) => { fillGood(w); w.getCell("A7").value = "截至本期执行数（元）"; w.getCell("B7").value = "19200000.00"; }) });
    expect(!old.ok && old.fieldErrors?.file?.[0]).toContain("模板");
    expect((await report()).version).toBe(before.version);
  });

  it("refuses a file that is not the template, and another unit's report", async () => {
    await signInAs(database, "filer");
    const { version } = await report();
    const text = new File([new TextEncoder().encode("序号,指标\n1,x")], "监控表.xlsx");
    const r1 = await previewReportImport({ reportId, version, file: text });
    expect(!r1.ok && r1.fieldErrors?.file?.[0]).toContain("模板");
    const other = await filled((ws) => {
      ws.getCell("B2").value = "99999";
    });
    const r2 = await previewReportImport({ reportId, version, file: other });
    expect(!r2.ok && r2.fieldErrors?.file?.[0]).toContain("另一张监控表");
    const file = await filled(fillGood);
    await signInAs(database, "filer2");
    expect(await applyReportImport({ reportId, version, file })).toMatchObject({ ok: false, code: "not_found" });
  });
});
