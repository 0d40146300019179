import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { assignAppraisal } from "@/lib/actions/project/assign-appraisal";
import { recordAppraisal } from "@/lib/actions/project/record-appraisal";
import { updateProject } from "@/lib/actions/project/update-project";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { objectiveListParams } from "@/lib/objective/params";
import { departmentObjectiveYears, listObjectives, listOpenFiscalYears } from "@/lib/objective/queries";
import { listAgencyEngagements, listAgencyOptions, listProjectEngagements } from "@/lib/project/queries";
import { createTestDatabase } from "../helpers/db";
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
