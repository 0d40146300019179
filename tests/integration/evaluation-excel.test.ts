import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { objectives, selfEvaluations } from "@/db/schema";
import { importSelfEvaluationActuals } from "@/lib/actions/evaluation/import-actuals";
import { uploadSelfEvaluationEvidence } from "@/lib/actions/evaluation/upload-evidence";
import { evidenceOf } from "@/lib/evaluation/queries";
import { actualsWorkbook } from "@/lib/evaluation/excel";
import { actualsOf, indicatorsOf } from "@/lib/evaluation/self-evaluation";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function trunkRoad() {
  const [row] = await database.db.select({ se: selfEvaluations }).from(selfEvaluations).innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId)).where(eq(objectives.title, "普通国省道改造"));
  return row.se;
}
const xlsx = (buf: Buffer, name = "自评表.xlsx") => new File([new Uint8Array(buf)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

describe("self-evaluation through the Excel template", () => {
  it("the exported template, filled offline and imported, updates the values and the score", async () => {
    const se = await trunkRoad();
    const indicators = await indicatorsOf(database.db, se.versionId);
    const template = await actualsWorkbook("普通国省道改造", indicators, actualsOf(se));

    // Fill it as a filer would in Excel: 工程量完成率 100, 比重 92, 定性 部分达成 75%.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("单位自评表")!;
    expect(ws.getRow(3).getCell(4).value).toBe("公路通车里程达标");
    ws.getRow(3).getCell(9).value = "部分达成并具有一定效果";
    ws.getRow(3).getCell(10).value = 75;
    ws.getRow(4).getCell(8).value = 100;
    ws.getRow(7).getCell(8).value = "92%";
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    await signInAs(database, "filer");
    const result = await importSelfEvaluationActuals({ selfEvaluationId: se.id, version: se.version, file: xlsx(filled) });
    // Execution 9.40; output 56.25: 14.07 × 75% = 10.55, 14.06 × 3 = 42.18; benefit 33.75 (92 ≥ 90). Total 95.88.
    expect(result).toMatchObject({ ok: true, data: { total: "95.88", grade: "excellent" } });
    const after = await trunkRoad();
    expect(actualsOf(after).find((a) => a.ordinal === 1)).toMatchObject({ band: "partial", percent: "75" });
    expect(actualsOf(after).find((a) => a.ordinal === 5)).toMatchObject({ actual: "92%" });
    // The deviation analyses typed earlier came back from the template unchanged.
    expect(actualsOf(after).find((a) => a.ordinal === 2)?.deviation).toContain("征地拆迁");
  });

  it("refuses a file that is not the template, and a value that is not a number, naming the cell's row", async () => {
    await signInAs(database, "filer");
    let se = await trunkRoad();
    const notXlsx = await importSelfEvaluationActuals({ selfEvaluationId: se.id, version: se.version, file: xlsx(Buffer.from("PK\u0003\u0004 not really")) });
    expect(notXlsx).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!notXlsx.ok && notXlsx.fieldErrors?.file?.[0]).toContain("Excel");

    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1").addRow(["a", "b"]);
    const wrong = await importSelfEvaluationActuals({ selfEvaluationId: se.id, version: se.version, file: xlsx(Buffer.from(await other.xlsx.writeBuffer())) });
    expect(!wrong.ok && wrong.fieldErrors?.file?.[0]).toContain("自评表");

    se = await trunkRoad();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await actualsWorkbook("x", await indicatorsOf(database.db, se.versionId), actualsOf(se))) as unknown as ExcelJS.Buffer);
    wb.getWorksheet("单位自评表")!.getRow(4).getCell(8).value = "基本完成";
    const bad = await importSelfEvaluationActuals({ selfEvaluationId: se.id, version: se.version, file: xlsx(Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(!bad.ok && bad.fieldErrors?.["actuals.2.actual"]?.[0]).toContain("数值");
    expect((await trunkRoad()).version).toBe(se.version);

    // Another unit's filer cannot import into it.
    await signInAs(database, "filer2");
    expect(await importSelfEvaluationActuals({ selfEvaluationId: se.id, version: se.version, file: xlsx(Buffer.from(await wb.xlsx.writeBuffer())) })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("evidence files per indicator: checked by content, kept with the indicator, out of reach for other units", async () => {
    const se = await trunkRoad();
    await signInAs(database, "filer");
    const fake = new File([new TextEncoder().encode("MZ not a pdf")], "验收报告.pdf", { type: "application/pdf" });
    const refused = await uploadSelfEvaluationEvidence({ selfEvaluationId: se.id, ordinal: 2, file: fake });
    expect(!refused.ok && refused.fieldErrors?.file?.[0]).toContain("仅支持");
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 交工验收报告")], "交工验收报告.pdf", { type: "application/pdf" });
    expect(await uploadSelfEvaluationEvidence({ selfEvaluationId: se.id, ordinal: 2, file: pdf })).toMatchObject({ ok: true });
    expect(await uploadSelfEvaluationEvidence({ selfEvaluationId: se.id, ordinal: 99, file: pdf })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await evidenceOf(database.db, se.id)).toEqual([expect.objectContaining({ ordinal: 2, filename: "交工验收报告.pdf" })]);
    await signInAs(database, "filer2");
    expect(await uploadSelfEvaluationEvidence({ selfEvaluationId: se.id, ordinal: 2, file: pdf })).toMatchObject({ ok: false, code: "not_found" });
  });
});
