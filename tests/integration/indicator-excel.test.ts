import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { indicators } from "@/db/schema";
import { GET as exportRoute } from "@/app/api/indicators/export/route";
import { applyImport } from "@/lib/actions/indicator/apply-import";
import { editCommonIndicator } from "@/lib/actions/indicator/edit-common";
import { previewImport } from "@/lib/actions/indicator/preview-import";
import { COLUMNS, fieldsOf, readRow, toCells, type Cells } from "@/lib/indicator/excel-columns";
import { checkZip, exportWorkbook, parseWorkbook } from "@/lib/indicator/excel";
import { exportPages, planImport } from "@/lib/indicator/import-plan";
import { listIndicators } from "@/lib/indicator/queries";
import { translator } from "@/lib/i18n";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { actAsSession, signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const XLSX = "指标库.xlsx";
const LABELS = COLUMNS.map((c) => c.label);

const currentRows = () => database.db.select().from(indicators).where(eq(indicators.isCurrent, true)).orderBy(asc(indicators.code));
const current = async (code: string) => (await database.db.select().from(indicators).where(and(eq(indicators.code, code), eq(indicators.isCurrent, true))))[0];

/** Everything an import could change: rows, versions, statuses, names, and the import's audit rows. */
async function snapshot() {
  const [bank] = await queryRows<{ rows: number; versions: number; retired: number; digest: string }>(
    database.db,
    sql`select count(*)::int as rows, sum(version)::int as versions, count(*) filter (where status = 'retired')::int as retired,
               md5(string_agg(code || ':' || version || ':' || name || ':' || status || ':' || is_current, ',' order by code, version)) as digest
        from indicators`,
  );
  const [audit] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where action like 'indicator.import.%'`);
  return { ...bank, imports: Number(audit.n) };
}

/** A workbook built the way a user's Excel would hand it over: one sheet, a header row, data rows. */
async function workbook(rows: unknown[][], opts: { sheet?: string; header?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? "指标库");
  ws.addRow(opts.header ?? LABELS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
const line = (cells: Cells) => COLUMNS.map((c) => cells[c.key]);

function form(data: Buffer | string, name = XLSX, expected?: string) {
  const fd = new FormData();
  fd.set("file", new File([typeof data === "string" ? data : new Uint8Array(data)], name));
  if (expected !== undefined) fd.set("expected", expected);
  return fd;
}

async function preview(data: Buffer | string, name = XLSX) {
  const res = await previewImport(form(data, name));
  if (!res.ok) throw new Error(`preview refused: ${JSON.stringify(res)}`);
  return res.data;
}

describe("export", () => {
  it("round-trips: the exported file parses back to the same rows, and importing it changes nothing", async () => {
    const rows = await currentRows();
    expect(rows.length).toBeGreaterThan(400);
    const buffer = await exportWorkbook(rows);
    const parsed = await parseWorkbook(buffer);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => r.cells)).toEqual(rows.map(toCells));
    expect(parsed.rows[0].row).toBe(2);
    for (const [i, r] of parsed.rows.entries()) {
      const read = readRow(r);
      // The seed keeps a few dimensionless quantitative indicators (系数) without a unit, which the
      // forms' rules no longer allow: such a row reads back the same, and is "unchanged", not refused.
      const broken = rows[i].comparison !== "qualitative" && !rows[i].unit;
      expect(read.ok).toBe(!broken);
      expect(read.ok ? read.value.fields : read.candidate?.fields).toEqual(fieldsOf(rows[i]));
    }
    const plan = await planImport(database.db, parsed.rows);
    expect(plan).toMatchObject({ added: [], changed: [], retired: [], errors: [], unchanged: rows.length });

    // The template itself: frozen bold header, widths, the instructions sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指标库", "填写说明"]);
    const sheet = wb.getWorksheet("指标库")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LABELS);
  });

  it("pages through the bank 2,000 (here: 50) rows at a time, each row once", async () => {
    const pages = [];
    for await (const page of exportPages(database.db, {}, { pageSize: 50 })) pages.push(page);
    const all = pages.flat();
    expect(pages.length).toBeGreaterThan(5);
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    expect(all.length).toBe((await currentRows()).length);
    let capped = 0;
    for await (const page of exportPages(database.db, {}, { pageSize: 50, cap: 120 })) capped += page.length;
    expect(capped).toBe(120);
  });

  it("the download route streams the filtered list as 指标库.xlsx to readers, and refuses others", async () => {
    await signInAs(database, "filer");
    const res = await exportRoute(new Request("http://localhost/api/indicators/export?sector=%E4%BA%A4%E9%80%9A%E8%BF%90%E8%BE%93&level1=nonsense&status=active"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("filename*=UTF-8''%E6%8C%87%E6%A0%87%E5%BA%93.xlsx");
    const parsed = await parseWorkbook(Buffer.from(await res.arrayBuffer()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const expected = await listIndicators(database.db, { sector: "交通运输", status: "active", pageSize: 100 });
    expect(parsed.rows.length).toBe(expected.total);
    expect(parsed.rows.every((r) => r.cells.sector === "交通运输" && r.cells.status === "启用")).toBe(true);

    await signInAs(database, "evaluator");
    expect((await exportRoute(new Request("http://localhost/api/indicators/export"))).status).toBe(403);
    actAsSession(null);
    expect((await exportRoute(new Request("http://localhost/api/indicators/export"))).status).toBe(401);
  });
});

describe("import", () => {
  it("a good file: preview shows exactly one change, one new and one retirement; applying writes them, versioned and audited", async () => {
    await signInAs(database, "admin");
    const rows = await currentRows();
    const cells = rows.map(toCells);
    const changed = cells.find((c) => c.code === "GX-SL-001")!;
    changed.name = "政府采购预算执行率";
    changed.referenceStandard = "98.5";
    const retired = cells.find((c) => c.code === "JT-SL-005")!;
    retired.status = "停用";
    const added: Cells = {
      ...Object.fromEntries(COLUMNS.map((c) => [c.key, ""])),
      name: "绩效目标公开率",
      level1: "产出指标",
      level2: "时效指标",
      kind: "共性",
      unit: "%",
      comparison: "≥",
      formula: "已公开绩效目标的项目数/应公开项目数×100%",
      referenceStandard: "100",
      subjectKinds: "项目、部门整体",
    } as Cells;
    const file = await workbook([...cells.map(line), line(added)]);
    const before = await snapshot();

    const plan = await preview(file);
    expect(plan.counts).toEqual({ added: 1, changed: 1, retired: 1, unchanged: rows.length - 2, errors: 0, rows: rows.length + 1 });
    expect(plan.changed).toEqual([
      expect.objectContaining({
        code: "GX-SL-001",
        baseVersion: 1,
        changedFields: ["name", "referenceStandard"],
        before: expect.objectContaining({ name: "政府采购执行率", referenceStandard: "100" }),
        after: expect.objectContaining({ name: "政府采购预算执行率", referenceStandard: "98.5" }),
      }),
    ]);
    expect(plan.retired).toEqual([expect.objectContaining({ code: "JT-SL-005", baseVersion: 1, changedFields: [] })]);
    expect(plan.added).toEqual([expect.objectContaining({ row: rows.length + 2, kind: "common", sector: null, cells: expect.objectContaining({ name: "绩效目标公开率", level2: "时效指标" }) })]);
    expect(plan.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await snapshot()).toEqual(before); // a preview writes nothing

    const res = await applyImport(form(file, XLSX, plan.hash));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ changed: 1, retired: 1, added: [{ name: "绩效目标公开率" }] });
    const newCode = res.data.added[0].code;
    expect(newCode).toMatch(/^GX-SX-\d{3}$/);

    expect(await current("GX-SL-001")).toMatchObject({ version: 2, name: "政府采购预算执行率", status: "active", referenceValues: expect.objectContaining({ standard: "98.5" }) });
    expect(await current("JT-SL-005")).toMatchObject({ version: 2, status: "retired", name: retired.name });
    const finance = await orgByCode(database, "440000-CZ");
    expect(await current(newCode)).toMatchObject({ version: 1, kind: "common", sector: null, ownerOrgId: finance.id, unit: "%", comparison: "gte", subjectKinds: "project,department" });
    const after = await snapshot();
    expect(after.rows).toBe(before.rows + 3);
    expect(after.imports).toBe(before.imports + 3);
    const audits = await queryRows<{ action: string; object_id: string }>(database.db, sql`select action, object_id from audit_log where action like 'indicator.import.%' order by id`);
    expect(audits).toEqual([
      { action: "indicator.import.create", object_id: newCode },
      { action: "indicator.import.edit", object_id: "GX-SL-001" },
      { action: "indicator.import.retire", object_id: "JT-SL-005" },
    ]);

    // The bank shows them.
    expect((await listIndicators(database.db, { q: "政府采购预算执行率" })).rows.map((r) => r.i.code)).toEqual(["GX-SL-001"]);
    expect((await listIndicators(database.db, { q: "绩效目标公开率" })).rows.map((r) => r.i.code)).toEqual([newCode]);
    expect((await listIndicators(database.db, { status: "retired", sector: "交通运输", pageSize: 100 })).rows.map((r) => r.i.code)).toContain("JT-SL-005");

    // The same file again: the bank has moved on, so the plan the user saw no longer holds.
    expect(await applyImport(form(file, XLSX, plan.hash))).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot()).toEqual(after);
    // Previewing it again names the stale rows (and the new row is now a duplicate).
    const again = await preview(file);
    expect(again.errors.map((e) => [e.row, e.field])).toEqual(
      expect.arrayContaining([
        [cells.findIndex((c) => c.code === "GX-SL-001") + 2, "版本"],
        [rows.length + 2, "指标名称"],
      ]),
    );
  });

  it("a new 个性 row goes to the department that keeps that sector", async () => {
    await signInAs(database, "admin");
    const blank = Object.fromEntries(COLUMNS.map((c) => [c.key, ""])) as Cells;
    const file = await workbook([
      line({ ...blank, name: "农村公路养护工程验收合格率", level1: "产出", level2: "质量指标", kind: "个性", sector: "交通运输", unit: "%", comparison: ">=", referenceStandard: "95" }),
      line({ ...blank, name: "桥梁定期检查覆盖率", level1: "产出指标", level2: "质量指标", kind: "个性", sector: "交通运输", unit: "%", comparison: "≥" }),
      line({ ...blank, name: "基层医疗机构药品配备达标率", level1: "产出指标", level2: "质量指标", kind: "个性", sector: "卫生健康", unit: "%", comparison: "≥" }),
    ]);
    const plan = await preview(file);
    const jt = await orgByCode(database, "440000-JT");
    const wj = await orgByCode(database, "440000-WJ");
    expect(plan.counts).toMatchObject({ added: 3, errors: 0 });
    expect(plan.added.map((a) => [a.sector, a.ownerOrgId])).toEqual([
      ["交通运输", jt.id],
      ["交通运输", jt.id],
      ["卫生健康", wj.id],
    ]);
    const [last] = await queryRows<{ n: number }>(database.db, sql`select max(substring(code from '(\\d+)$')::int)::int as n from indicators where code like 'JT-ZL-%'`);
    const res = await applyImport(form(file, XLSX, plan.hash));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    // The codes newIndicator would have given them one after the other.
    const n = Number(last.n);
    expect(res.data.added.map((a) => a.code)).toEqual([`JT-ZL-${String(n + 1).padStart(3, "0")}`, `JT-ZL-${String(n + 2).padStart(3, "0")}`, expect.stringMatching(/^WJ-ZL-\d{3}$/)]);
    const code = res.data.added[0].code;
    expect(await current(code)).toMatchObject({ kind: "sector", sector: "交通运输", ownerOrgId: jt.id, level1: "output", level2: "quality", comparison: "gte", version: 1 });
    expect(await current(res.data.added[2].code)).toMatchObject({ sector: "卫生健康", ownerOrgId: wj.id });
  });

  it("a bad row: the preview names its row and column; applying refuses and nothing changes", async () => {
    await signInAs(database, "admin");
    const cells = (await currentRows()).map(toCells);
    const bad = cells.findIndex((c) => c.code === "WJ-SL-003");
    cells[bad].comparison = "大于";
    cells.find((c) => c.code === "GX-SL-002")!.name = "目标人群覆盖比例"; // a good change in the same file
    const file = await workbook(cells.map(line));
    const before = await snapshot();

    const plan = await preview(file);
    expect(plan.counts).toMatchObject({ errors: 1, changed: 1 });
    expect(plan.errors).toEqual([{ row: bad + 2, column: "comparison", field: "指标方向", message: expect.stringContaining("大于") }]);
    const res = await applyImport(form(file, XLSX, plan.hash));
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await snapshot()).toEqual(before);
    expect(await current("GX-SL-002")).toMatchObject({ version: 1, name: "目标人群覆盖率" });
  });

  it("reports every problem of a row in the reader's language", async () => {
    await signInAs(database, "admin");
    const blank = Object.fromEntries(COLUMNS.map((c) => [c.key, ""])) as Cells;
    const file = await workbook([
      line({ ...blank, name: "X", level1: "效益指标", level2: "数量指标", kind: "共性", comparison: "≥", referencePlan: "很多" }),
      line({ ...blank, code: "NO-SUCH-001", name: "不存在的指标", level1: "产出指标", level2: "数量指标", kind: "共性", unit: "个", comparison: "≥", version: "1" }),
    ]);
    const plan = await preview(file);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "指标名称"],
      [2, "二级指标"],
      [2, "计量单位"],
      [2, "计划值"],
      [3, "编码"],
    ]);
    expect(plan.errors.every((e) => !e.message.includes(" / "))).toBe(true);
  });
});

describe("files that cannot be imported", () => {
  async function refused(data: Buffer | string, message: RegExp, name = XLSX) {
    await signInAs(database, "admin");
    const before = await snapshot();
    for (const res of [await previewImport(form(data, name)), await applyImport(form(data, name, "0".repeat(64)))]) {
      expect(res).toMatchObject({ ok: false, code: "invalid_input" });
      if (res.ok) return;
      expect(res.fieldErrors?.file?.join(" ")).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  }

  it("not a spreadsheet: a text file named .xlsx", () => refused("编码,指标名称\nGX-SL-001,政府采购执行率\n", /不是 Excel/));
  it("not an .xlsx name", async () => refused(await workbook([]), /\.xlsx/, "指标库.xls"));
  it("a zip that is no workbook", async () => {
    await refused(zip([{ name: "hello.txt", data: Buffer.from("你好") }]), /不是有效的 Excel/);
  });
  it("wrong columns", async () => {
    const header = [...LABELS.filter((l) => l !== "版本"), "备注"];
    await refused(await workbook([header.map(() => "x")], { header }), /表头与导入模板不符.*缺少列：版本.*无法识别的列：备注/);
  });
  it("a formula in a cell", async () => {
    const cells = toCells((await currentRows())[0]);
    const row: unknown[] = line(cells);
    row[12] = { formula: "90+10", result: 100 };
    await refused(await workbook([row]), /单元格 M2 含有公式/);
  });
  it("larger than 10 MB", () => refused(Buffer.alloc(10 * 1024 * 1024 + 1, 0x50), /不能超过 10 MB/));
  it("empty: a header and no rows, or no bytes at all", async () => {
    await refused(await workbook([]), /没有可导入的数据行/);
    await refused(await workbook([], { header: [] }), /没有可导入的数据行/);
    await refused(Buffer.alloc(0), /文件为空/);
  });
  it("more than 20,000 rows", async () => {
    const cells = toCells((await currentRows())[0]);
    await refused(await workbook(Array.from({ length: 20_001 }, () => line(cells))), /超过 20000 行/);
  });
  it("a zip bomb: refused by what it inflates to, whatever it declares", async () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(130 * 1024 * 1024, 0x20), declare: 1000 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused(bomb, /解压后过大/);
    expect(translator("zh")(checkZip(await exportWorkbook(await currentRows()), 10_000) as never)).toMatch(/解压后过大/);
  });
});

describe("races and roles", () => {
  it("a stale plan hash is a conflict, and so is a bank changed after the preview", async () => {
    await signInAs(database, "admin");
    const cells = (await currentRows()).map(toCells);
    const target = cells.find((c) => c.code === "GX-SL-003")!;
    const base = await current("GX-SL-003");
    target.name = "培训总人次";
    const file = await workbook(cells.map(line));
    const before = await snapshot();
    expect(await applyImport(form(file, XLSX, "0".repeat(64)))).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot()).toEqual(before);

    const plan = await preview(file);
    expect(plan.counts).toMatchObject({ changed: 1, errors: 0 });
    const edited = await editCommonIndicator({ code: "GX-SL-003", baseVersion: base.version, fields: { ...fieldsOf(base), explanation: "另一位财政用户的修改" } });
    expect(edited.ok).toBe(true);
    const between = await snapshot();
    expect(await applyImport(form(file, XLSX, plan.hash))).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot()).toEqual(between);
    expect(await current("GX-SL-003")).toMatchObject({ name: base.name, explanation: "另一位财政用户的修改" });
  });

  it("department reviewers and unit filers may not import", async () => {
    const file = await workbook([line(toCells((await currentRows())[0]))]);
    const before = await snapshot();
    for (const user of ["dept", "filer", "reviewer"]) {
      await signInAs(database, user);
      expect(await previewImport(form(file))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await applyImport(form(file, XLSX, "0".repeat(64)))).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await snapshot()).toEqual(before);
  });
});

/** A minimal zip writer (deflate), to build archives the spreadsheet library would not: a bomb, a non-workbook. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
