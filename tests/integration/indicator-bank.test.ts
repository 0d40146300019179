import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { indicatorChangeRequests, indicators, objectiveIndicators } from "@/db/schema";
import { createUser } from "@/lib/actions/admin/create-user";
import { decideIndicatorChange } from "@/lib/actions/indicator/decide-change";
import { createCommonIndicator, editCommonIndicator } from "@/lib/actions/indicator/edit-common";
import { proposeIndicatorChange } from "@/lib/actions/indicator/propose-change";
import { uploadChangeEvidence } from "@/lib/actions/indicator/upload-evidence";
import { indicatorUsage, listIndicators, peerMedians } from "@/lib/indicator/queries";
import { searchIndicators } from "@/lib/indicator/search";
import { pickerSectors } from "@/lib/indicator/unit-sector";
import { searchIndicatorBank } from "@/lib/actions/indicator/search-indicators";
import type { IndicatorFields } from "@/lib/validation/indicator";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { auditCount, signInAs, signInFirstTime, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const current = async (code: string) =>
  (await database.db.select().from(indicators).where(and(eq(indicators.code, code), eq(indicators.isCurrent, true))))[0];
const pending = async () => (await database.db.select().from(indicatorChangeRequests).orderBy(indicatorChangeRequests.id)).at(-1)!;

const fields = (over: Partial<IndicatorFields> = {}): IndicatorFields => ({
  name: "农村公路安全隐患整治里程",
  level1: "output",
  level2: "quantity",
  unit: "公里",
  comparison: "gte",
  explanation: "当年完成安全隐患整治的农村公路里程",
  formula: "实际完成整治的里程",
  scoringRule: null,
  referenceHistorical: null,
  referenceStandard: "1000",
  referencePlan: null,
  subjectKinds: ["project"],
  ...over,
});

describe("the wizard's picker: sector default and filters", () => {
  it("starts a unit on its own sector: transport for the road centre, health for the disease-control centre, none for finance", async () => {
    expect((await pickerSectors(database.db, (await orgByCode(database, "440000-JT-GL")).id)).own).toBe("交通运输");
    expect((await pickerSectors(database.db, (await orgByCode(database, "440000-WJ-JK")).id)).own).toBe("卫生健康");
    expect((await pickerSectors(database.db, (await orgByCode(database, "440000-CZ")).id)).own).toBeNull();
    const { sectors } = await pickerSectors(database.db, (await orgByCode(database, "440000-JT-GL")).id);
    expect(sectors[0]).toEqual({ code: "GX", name: "共性" });
  });

  it("filters by sector and by 一级/二级, and finds the common indicators by the word 共性", async () => {
    await signInAs(database, "filer2");
    const health = await searchIndicatorBank({ sector: "卫生健康", level1: "output", level2: "timeliness" });
    if (!health.ok) throw new Error(health.message);
    expect(health.data.length).toBeGreaterThan(0);
    for (const r of health.data) expect([r.sector, r.level1, r.level2]).toEqual(["卫生健康", "output", "timeliness"]);
    expect(health.data.map((r) => r.code)).toContain("WJ-SX-004"); // 传染病报告及时率, once filed as 质量
    // 共性 rows store no sector, yet the word finds them (and only them).
    const common = await searchIndicatorBank({ text: "共性" });
    if (!common.ok) throw new Error(common.message);
    expect(common.data.length).toBeGreaterThan(0);
    for (const r of common.data) expect(r.kind).toBe("common");
    const commonSatisfaction = await searchIndicatorBank({ text: "共性 满意度" });
    expect(commonSatisfaction.ok && commonSatisfaction.data.map((r) => r.code)).toEqual(expect.arrayContaining(["GX-MY-001", "GX-MY-002"]));
    const commonFilter = await searchIndicatorBank({ sector: "共性", level1: "cost" });
    if (!commonFilter.ok) throw new Error(commonFilter.message);
    expect(commonFilter.data.map((r) => r.code)).toContain("GX-CB-001");
    for (const r of commonFilter.data) expect([r.kind, r.level2]).toEqual(["common", "cost"]);
    // 成本 is offered once: no 产出 row is filed under the 二级 成本.
    const outputCost = await searchIndicatorBank({ level1: "output", level2: "cost" });
    expect(outputCost.ok && outputCost.data).toEqual([]);
    // The unit's own sector comes first when searching all sectors.
    const all = await searchIndicatorBank({ text: "满意度", preferSector: "卫生健康" });
    expect(all.ok && all.data[0].sector).toBe("卫生健康");
  });

  it("refuses a malformed filter with a message on the field", async () => {
    await signInAs(database, "filer2");
    const r = await searchIndicatorBank({ level2: "nonsense" as never });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors?.level2?.length).toBeTruthy();
  });
});

describe("searching the bank in Chinese", () => {
  it("finds what a finance user means by a word", async () => {
    const road = await searchIndicators(database.db, { text: "公路", limit: 50 });
    expect(road.map((r) => r.code)).toContain("JT-SL-002");
    for (const r of road) expect(`${r.name}${r.explanation ?? ""}${r.formula ?? ""}${r.sector ?? ""}`).toContain("公路");
    const satisfied = await searchIndicators(database.db, { text: "满意度", limit: 50 });
    expect(satisfied.map((r) => r.code)).toEqual(expect.arrayContaining(["GX-MY-001", "JT-MY-001", "WJ-MY-001"]));
    expect((await searchIndicators(database.db, { text: "接种率" })).map((r) => r.code)).toContain("WJ-SL-001");
    // Two words: both must match.
    const both = await searchIndicators(database.db, { text: "沿线 满意度" });
    expect(both.map((r) => r.code)).toEqual(["JT-MY-001"]);
    expect(await searchIndicators(database.db, { text: "不存在的指标词语" })).toEqual([]);
  });

  it("pages, filters and counts the bank in the database", async () => {
    const all = await listIndicators(database.db, { pageSize: 20 });
    expect(all.total).toBeGreaterThanOrEqual(420);
    expect(all.rows).toHaveLength(20);
    const transport = await listIndicators(database.db, { sector: "交通运输", level1: "satisfaction" });
    expect(transport.rows.every((r) => r.i.sector === "交通运输" && r.i.level1 === "satisfaction")).toBe(true);
    const page2 = await listIndicators(database.db, { page: 2, pageSize: 20, sort: "code" });
    expect(page2.rows[0].i.code > all.rows[19].i.code).toBe(true);
  });
});

describe("governed changes", () => {
  it("a department adds an indicator of its sector; finance approves; it is published as version 1", async () => {
    await signInAs(database, "dept");
    const res = await proposeIndicatorChange({ kind: "add", sector: "交通运输", fields: fields(), reason: "农村公路安全生命防护工程需要" });
    expect(res.ok).toBe(true);
    const req = await pending();
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 依据")], "依据.pdf");
    expect((await uploadChangeEvidence({ requestId: req.id, file: pdf })).ok).toBe(true);
    await signInAs(database, "admin");
    const decided = await decideIndicatorChange({ requestId: req.id, version: req.version, approve: true });
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    const code = decided.data.published!.code;
    expect(code).toMatch(/^JT-SL-\d{3}$/);
    const row = await current(code);
    expect(row).toMatchObject({ name: "农村公路安全隐患整治里程", version: 1, kind: "sector", sector: "交通运输", status: "active" });
    expect((await searchIndicators(database.db, { text: "隐患整治" })).map((r) => r.code)).toEqual([code]);
  });

  it("an adjustment publishes a new version; the objectives that used the old one keep it", async () => {
    const before = await current("JT-MY-001");
    const usedBy = await database.db.select().from(objectiveIndicators).where(eq(objectiveIndicators.indicatorId, before.id));
    expect(usedBy.length).toBeGreaterThan(0);
    await signInAs(database, "dept");
    expect((await proposeIndicatorChange({ kind: "adjust", code: "JT-MY-001", baseVersion: 1, fields: fields({ name: "沿线群众出行满意度", level1: "satisfaction", level2: "satisfaction", unit: "%", formula: "满意人数/受访人数*100%", referenceStandard: "92" }), reason: "口径调整" })).ok).toBe(true);
    const req = await pending();
    await signInAs(database, "admin");
    expect((await decideIndicatorChange({ requestId: req.id, version: req.version, approve: true })).ok).toBe(true);
    const after = await current("JT-MY-001");
    expect(after).toMatchObject({ version: 2, name: "沿线群众出行满意度" });
    expect(after.id).not.toBe(before.id);
    const old = (await database.db.select().from(indicators).where(eq(indicators.id, before.id)))[0];
    expect(old).toMatchObject({ name: before.name, version: 1, isCurrent: false });
    const stillUsed = await database.db.select().from(objectiveIndicators).where(eq(objectiveIndicators.indicatorId, before.id));
    expect(stillUsed).toEqual(usedBy);
  });

  it("retiring keeps the indicator readable but no longer pickable", async () => {
    await signInAs(database, "dept");
    expect((await proposeIndicatorChange({ kind: "retire", code: "JT-XY-003", baseVersion: 1, reason: "已不再适用" })).ok).toBe(true);
    const req = await pending();
    await signInAs(database, "admin");
    expect((await decideIndicatorChange({ requestId: req.id, version: req.version, approve: true })).ok).toBe(true);
    expect(await current("JT-XY-003")).toMatchObject({ status: "retired", version: 2 });
    expect((await searchIndicators(database.db, { text: "出行时间节约" })).map((r) => r.code)).not.toContain("JT-XY-003");
    expect((await listIndicators(database.db, { q: "出行时间节约", status: "retired" })).rows.map((r) => r.i.code)).toEqual(["JT-XY-003"]);
  });

  it("a rejection needs a reason and publishes nothing", async () => {
    await signInAs(database, "dept");
    await proposeIndicatorChange({ kind: "adjust", code: "JT-SL-004", baseVersion: 1, fields: fields({ name: "国省道改造里程（调整）" }), reason: "统计口径调整" });
    // While that proposal waits for finance, a second one for the same indicator is refused on its field.
    const second = await proposeIndicatorChange({ kind: "retire", code: "JT-SL-004", baseVersion: 1, reason: "申请停用该指标" });
    expect(second).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!second.ok && second.fieldErrors?.code?.join()).toContain("待财政审批");
    const req = await pending();
    await signInAs(database, "admin");
    const noReason = await decideIndicatorChange({ requestId: req.id, version: req.version, approve: false });
    expect(!noReason.ok && noReason.fieldErrors?.reason).toBeTruthy();
    expect((await decideIndicatorChange({ requestId: req.id, version: req.version, approve: false, reason: "与现有指标重复" })).ok).toBe(true);
    expect(await current("JT-SL-004")).toMatchObject({ version: 1, name: "国省道改造里程" });
    // Deciding again (a second finance user on a stale page) is a conflict.
    expect(await decideIndicatorChange({ requestId: req.id, version: req.version, approve: true })).toMatchObject({ ok: false, code: "conflict" });
    // Once decided, the indicator is open to a new proposal.
    await signInAs(database, "dept");
    expect((await proposeIndicatorChange({ kind: "retire", code: "JT-SL-004", baseVersion: 1, reason: "申请停用该指标" })).ok).toBe(true);
  });

  it("refuses anyone outside the owning department", async () => {
    await signInAs(database, "admin");
    const wj = await orgByCode(database, "440000-WJ");
    expect((await createUser({ username: "wj.dept", displayName: "卫健审核", orgId: wj.id, roles: ["dept_reviewer"], password: "Spring-Rain-2026" })).ok).toBe(true);
    const audits = await auditCount(database, "access.denied");
    await signInFirstTime(database, "wj.dept", "Spring-Rain-2026");
    expect(await proposeIndicatorChange({ kind: "retire", code: "JT-SL-002", baseVersion: 1, reason: "申请停用该指标" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await proposeIndicatorChange({ kind: "add", sector: "交通运输", fields: fields(), reason: "越权新增指标" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await auditCount(database, "access.denied")).toBeGreaterThan(audits);
    await signInAs(database, "filer");
    expect(await proposeIndicatorChange({ kind: "retire", code: "JT-SL-002", baseVersion: 1, reason: "申请停用该指标" })).toMatchObject({ ok: false, code: "forbidden" });
    // Nor may anyone but the provincial finance department decide, or edit common ones.
    await signInAs(database, "dept");
    expect(await editCommonIndicator({ code: "GX-CC-001", baseVersion: 1, fields: fields() })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await current("JT-SL-002")).toMatchObject({ status: "active", version: 1 });
  });

  it("finance edits a common indicator directly, versioned", async () => {
    await signInAs(database, "admin");
    const edited = await editCommonIndicator({ code: "GX-CC-001", baseVersion: 1, fields: fields({ name: "计划完成率", formula: "实际完成工作量/计划工作量×100%", unit: "%", referenceStandard: "100" }) });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await editCommonIndicator({ code: "GX-CC-001", baseVersion: 1, fields: fields() })).toMatchObject({ ok: false, code: "conflict" });
    const created = await createCommonIndicator({ fields: fields({ name: "绩效自评质量", level1: "benefit", level2: "sustainable", comparison: "qualitative", unit: null, referenceStandard: null }) });
    expect(created.ok && created.data.code).toMatch(/^GX-XY-\d{3}$/);
  });
});

describe("where an indicator is used", () => {
  it("counts objectives per year and the spread of their targets", async () => {
    const usage = await indicatorUsage(database.db, "WJ-SX-004");
    expect(usage).toEqual([{ fiscal_year: 2027, objectives: 2, numeric_targets: 2, q1: "95.00", median: "95.00", q3: "95.00" }]);
    const i = await current("WJ-SX-004");
    const peers = await peerMedians(database.db, [i.id], -1);
    expect(peers.get(i.id)).toEqual({ median: "95.00", count: 2 });
  });
});
