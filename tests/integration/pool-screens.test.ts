import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectives, projects } from "@/db/schema";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { issueRegionalObjectives } from "@/lib/actions/objective/issue-regional-objectives";
import { assignAppraisal } from "@/lib/actions/project/assign-appraisal";
import { createProject } from "@/lib/actions/project/create-project";
import { recordAppraisal } from "@/lib/actions/project/record-appraisal";
import { updateProject } from "@/lib/actions/project/update-project";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { objectiveListParams } from "@/lib/objective/params";
import { departmentObjectiveYears, listObjectives, listOpenFiscalYears } from "@/lib/objective/queries";
import { listTransferRecipients } from "@/lib/objective/recipients";
import { overallObjectiveOf, regionalRollup } from "@/lib/objective/regional";
import { listAgencyEngagements, listAgencyOptions, listProjectEngagements } from "@/lib/project/queries";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

/** Signs in (later action calls come from this user) and returns the actor the pages see. */
async function actorOf(username: string): Promise<Actor> {
  const check = await checkSession(database.db, await signInAs(database, username));
  if (!check.ok) throw new Error("session");
  return check.actor;
}

const projectNamed = async (name: string) => (await database.db.select().from(projects).where(eq(projects.name, name)))[0];
const dims = ["necessity", "economy", "objectives", "feasibility", "compliance"].map((dimension) => ({ dimension, score: "17", comment: "论证充分" }));

describe("editing a project in reserve", () => {
  it("saves the fields with the version, and a stale version is a conflict", async () => {
    await actorOf("filer");
    const p = await projectNamed("农村公路安全生命防护工程");
    const input = {
      projectId: p.id, version: p.version, name: "农村公路安全生命防护工程（调整）", tier: p.tier, parentId: undefined, category: p.category,
      ownerOrgId: p.ownerOrgId, startYear: p.startYear, endYear: p.endYear, totalAmount: "12345678.90", fundSource: p.fundSource,
      policyBasis: "《公路安全保护条例》", isNew: p.isNew,
    };
    expect(await updateProject(input)).toMatchObject({ ok: true, data: { version: p.version + 1 } });
    expect(await projectNamed("农村公路安全生命防护工程（调整）")).toMatchObject({ totalAmount: "12345678.90", policyBasis: "《公路安全保护条例》" });
    expect(await updateProject(input)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("engaging an agency for an ex-ante appraisal", () => {
  it("lists the agencies finance may engage, the project's engagements, and the agency's own list", async () => {
    const reviewer = await actorOf("reviewer");
    const agencies = await listAgencyOptions(database.db, reviewer);
    expect(agencies.map((a) => a.name)).toEqual(["广东华正绩效评价事务所"]);
    // A city's finance reaches no agency of the province.
    expect(await listAgencyOptions(database.db, await actorOf("gz.reviewer"))).toEqual([]);

    await actorOf("reviewer");
    const p = await projectNamed("交通运输综合执法能力建设");
    expect((await assignAppraisal({ projectId: p.id, fiscalYear: p.startYear, agencyOrgId: agencies[0].id })).ok).toBe(true);
    expect(await listProjectEngagements(database.db, p.id)).toMatchObject([{ agencyName: "广东华正绩效评价事务所", fiscalYear: p.startYear, appraisalId: null }]);

    // The evaluator reaches the project only through the engagement, with what it needs to judge it.
    const evaluator = await actorOf("evaluator");
    const mine = await listAgencyEngagements(database.db, evaluator);
    expect(mine).toMatchObject([{ projectId: p.id, projectName: p.name, ownerName: "广东省交通运输厅", departmentName: "广东省交通运输厅", isNew: true, appraisalId: null }]);
    expect((await recordAppraisal({ projectId: p.id, fiscalYear: p.startYear, dimensions: dims, conclusion: "support", summary: null })).ok).toBe(true);
    expect(await listAgencyEngagements(database.db, evaluator)).toMatchObject([{ projectId: p.id, totalScore: "85.00", conclusion: "support" }]);

    // Finance sees its region's engagements; a city's finance, a filer and the department none of the province's.
    expect((await listAgencyEngagements(database.db, await actorOf("reviewer"))).map((e) => e.projectId)).toEqual([p.id]);
    expect(await listAgencyEngagements(database.db, await actorOf("gz.reviewer"))).toEqual([]);
    expect(await listAgencyEngagements(database.db, await actorOf("filer"))).toEqual([]);
  });
});

describe("department-overall objectives", () => {
  it("are listed by subject kind, with the province's open fiscal years", async () => {
    const dept = await actorOf("dept");
    expect(await listOpenFiscalYears(database.db, dept.regionPath)).toEqual([2026, 2027]);
    expect(await departmentObjectiveYears(database.db, dept.orgId)).toEqual([]);
    const created = await createObjective({ subjectKind: "department", orgId: dept.orgId, fiscalYear: 2027 });
    expect(created.ok).toBe(true);
    expect(await departmentObjectiveYears(database.db, dept.orgId)).toEqual([2027]);
    const params = { ...objectiveListParams.parse({}), subjectKind: "department" as const };
    const listed = await listObjectives(database.db, await actorOf("reviewer"), params);
    expect(listed.rows.map((r) => [r.title, r.subjectKind])).toEqual([["广东省交通运输厅2027年度部门整体支出", "department"]]);
    // A unit of another department does not see it.
    expect((await listObjectives(database.db, await actorOf("filer2"), params)).total).toBe(0);
  });
});

describe("a transfer payment's regional objectives", () => {
  it("offers the departments of the regions below, rolls them up for the issuer, and caps what is issued in total", async () => {
    const dept = await actorOf("dept");
    const p = await createProject({
      name: "省级公共卫生转移支付资金", tier: 1, category: "transfer", ownerOrgId: dept.orgId, startYear: 2027, endYear: 2027,
      totalAmount: "100000000.00", fundSource: "general_budget", policyBasis: null, isNew: false,
    });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const created = await createObjective({ subjectKind: "transfer", projectId: p.data.id, fiscalYear: 2027 });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const parentId = created.data.id;
    const parent = (await database.db.select().from(objectives).where(eq(objectives.id, parentId)))[0];
    expect(parent.requestedAmount).toBe("100000000.00");

    const { recipients, issuedTotal } = await listTransferRecipients(database.db, parentId, dept.regionPath);
    expect(recipients.map((r) => `${r.regionName} · ${r.name}`)).toEqual(["广州市 · 广州市交通运输局", "韶关市 · 韶关市卫生健康局", "仁化县 · 仁化县教育局"]);
    expect(issuedTotal).toBe("0.00");

    const gz = await orgByCode(database, "440100-JT");
    const sg = await orgByCode(database, "440200-WJ");
    expect((await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: gz.id, amount: "60000000.00" }] })).ok).toBe(true);
    // What was issued before counts against the fund.
    const over = await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: sg.id, amount: "40000000.01" }] });
    expect(!over.ok && over.fieldErrors?.allocations?.[0]).toContain("超过");
    expect((await issueRegionalObjectives({ objectiveId: parentId, allocations: [{ orgId: sg.id, amount: "40000000.00" }] })).ok).toBe(true);

    const after = await listTransferRecipients(database.db, parentId, dept.regionPath);
    expect(after.issuedTotal).toBe("100000000.00");
    expect(after.recipients.map((r) => r.issued)).toEqual([true, true, false]);

    // The department that issued it sees every region, though it may not open their objectives.
    const rollup = await regionalRollup(database.db, dept, parentId, parent.currentVersionId!);
    expect(rollup.regions.map((r) => [r.regionName, r.recipient, r.allocatedAmount, r.readable])).toEqual([
      ["广州市", "广州市交通运输局", "60000000.00", false],
      ["韶关市", "韶关市卫生健康局", "40000000.00", false],
    ]);
    // A city's finance sees only its own region, and names the overall objective without opening it.
    const city = await actorOf("gz.reviewer");
    const cityRollup = await regionalRollup(database.db, city, parentId, parent.currentVersionId!);
    expect(cityRollup.regions.map((r) => [r.regionName, r.readable])).toEqual([["广州市", true]]);
    expect(await overallObjectiveOf(database.db, city, parentId)).toMatchObject({ id: parentId, ownerName: "广东省交通运输厅", readable: false });
    expect(await overallObjectiveOf(database.db, await actorOf("reviewer"), parentId)).toMatchObject({ readable: true });
  });
});
