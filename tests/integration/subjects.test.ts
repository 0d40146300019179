import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectives } from "@/db/schema";
import { createUser } from "@/lib/actions/admin/create-user";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { issueRegionalObjectives } from "@/lib/actions/objective/issue-regional-objectives";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { createProject } from "@/lib/actions/project/create-project";
import { checkSession } from "@/lib/auth/session";
import { regionalRollup } from "@/lib/objective/regional";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, signInFirstTime, useTestDatabase } from "../helpers/session";
import { trunkRoadIndicators } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const objective = async (id: number) => (await database.db.select().from(objectives).where(eq(objectives.id, id)))[0];

async function fill(objectiveId: number, amount: string, servesPublic = false) {
  let ev = (await database.db.query.objectiveVersions.findFirst({ where: (v, { eq }) => eq(v.objectiveId, objectiveId) }))!.editVersion;
  for (const [step, data] of [
    [1, { name: "部门整体支出", category: "operation", startYear: 2027, endYear: 2027, contactName: null, contactPhone: null, policyBasis: null, servesPublic }],
    [2, { requestedAmount: amount, rows: [{ source: "general_budget", year: 2027, amount }], fundUses: "履职支出" }],
    [3, { plan: [{ start: "2027", end: "2027", content: "全年履职" }], overallGoal: "全面履行部门职责。", annualGoal: "完成年度重点工作。", indicators: await trunkRoadIndicators(database) }],
  ] as const) {
    const r = await saveDeclarationStep({ step, objectiveId, editVersion: ev, data });
    if (!r.ok) throw new Error(JSON.stringify(r));
    ev = (r.data as { editVersion: number }).editVersion;
  }
}

async function fillDepartment(objectiveId: number, amount: string, servesPublic = false) {
  let ev = (await database.db.query.objectiveVersions.findFirst({ where: (v, { eq }) => eq(v.objectiveId, objectiveId) }))!.editVersion;
  // A department's own steps: the department and its duties, then the key tasks adding up to its budget.
  for (const [step, data] of [
    ["deptBasic", { name: "部门整体支出", duties: "负责全省公路建设与养护管理。", contactName: null, contactPhone: null, servesPublic }],
    ["keyTasks", { requestedAmount: amount, tasks: [{ name: "全年履职", content: "公路建设与养护", amount }] }],
    [3, { plan: [], overallGoal: null, annualGoal: "完成年度重点工作。", indicators: await trunkRoadIndicators(database) }],
  ] as const) {
    const r = await saveDeclarationStep({ step, objectiveId, editVersion: ev, data } as Parameters<typeof saveDeclarationStep>[0]);
    if (!r.ok) throw new Error(JSON.stringify(r));
    ev = (r.data as { editVersion: number }).editVersion;
  }
}

describe("a department's overall objective (一部门一套指标)", () => {
  it("is declared by the department, goes straight to finance, and is approved", async () => {
    await signInAs(database, "dept");
    const dept = await orgByCode(database, "440000-JT");
    const created = await createObjective({ subjectKind: "department", orgId: dept.id, fiscalYear: 2027 });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // One per department and year: asking again returns the same one.
    expect(await createObjective({ subjectKind: "department", orgId: dept.id, fiscalYear: 2027 })).toMatchObject({ ok: true, data: { id: created.data.id, existed: true } });
    await fillDepartment(created.data.id, "680000000.00");
    let o = await objective(created.data.id);
    expect(await submitObjective({ objectiveId: o.id, version: o.version })).toMatchObject({ ok: true, data: { state: "finance_review" } });
    await signInAs(database, "reviewer");
    o = await objective(o.id);
    expect(await reviewObjective({ objectiveId: o.id, version: o.version, stage: "finance", result: "pass", grade: "good" })).toMatchObject({ ok: true, data: { state: "approved" } });
  });

  it("cannot be opened by a unit for its department", async () => {
    await signInAs(database, "filer");
    const dept = await orgByCode(database, "440000-JT");
    expect(await createObjective({ subjectKind: "department", orgId: dept.id, fiscalYear: 2027 })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("a transfer payment with regional objectives", () => {
  it("is issued to departments of the regions below, declared and approved there, and rolls up to the province", async () => {
    // A city department user to file the regional objective.
    await signInAs(database, "admin");
    const gzDept = await orgByCode(database, "440100-JT");
    const sgDept = await orgByCode(database, "440200-WJ");
    expect((await createUser({ username: "gz.jt", displayName: "广州交通", orgId: gzDept.id, roles: ["dept_reviewer"], password: "Spring-Rain-2026" })).ok).toBe(true);

    await signInAs(database, "dept");
    const dept = await orgByCode(database, "440000-JT");
    const p = await createProject({
      name: "省级农村公路建设补助资金", tier: 1, category: "transfer", ownerOrgId: dept.id, startYear: 2027, endYear: 2027,
      totalAmount: "300000000.00", fundSource: "general_budget", policyBasis: null, isNew: false,
    });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const created = await createObjective({ subjectKind: "transfer", projectId: p.data.id, fiscalYear: 2027 });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const parentId = created.data.id;
    await fill(parentId, "300000000.00");

    // Issued by finance, once approved (tests/integration/transfer-issue.test.ts has every refusal).
    const draft = await objective(parentId);
    expect(await submitObjective({ objectiveId: parentId, version: draft.version })).toMatchObject({ ok: true, data: { state: "finance_review" } });
    await signInAs(database, "reviewer");
    const submitted = await objective(parentId);
    expect(await reviewObjective({ objectiveId: parentId, version: submitted.version, stage: "finance", result: "pass", grade: "good" })).toMatchObject({ ok: true, data: { state: "approved" } });
    // A regional objective goes only to departments of the same sector in the regions below, and the parts add up to the fund.
    const provinceDept = await orgByCode(database, "440000-JT");
    const wrong = await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: provinceDept.id, amount: "300000000.00" }] });
    expect(!wrong.ok && wrong.fieldErrors?.["allocations.0.orgId"]).toBeTruthy();
    const otherSector = await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: sgDept.id, amount: "300000000.00" }] });
    expect(!otherSector.ok && otherSector.fieldErrors?.["allocations.0.orgId"]).toEqual(["接收单位须与下达部门属同一行业"]);
    const tooMuch = await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: gzDept.id, amount: "300000000.01" }] });
    expect(!tooMuch.ok && tooMuch.fieldErrors?.allocations?.[0]).toContain("相差 0.000001 万元");
    const issued = await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: gzDept.id, amount: "300000000.00" }] });
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const [gzObjectiveId] = issued.data.ids;
    const gzObjective = await objective(gzObjectiveId);
    expect(gzObjective).toMatchObject({ parentObjectiveId: parentId, allocatedAmount: "300000000.00", requestedAmount: "300000000.00", state: "draft" });

    // The city department sets its regional targets and submits; the city's finance approves it.
    await signInFirstTime(database, "gz.jt", "Spring-Rain-2026");
    let ev = (await database.db.query.objectiveVersions.findFirst({ where: (v, { eq }) => eq(v.objectiveId, gzObjectiveId) }))!.editVersion;
    const inds = (await trunkRoadIndicators(database)).map((r) => (r.name === "普通国省干线二级及以上公路比重" ? { ...r, annualTarget: "92" } : r));
    const saved = await saveDeclarationStep({ step: 3, objectiveId: gzObjectiveId, editVersion: ev, data: { plan: [], overallGoal: "广州市完成改造。", annualGoal: "2027年完成改造。", indicators: inds } });
    expect(saved.ok).toBe(true);
    ev = (saved as { data: { editVersion: number } }).data.editVersion;
    expect(await submitObjective({ objectiveId: gzObjectiveId, version: gzObjective.version })).toMatchObject({ ok: true, data: { state: "finance_review" } });
    await signInAs(database, "gz.reviewer");
    const sub = await objective(gzObjectiveId);
    expect(await reviewObjective({ objectiveId: gzObjectiveId, version: sub.version, stage: "finance", result: "pass", grade: "excellent" })).toMatchObject({ ok: true });
    // …but the city's reviewer cannot reach the province's.
    const overallNow = await objective(parentId);
    expect(await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: gzDept.id, amount: "300000000.00" }] })).toMatchObject({ ok: false, code: "not_found" });
    expect(overallNow.state).toBe("approved");

    // The province sees every region's targets against its own; the city sees only its own.
    const provinceSid = await signInAs(database, "reviewer");
    const province = await checkSession(database.db, provinceSid);
    if (!province.ok) throw new Error("session");
    const parent = await objective(parentId);
    const rollup = await regionalRollup(database.db, province.actor, parentId, parent.currentVersionId!);
    expect(rollup.regions.map((r) => [r.regionName, r.allocatedAmount, r.state])).toEqual([["广州市", "300000000.00", "approved"]]);
    const share = rollup.indicators.find((i) => i.name === "普通国省干线二级及以上公路比重")!;
    expect(share.annualTarget).toBe("90");
    expect(rollup.regions[0].targets[share.ordinal]).toBe("92");
    const citySid = await signInAs(database, "gz.reviewer");
    const city = await checkSession(database.db, citySid);
    if (!city.ok) throw new Error("session");
    expect((await regionalRollup(database.db, city.actor, parentId, parent.currentVersionId!)).regions.map((r) => r.regionName)).toEqual(["广州市"]);
  });
});
