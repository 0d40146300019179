import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import {
  disclosures,
  fiscalYears,
  monitoringPeriods,
  monitoringReports,
  monitoringWarnings,
  objectives,
  objectiveVersions,
  regions,
  selfEvaluations,
  users,
  type ObjectiveState,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { listObjectives } from "@/lib/objective/queries";
import { assessmentRankingForOverview, overviewFigures, overviewYears } from "@/lib/overview/figures";
import { landingPath } from "@/lib/overview/landing";
import { overviewListHref, overviewListParams } from "@/lib/overview/links";
import { overviewRecount } from "@/lib/overview/verify";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * The year at a glance (issue 15 item 5): every figure on made data of fiscal year 2031 — which
 * the demo data does not touch — against counts and amounts computed by hand below; the scope of a
 * city's finance reviewer; each figure's link opening a list of the same count; and the tallies
 * the database keeps (migration 0024_overview) equal to a recount after each kind of change.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const YEAR = 2031;
/** After both 2031 deadlines (declarations 2030-11-30, review 2030-12-31) and the June period's (2031-07-15). */
const NOW = new Date("2031-07-20T10:00:00+08:00");

const actors = new Map<string, Actor>();
async function actorOf(username: string): Promise<Actor> {
  if (!actors.has(username)) {
    const check = await checkSession(database.db, await signInAs(database, username));
    if (!check.ok) throw new Error("session");
    actors.set(username, check.actor);
  }
  return actors.get(username)!;
}
const figuresOf = async (username: string, year = YEAR) => overviewFigures(database.db, await actorOf(username), year, { now: NOW });

const ids: Record<string, number> = {};

/** One objective of 2031 as the workflow would have left it (an approved one with its approved version). */
async function objective(key: string, ownerCode: string, deptCode: string, state: ObjectiveState, amount: string) {
  const owner = await orgByCode(database, ownerCode);
  const dept = await orgByCode(database, deptCode);
  const [o] = await database.db
    .insert(objectives)
    .values({ subjectKind: "project", ownerOrgId: owner.id, departmentOrgId: dept.id, regionId: owner.regionId, fiscalYear: YEAR, title: `总览-${key}`, requestedAmount: amount, state })
    .returning();
  const [v] = await database.db.insert(objectiveVersions).values({ objectiveId: o.id, number: 1, requestedAmount: amount }).returning();
  await database.db
    .update(objectives)
    .set({ currentVersionId: v.id, approvedVersionId: state === "approved" ? v.id : null })
    .where(eq(objectives.id, o.id));
  ids[key] = o.id;
  ids[`${key}.v`] = v.id;
  return o;
}

async function disclose(key: string, amount: string) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, ids[key]));
  const [r] = await database.db.select({ path: regions.path }).from(regions).where(eq(regions.id, o.regionId));
  const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
  await database.db.insert(disclosures).values({
    objectiveId: o.id,
    versionId: ids[`${key}.v`],
    fiscalYear: YEAR,
    regionId: o.regionId,
    regionPath: r.path,
    departmentOrgId: o.departmentOrgId,
    ownerOrgId: o.ownerOrgId,
    title: o.title,
    amount,
    disclosedBy: admin.id,
  });
}

async function period(regionCode: string, throughMonth: number, deadline: string) {
  const [r] = await database.db.select().from(regions).where(eq(regions.code, regionCode));
  const [p] = await database.db.insert(monitoringPeriods).values({ regionId: r.id, fiscalYear: YEAR, throughMonth, deadline }).returning();
  return p.id;
}

async function report(periodId: number, key: string, state: "draft" | "dept_review" | "returned" | "accepted", budget: string, adjusted: string | null, executed: string | null) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, ids[key]));
  const [m] = await database.db
    .insert(monitoringReports)
    .values({ periodId, objectiveId: o.id, versionId: ids[`${key}.v`], ownerOrgId: o.ownerOrgId, departmentOrgId: o.departmentOrgId, regionId: o.regionId, state, budget, adjustedBudget: adjusted, executedAmount: executed })
    .returning();
  return m;
}

async function warning(reportRow: { id: number; periodId: number; objectiveId: number; ownerOrgId: number; departmentOrgId: number; regionId: number }, light: "red" | "yellow" | "green", state: "open" | "disposed") {
  const { id: reportId, ...rest } = reportRow;
  await database.db.insert(monitoringWarnings).values({ reportId, ...rest, rule: "execution", light, state });
}

async function selfEvaluation(key: string, state: "finance_review" | "accepted", grade: "excellent" | "good" | "fair" | "poor") {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, ids[key]));
  await database.db.insert(selfEvaluations).values({
    objectiveId: o.id,
    versionId: ids[`${key}.v`],
    ownerOrgId: o.ownerOrgId,
    departmentOrgId: o.departmentOrgId,
    regionId: o.regionId,
    fiscalYear: YEAR,
    state,
    budgetAmount: o.requestedAmount,
    grade,
  });
}

async function drift() {
  return queryRows(database.db, sql`select * from (${overviewRecount()}) q`);
}

/** The count of the list a figure's link opens, in the same reader's scope. */
async function listCount(username: string, href: string) {
  const raw = Object.fromEntries(new URL(href, "http://x").searchParams);
  const { total } = await listObjectives(database.db, await actorOf(username), { ...overviewListParams(raw), pageSize: 50 });
  return total;
}

describe("made data of 2031", () => {
  beforeAll(async () => {
    const [gd] = await database.db.select().from(regions).where(eq(regions.code, "440000"));
    await database.db.insert(fiscalYears).values({
      regionId: gd.id,
      year: YEAR,
      status: "planning",
      declarationStart: "2030-09-01",
      declarationEnd: "2030-11-30",
      reviewDeadline: "2030-12-31",
      selfEvaluationDeadline: "2032-03-31",
      appraisalThreshold: "10000000.00",
    });
    // 广东省 本级, 交通运输厅 (its unit 公路事务中心)
    await objective("a1", "440000-JT-GL", "440000-JT", "draft", "1000000.00");
    await objective("a2", "440000-JT-GL", "440000-JT", "dept_review", "2000000.00");
    await objective("a3", "440000-JT-GL", "440000-JT", "finance_review", "3000000.00");
    await objective("a4", "440000-JT-GL", "440000-JT", "approved", "4000000.00");
    await objective("a5", "440000-JT-GL", "440000-JT", "approved", "5000000.50");
    await objective("a6", "440000-JT-GL", "440000-JT", "returned", "600000.00");
    // 广东省 本级, 卫生健康委员会
    await objective("b1", "440000-WJ-JK", "440000-WJ", "approved", "10000000.00");
    await objective("b2", "440000-WJ-JK", "440000-WJ", "rejected", "700000.00");
    await objective("b3", "440000-WJ-JK", "440000-WJ", "draft", "800000.00");
    // 广州市
    await objective("c1", "440100-JT-GL", "440100-JT", "approved", "2500000.00");
    await objective("c2", "440100-JT-GL", "440100-JT", "finance_review", "1200000.00");
    // 仁化县 (under 韶关市)
    await objective("d1", "440224-JY-YZ", "440224-JY", "approved", "900000.00");
    await objective("d2", "440224-JY-YZ", "440224-JY", "draft", "300000.00");

    await disclose("a4", "3900000.00");
    await disclose("b1", "10000000.00");
    await disclose("c1", "2500000.00");

    const march = await period("440000", 3, "2031-04-15");
    const june = await period("440000", 6, "2031-07-15");
    const gzJune = await period("440100", 6, "2031-08-15");
    await report(march, "a4", "accepted", "4000000.00", null, "500000.00"); // an earlier period: not the latest
    await report(june, "a4", "accepted", "4000000.00", null, "1000000.00");
    const a5 = await report(june, "a5", "accepted", "5000000.50", "4000000.00", "2000000.00");
    await report(june, "b1", "draft", "10000000.00", null, null); // overdue: June's deadline has passed
    const c1 = await report(gzJune, "c1", "returned", "2500000.00", null, null); // to fill, not yet overdue
    await warning(a5, "red", "open");
    await warning(a5, "yellow", "open");
    await warning(a5, "red", "disposed");
    await warning(a5, "green", "open");
    await warning(c1, "yellow", "open");

    await selfEvaluation("a4", "accepted", "excellent");
    await selfEvaluation("a5", "accepted", "good");
    await selfEvaluation("b1", "accepted", "good");
    await selfEvaluation("c1", "accepted", "fair");
    await selfEvaluation("d1", "finance_review", "poor"); // not accepted: not counted
  });

  it("the province's reviewer: objectives, money, warnings, grades, execution and overdue work of the whole province", async () => {
    const f = await figuresOf("reviewer");
    expect(f.totals).toMatchObject({
      draft: 3, // a1 b3 d2
      deptReview: 1,
      financeReview: 2, // a3 c2
      returned: 1,
      approved: 5, // a4 a5 b1 c1 d1
      rejected: 1,
      declared: 10, // all but the three drafts
      disclosed: 3,
      // 2,000,000 + 3,000,000 + 4,000,000 + 5,000,000.50 + 600,000 + 10,000,000 + 700,000 + 2,500,000 + 1,200,000 + 900,000
      amountDeclared: "29900000.50",
      amountApproved: "22400000.50",
      amountDisclosed: "16400000.00", // 3,900,000 + 10,000,000 + 2,500,000
      redOpen: 1,
      yellowOpen: 2,
      grades: { excellent: 1, good: 2, fair: 1, poor: 0 },
    });
    // Each region's latest period: the province's June (a4 4,000,000 / 1,000,000; a5 in force 4,000,000 / 2,000,000), 广州's June (none accepted).
    expect(f.execution).toEqual({ budget: "8000000.00", executed: "3000000.00", reports: 2, throughMonths: [6] });
    expect(f.overdue).toEqual([
      { kind: "objectiveDraft", count: 4 }, // 3 drafts + 1 returned
      { kind: "deptReview", count: 1 },
      { kind: "financeReview", count: 2 },
      { kind: "monitoringToFill", count: 1 }, // b1's June report; 广州's is due 2031-08-15
    ]);
    expect(f.late.map((d) => [d.name, d.unsubmitted])).toEqual([
      ["广东省交通运输厅", 2],
      ["广东省卫生健康委员会", 1],
      ["仁化县教育局", 1],
    ]);
  });

  it("by region (its own level, then each city with what is below it) and by the departments of its own level", async () => {
    const f = await figuresOf("reviewer");
    const row = (s: { declared: number; approved: number; disclosed: number; amountApproved: string }) => [s.declared, s.approved, s.disclosed, s.amountApproved];
    expect(f.byRegion.map((r) => [r.name, r.own, ...row(r)])).toEqual([
      ["广东省", true, 7, 3, 2, "19000000.50"],
      ["广州市", false, 2, 1, 1, "2500000.00"],
      ["韶关市", false, 1, 1, 0, "900000.00"], // 仁化县's d1
    ]);
    expect(f.byDepartment.map((d) => [d.name, ...row(d)])).toEqual([
      ["广东省交通运输厅", 5, 2, 1, "9000000.50"],
      ["广东省卫生健康委员会", 2, 1, 1, "10000000.00"],
    ]);
  });

  it("a city's finance reviewer sees its city only", async () => {
    const f = await figuresOf("gz.reviewer");
    expect(f.totals).toMatchObject({ draft: 0, financeReview: 1, approved: 1, declared: 2, disclosed: 1, amountApproved: "2500000.00", amountDisclosed: "2500000.00", redOpen: 0, yellowOpen: 1 });
    expect(f.totals.grades).toEqual({ excellent: 0, good: 0, fair: 1, poor: 0 });
    expect(f.byRegion.map((r) => [r.name, r.own, r.declared])).toEqual([["广州市", true, 2]]);
    expect(f.byDepartment.map((d) => [d.name, d.declared])).toEqual([["广州市交通运输局", 2]]);
    expect(f.execution).toEqual({ budget: "0.00", executed: "0.00", reports: 0, throughMonths: [6] });
    expect(f.overdue.find((o) => o.kind === "financeReview")!.count).toBe(1);
    expect(f.overdue.find((o) => o.kind === "monitoringToFill")!.count).toBe(0);
    expect(f.late).toEqual([]);
  });

  it("the observer (人大) of the province reads the same figures as finance", async () => {
    const [observer, reviewer] = [await figuresOf("observer"), await figuresOf("reviewer")];
    expect(observer.totals).toEqual(reviewer.totals);
  });

  it("every figure's link opens a list of the same count, in the same reader's scope", async () => {
    for (const who of ["reviewer", "gz.reviewer"]) {
      const f = await figuresOf(who);
      const t = f.totals;
      const checks: [string, number][] = [
        [overviewListHref(YEAR, { stage: "declared" }), t.declared],
        [overviewListHref(YEAR, { state: "approved" }), t.approved],
        [overviewListHref(YEAR, { stage: "disclosed" }), t.disclosed],
        [overviewListHref(YEAR, { state: "draft" }), t.draft],
        [overviewListHref(YEAR, { state: "dept_review" }), t.deptReview],
        [overviewListHref(YEAR, { state: "finance_review" }), t.financeReview],
        [overviewListHref(YEAR, { state: "returned" }), t.returned],
        [overviewListHref(YEAR, { state: "rejected" }), t.rejected],
        [overviewListHref(YEAR, { stage: "unsubmitted" }), f.overdue[0].count],
        ...f.byRegion.flatMap((r): [string, number][] => {
          const place = r.own ? { regionId: r.regionId } : { underRegionId: r.regionId };
          return [
            [overviewListHref(YEAR, { ...place, stage: "declared" }), r.declared],
            [overviewListHref(YEAR, { ...place, state: "approved" }), r.approved],
            [overviewListHref(YEAR, { ...place, stage: "disclosed" }), r.disclosed],
          ];
        }),
        ...f.byDepartment.flatMap((d): [string, number][] => [
          [overviewListHref(YEAR, { departmentId: d.departmentId, stage: "declared" }), d.declared],
          [overviewListHref(YEAR, { departmentId: d.departmentId, state: "approved" }), d.approved],
          [overviewListHref(YEAR, { departmentId: d.departmentId, stage: "disclosed" }), d.disclosed],
        ]),
        ...f.late.map((d): [string, number] => [overviewListHref(YEAR, { departmentId: d.departmentId, stage: "unsubmitted" }), d.unsubmitted]),
      ];
      for (const [href, n] of checks) expect([who, href, await listCount(who, href)]).toEqual([who, href, n]);
    }
  });

  it("before the deadlines nothing is overdue", async () => {
    const f = await overviewFigures(database.db, await actorOf("reviewer"), YEAR, { now: new Date("2030-10-01T10:00:00+08:00") });
    expect(f.overdue.map((o) => o.count)).toEqual([0, 0, 0, 0]);
    expect(f.late).toEqual([]);
  });

  it("the tallies equal a recount of the made data", async () => {
    expect(await drift()).toEqual([]);
  });
});

describe("the year, the landing page, the assessment placeholder", () => {
  it("defaults to the newest open fiscal year of the province and offers every year", async () => {
    const y = await overviewYears(database.db, await actorOf("reviewer"));
    expect(y.current).toBe(2027); // 2026 and 2027 are open in the demo data; 2031 is still being planned
    expect(y.years).toEqual([2031, 2027, 2026]);
  });

  it("finance and the readers land on the overview; every other role on its inbox", async () => {
    for (const who of ["admin", "reviewer", "gz.reviewer", "observer"]) expect([who, landingPath(await actorOf(who))]).toEqual([who, "/overview"]);
    for (const who of ["filer", "dept", "evaluator"]) expect([who, landingPath(await actorOf(who))]).toEqual([who, "/inbox"]);
  });

  it("no published assessment yet: the ranking is empty", async () => {
    expect(await assessmentRankingForOverview(database.db, await actorOf("reviewer"), 2027)).toEqual([]);
  });
});
