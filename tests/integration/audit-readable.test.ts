import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, objectives, objectiveVersions } from "@/db/schema";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { setUserRoles } from "@/lib/actions/admin/set-user-roles";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@/lib/audit-actions";
import { writeAuditWorkbook } from "@/lib/audit-export";
import { auditActionLabel, auditDetail, auditObjectLabel, FIELD_REFS } from "@/lib/audit-labels";
import { listAuditLog, nameLookup, objectKey, parseAuditQuery, resolveAuditObjects, type AuditFilters } from "@/lib/audit-query";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { en } from "@/lib/i18n/en";
import { zh } from "@/lib/i18n/zh";
import { createTestDatabase } from "../helpers/db";
import { orgByCode, userByName } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad, trunkRoadIndicators } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function actorOf(username: string): Promise<Actor> {
  const check = await checkSession(database.db, await signInAs(database, username));
  if (!check.ok) throw new Error("session");
  return check.actor;
}

const CJK = /[\u4e00-\u9fff]/;

// ── Every action the code can write is described ─────────────────────────────────────────────

/** Source files that may write audit rows. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" || name === "migrations" ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** The `action:` of every writeAudit call: literals, and the prefix of template strings. */
function writtenActions(): { literals: Set<string>; prefixes: Set<string>; objectTypes: Set<string> } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  const objectTypes = new Set<string>();
  for (const file of ["lib", "app", "db"].flatMap((d) => sources(join(process.cwd(), d)))) {
    const text = readFileSync(file, "utf8");
    for (const call of text.split("writeAudit(").slice(1)) {
      const body = call.slice(0, 600);
      const action = /action:\s*([^,\n]+)/.exec(body)?.[1] ?? "";
      for (const m of action.matchAll(/"([A-Za-z_.]+)"/g)) literals.add(m[1]);
      for (const m of action.matchAll(/`([A-Za-z_.]+)\$\{/g)) prefixes.add(m[1]);
      const type = /objectType:\s*"([A-Za-z_]+)"/.exec(body)?.[1];
      if (type) objectTypes.add(type);
    }
    // A refusal in define.ts is written with the object type of its ActionError.
    for (const m of text.matchAll(/\{\s*type:\s*"([A-Za-z_]+)",\s*id:/g)) objectTypes.add(m[1]);
  }
  return { literals, prefixes, objectTypes };
}

describe("every audit action and object type is described in Chinese and English", () => {
  it.each(AUDIT_ACTIONS.map((a) => [a]))("%s", (action) => {
    const zhLabel = auditActionLabel("zh", action);
    const enLabel = auditActionLabel("en", action);
    expect(zhLabel, `no Chinese label for ${action}`).not.toBe(action);
    expect(zhLabel).toMatch(CJK);
    expect(enLabel, `no English label for ${action}`).not.toBe(action);
    expect(enLabel).not.toMatch(CJK);
  });

  it("describes every object type", () => {
    for (const type of AUDIT_OBJECT_TYPES) {
      expect(auditObjectLabel("zh", type), type).toMatch(CJK);
      expect(auditObjectLabel("en", type), type).not.toBe(type);
    }
  });

  it("registers every action name the code passes to writeAudit, and every object type", () => {
    const { literals, prefixes, objectTypes } = writtenActions();
    expect(literals.size).toBeGreaterThan(40);
    const registered = new Set<string>(AUDIT_ACTIONS);
    expect([...literals].filter((a) => !registered.has(a))).toEqual([]);
    for (const p of prefixes) expect(AUDIT_ACTIONS.some((a) => a.startsWith(p)), `no registered action starts with ${p}`).toBe(true);
    expect([...objectTypes].filter((t) => !(AUDIT_OBJECT_TYPES as readonly string[]).includes(t))).toEqual([]);
  });

  it("keeps no label for an action that is not registered (the dictionaries and the registry agree)", () => {
    expect(Object.keys(zh.auditLog.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(en.auditLog.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("describes every action the demo data has written", async () => {
    const rows = await database.db.selectDistinct({ action: auditLog.action }).from(auditLog);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(auditActionLabel("zh", r.action), r.action).not.toBe(r.action);
  });
});

// ── Names, changed fields and the wizard's changes ──────────────────────────────────────────

let objectiveId = 0;

describe("a wizard save lists what it changed", () => {
  it("records the changed fields of step 1, with labels on the page", async () => {
    await actorOf("filer");
    const declared = await declareTrunkRoad(database, { year: 2020 });
    objectiveId = declared.objectiveId;
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    const saved = await saveDeclarationStep({
      step: 1,
      objectiveId,
      editVersion: declared.editVersion,
      data: { name: o.title, category: "special_fund", startYear: 2019, endYear: 2021, contactName: "黄敏", contactPhone: "020-83731234", policyBasis: null, servesPublic: false },
    });
    expect(saved.ok).toBe(true);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, "objective.saveStep")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(row.after).toMatchObject({ step: 1, changes: [{ field: "contactName", before: "刘芳", after: "黄敏" }] });
    const detail = auditDetail("zh", row);
    expect(detail.step).toBe(1);
    expect(detail.rows).toEqual([{ field: "contactName", label: "联系人", before: "刘芳", after: "黄敏" }]);
  });

  it("records indicators added, removed and changed on step 3", async () => {
    const inds = await trunkRoadIndicators(database);
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    const [{ ev }] = await database.db.select({ ev: objectiveVersions.editVersion }).from(objectiveVersions).where(eq(objectiveVersions.id, o.currentVersionId!));
    const changed = inds.slice(1).map((r, i) => (i === 0 ? { ...r, annualTarget: "999" } : r));
    changed.push({ ...inds[1], name: "新增的测试指标", indicatorId: null, customReason: "测试" });
    const saved = await saveDeclarationStep({ step: 3, objectiveId, editVersion: ev, data: { plan: [], overallGoal: "总体目标", annualGoal: "年度目标", indicators: changed } });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, "objective.saveStep")).orderBy(sql`${auditLog.id} desc`).limit(1);
    const detail = auditDetail("zh", row);
    expect(detail.indicators?.added).toEqual(["新增的测试指标"]);
    expect(detail.indicators?.removed).toEqual([inds[0].name]);
    expect(detail.indicators?.changed).toEqual([{ name: inds[1].name, rows: [{ field: "annualTarget", label: "年度指标值", before: inds[1].annualTarget, after: "999" }] }]);
    expect(detail.rows.map((r) => r.label)).toEqual(expect.arrayContaining(["总体目标", "年度目标", "实施计划"]));
  });
});

describe("before → after as a table of changed fields", () => {
  it("names roles and omits what did not change", async () => {
    await actorOf("admin");
    const target = await userByName(database, "reviewer");
    const r = await setUserRoles({ userId: target.id, roles: ["finance_reviewer", "finance_admin"], version: target.version });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.setRoles")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(auditDetail("zh", row).rows).toEqual([{ field: "roles", label: "角色", before: "财政审核人", after: "财政审核人、财政管理员" }]);
    expect(auditDetail("en", row).rows[0]).toMatchObject({ label: "Roles" });
  });

  it("translates workflow states and shows an after-only row without a before column", () => {
    expect(auditDetail("zh", { action: "objective.submit", objectType: "objective", before: { state: "draft", version: 1 }, after: { state: "dept_review", version: 2 } }).rows).toEqual([
      { field: "state", label: "状态", before: "填报中", after: "部门审核中" },
      { field: "version", label: "版本", before: "1", after: "2" },
    ]);
    expect(auditDetail("zh", { action: "org.create", objectType: "org", before: null, after: { name: "测试局", active: true } }).rows).toEqual([
      { field: "name", label: "名称", before: null, after: "测试局" },
      { field: "active", label: "启用", before: null, after: "是" },
    ]);
  });
});

describe("objects are named and linked, in one query per object type", () => {
  it("names objectives, users, projects and accounts of a page", async () => {
    const admin = await actorOf("admin");
    const { rows } = await listAuditLog(database.db, admin, {}, 1, 50);
    // One query per object type on the page, whether the row is about it or names it in before/after.
    const types = new Set(rows.filter((r) => r.objectId).map((r) => r.objectType));
    for (const r of rows) for (const side of [r.before, r.after]) for (const [field, type] of Object.entries(FIELD_REFS)) if (side && typeof side === "object" && field in side) types.add(type);
    expect(rows.length).toBeGreaterThan(types.size);
    const spy = vi.spyOn(database.db, "select");
    const names = await resolveAuditObjects(database.db, rows);
    const queries = spy.mock.calls.length;
    spy.mockRestore();
    expect(queries).toBeLessThanOrEqual(types.size);
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    expect(names.get(objectKey("objective", String(objectiveId)))).toEqual({ name: o.title, href: `/objectives/${objectiveId}` });
    const reviewer = await userByName(database, "reviewer");
    expect(names.get(objectKey("user", String(reviewer.id)))).toEqual({ name: "李晓梅（reviewer）", href: "/admin/users?q=reviewer" });
    // An object named inside before/after (objectiveId of a disclosure) is shown by its name too.
    const published = (await listAuditLog(database.db, admin, { action: "disclosure.publish" }, 1, 50)).rows;
    const withNames = await resolveAuditObjects(database.db, published);
    const immunisation = published.find((r) => (r.after as { objectiveId?: number }).objectiveId !== undefined && withNames.get(objectKey("disclosure", r.objectId!))?.name === "免疫规划项目")!;
    const detail = auditDetail("zh", immunisation, nameLookup(withNames));
    expect(detail.rows.find((r) => r.field === "objectiveId")).toEqual({ field: "objectiveId", label: "绩效目标", before: null, after: "免疫规划项目" });
    expect(withNames.get(objectKey("disclosure", immunisation.objectId!))?.href).toBe("/disclosure");
    const signin = rows.find((r) => r.objectType === "project");
    expect(signin && names.get(objectKey("project", signin.objectId!))?.href).toMatch(/^\/projects\/\d+$/);
  });
});

// ── Filters ──────────────────────────────────────────────────────────────────────────────────

describe("filters", () => {
  const at = async (iso: string, action: "seed.demo" = "seed.demo") =>
    database.db.insert(auditLog).values({ at: new Date(iso), action, objectType: "database", objectId: `at-${iso}`, actorUserId: null, actorName: "system" });

  it("reads a date range in China time: 00:30 on 8 December 2025 belongs to the 8th, 23:30 on the 7th to the 7th", async () => {
    await at("2025-12-07T16:30:00Z"); // 2026-12-08 00:30 China
    await at("2025-12-07T15:30:00Z"); // 2026-12-07 23:30 China
    const admin = await actorOf("admin");
    const ids = async (f: AuditFilters) => (await listAuditLog(database.db, admin, { ...f, objectType: "database" }, 1, 50)).rows.map((r) => r.objectId);
    expect(await ids({ from: "2025-12-08", to: "2025-12-08" })).toEqual(["at-2025-12-07T16:30:00Z"]);
    expect(await ids({ from: "2025-12-07", to: "2025-12-07" })).toEqual(["at-2025-12-07T15:30:00Z"]);
    expect(await ids({ from: "2025-12-07", to: "2025-12-08" })).toHaveLength(2);
  });

  it("filters by user (name or user name), by organisation with the ones below, by object type and by action", async () => {
    const admin = await actorOf("admin");
    const list = async (f: AuditFilters) => (await listAuditLog(database.db, admin, f, 1, 50)).rows;
    const filer = await userByName(database, "filer");
    const byName = await list({ user: "刘芳" });
    expect(byName.length).toBeGreaterThan(0);
    expect(new Set(byName.map((r) => r.actorUserId))).toEqual(new Set([filer.id]));
    expect((await list({ user: "filer" })).map((r) => r.id)).toEqual(byName.map((r) => r.id));
    expect(await list({ user: "nobody-at-all" })).toEqual([]);

    const dept = await orgByCode(database, "440000-JT");
    const underDept = await list({ orgId: dept.id });
    expect(underDept.some((r) => r.actorOrgName === "广东省公路事务中心")).toBe(true);
    expect(underDept.every((r) => ["广东省交通运输厅", "广东省公路事务中心"].includes(r.actorOrgName ?? ""))).toBe(true);

    const roles = await list({ objectType: "user" });
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((r) => r.objectType === "user")).toBe(true);
    const saves = await list({ action: "objective.saveStep" });
    expect(saves.length).toBeGreaterThanOrEqual(5);
    expect(saves.every((r) => r.action === "objective.saveStep")).toBe(true);
  });

  it("pages with a capped count: a page past the end is the last page", async () => {
    const admin = await actorOf("admin");
    const first = await listAuditLog(database.db, admin, {}, 1, 10);
    expect(first.capped).toBe(false);
    const last = await listAuditLog(database.db, admin, {}, 9999, 10);
    expect(last.page).toBe(Math.ceil(first.total / 10));
    expect(last.rows.length).toBe(first.total - (last.page - 1) * 10);
  });

  it("keeps a city reader to its own organisations", async () => {
    const city = await actorOf("gz.reviewer");
    const { rows } = await listAuditLog(database.db, city, {}, 1, 50);
    expect(rows.every((r) => r.actorOrgName === null || r.actorOrgName.startsWith("广州市"))).toBe(true);
    expect(rows.some((r) => r.actorOrgName === "广东省公路事务中心")).toBe(false);
  });

  it("tells a bad date on its field and drops unknown codes", () => {
    const bad = parseAuditQuery({ from: "2026-02-30", to: "2026-12-08", action: "drop table", objectType: "objective" });
    expect(bad.errors).toEqual({ from: "auditLog.ui.badDate" });
    expect(bad.filters).toEqual({ to: "2026-12-08", objectType: "objective" });
    expect(parseAuditQuery({ from: "2026-12-09", to: "2026-12-08" }).errors).toEqual({ to: "auditLog.ui.badRange" });
    expect(zh.auditLog.ui.badDate).toContain("有效日期");
  });
});

// ── Export ───────────────────────────────────────────────────────────────────────────────────

describe("the Excel export of the filtered log", () => {
  it("has a header row, China-time timestamps, labels and names, and only the filtered rows", async () => {
    const admin = await actorOf("admin");
    const chunks: Buffer[] = [];
    for await (const c of writeAuditWorkbook(database.db, admin, { action: "user.setRoles" }, "zh")) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("操作日志")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "时间（北京时间）", "操作人", "操作单位", "操作", "操作代码", "对象类型", "对象", "变更内容", "IP 地址"]);
    expect(sheet.getColumn(8).width).toBeGreaterThanOrEqual(60);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    const [stored] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.setRoles"));
    const china = new Date(stored.at.getTime() + 8 * 3600 * 1000).toISOString().replace("T", " ").slice(0, 19);
    expect(row.getCell(1).value).toBe(china);
    expect(row.getCell(2).value).toBe("王建国（admin）");
    expect(row.getCell(4).value).toBe("设置用户角色");
    expect(row.getCell(5).value).toBe("user.setRoles");
    expect(row.getCell(6).value).toBe("用户");
    expect(row.getCell(7).value).toBe("李晓梅（reviewer）");
    expect(row.getCell(8).value).toBe("角色：财政审核人 → 财政审核人、财政管理员");
  });

  it("exports nothing outside the reader's scope", async () => {
    const city = await actorOf("gz.reviewer");
    const chunks: Buffer[] = [];
    for await (const c of writeAuditWorkbook(database.db, city, { action: "user.setRoles" }, "en")) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Audit log")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Time (China)");
    expect(sheet.rowCount).toBe(1);
  });
});

