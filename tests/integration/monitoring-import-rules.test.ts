import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { monitoringReportIndicators, monitoringReports, objectives } from "@/db/schema";
import { applyReportImport } from "@/lib/actions/monitoring/apply-report-import";
import { openMonitoringPeriod } from "@/lib/actions/monitoring/open-period";
import { previewReportImport } from "@/lib/actions/monitoring/preview-report-import";
import { saveMonitoringReport } from "@/lib/actions/monitoring/save-report";
import { submitMonitoringReport } from "@/lib/actions/monitoring/submit-report";
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

/** The exported template (rows 10–13 are the four indicators), with the executed amount as exported and these rows' D–H. */
async function filled(rows: (string | null)[][]): Promise<File> {
  const actor = (await getActor())!;
  const buffer = await writeReportTemplate(await templateOf(database.db, actor, "project.read", reportId));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("监控表")!;
  rows.forEach((v, i) => v.forEach((x, j) => (ws.getRow(10 + i).getCell(4 + j).value = x)));
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return new File([new Uint8Array(out)], "监控表.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

const AT_RISK_NO_REASON = [
  ["60", "110", "不能完成", null, null],
  ["89", "91", "能完成", null, null],
  ["0", "0", "能完成", null, null],
  ["部分路段通车", "达成", "达成", null, null],
];

describe("the monitoring import validates exactly as the screen does", () => {
  it("a target at risk without 偏差原因/纠偏措施: the screen's submission refuses it, the import preview shows it on the row and the import refuses it", async () => {
    await signInAs(database, "filer");
    const before = await report();

    // The screen: the same figures saved as a draft, then submitted → refused on 偏差原因 and 纠偏措施.
    const saved = await saveMonitoringReport({
      reportId,
      version: before.version,
      executedAmount: "19200000.00",
      lines: AT_RISK_NO_REASON.map((v, i) => ({ ordinal: i + 1, valueReached: v[0], expectedValue: v[1], judgement: i === 0 ? "not_met" : "met" })),
    });
    expect(saved.ok).toBe(true);
    const screen = await submitMonitoringReport({ reportId, version: before.version + 1 });
    expect(screen.ok).toBe(false);
    const screenReason = !screen.ok ? screen.fieldErrors?.["lines.1.deviationReason"]?.[0] : undefined;
    expect(screenReason).toContain("须说明偏差原因");
    expect(!screen.ok && screen.fieldErrors?.["lines.1.correctiveMeasure"]?.[0]).toContain("纠偏措施");

    // The import of the same figures: each refusal on its own cell of row 10, nothing else on the other rows.
    const current = await report();
    const preview = await previewReportImport({ reportId, version: current.version, file: await filled(AT_RISK_NO_REASON) });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const onRows = preview.data.errors.filter((e) => /^[A-H]1[0-3]$/.test(e.cell));
    expect(onRows.map((e) => e.cell).sort()).toEqual(["G10", "H10"]);
    expect(onRows.find((e) => e.cell === "G10")!.message).toContain(screenReason!.split(" / ")[0]);

    // Applying it is refused whole: the report keeps its version and its (empty) reasons.
    const applied = await applyReportImport({ reportId, version: current.version, file: await filled(AT_RISK_NO_REASON) });
    expect(applied).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await report()).version).toBe(current.version);

    // With the reason and the measure, the rows pass, as on the screen.
    const fixed = AT_RISK_NO_REASON.map((r, i) => (i === 0 ? [r[0], r[1], r[2], "征地拆迁滞后", "倒排工期"] : r));
    const ok = await previewReportImport({ reportId, version: current.version, file: await filled(fixed) });
    expect(ok.ok && ok.data.errors.filter((e) => /^[A-H]1[0-3]$/.test(e.cell))).toEqual([]);
    const done = await applyReportImport({ reportId, version: current.version, file: await filled(fixed) });
    expect(done).toMatchObject({ ok: true });
    const [line1] = await database.db
      .select()
      .from(monitoringReportIndicators)
      .where(and(eq(monitoringReportIndicators.reportId, reportId), eq(monitoringReportIndicators.ordinal, 1)));
    expect(line1).toMatchObject({ judgement: "not_met", deviationReason: "征地拆迁滞后", correctiveMeasure: "倒排工期" });
  });

  it("a row the screen's line schema refuses (a value longer than 200 characters) is refused on its cell", async () => {
    await signInAs(database, "filer");
    const r = await report();
    const long = "很".repeat(201);
    const preview = await previewReportImport({ reportId, version: r.version, file: await filled([[long, "110", "能完成", null, null]]) });
    expect(preview.ok && preview.data.errors).toContainEqual(expect.objectContaining({ cell: "D10", message: expect.stringContaining("200") }));
  });
});
