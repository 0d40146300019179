import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  appraisalAssignments,
  fiscalYears,
  indicatorChangeRequests,
  keyEvaluations,
  monitoringReports,
  monitoringWarnings,
  objectives,
  projects,
  rectificationTasks,
  selfEvaluations,
  users,
  warningDispositions,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { navCount } from "@/lib/inbox/nav-counts";
import { countTasks, listTasks, type TaskKind } from "@/lib/inbox/tasks";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * The inbox (issue 19): every task kind of each role, queried in the database in the user's
 * scope, for the open fiscal years only, with the deadline that applies and overdue judged on
 * China's calendar day. Demo data: fiscal year 2027 open (declarations until 2026-11-30, review
 * until 2026-12-31, self-evaluations until 2028-03-31), 2026 open too.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const actors = new Map<string, Actor>();
async function actorOf(username: string): Promise<Actor> {
  if (!actors.has(username)) {
    const check = await checkSession(database.db, await signInAs(database, username));
    if (!check.ok) throw new Error("session");
    actors.set(username, check.actor);
  }
  return actors.get(username)!;
}

const NOW = new Date("2026-12-07T10:00:00+08:00");
async function tasksOf(username: string, now = NOW) {
  const groups = await listTasks(database.db, await actorOf(username), { limit: 10, now });
  return Object.fromEntries(groups.filter((g) => g.count.total > 0).map((g) => [g.kind, g])) as Partial<Record<TaskKind, (typeof groups)[number]>>;
}
const titles = (g: { items: { title: string }[] } | undefined) => (g?.items ?? []).map((i) => i.title);

async function userId(username: string) {
  const [u] = await database.db.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.username, username));
  return u;
}

describe("the issue's case", () => {
  it("the demo's undisposed warnings, which its finance reviewer never saw, are in its inbox, red first", async () => {
    const t = await tasksOf("reviewer");
    expect(t.warningToDispose!.count.total).toBe(3);
    expect(t.warningToDispose!.items[0].note).toBe("red");
    const lights = t.warningToDispose!.items.map((i) => i.note);
    expect(lights).toEqual([...lights].sort((a, b) => (a === "red" ? 0 : 1) - (b === "red" ? 0 : 1)));
  });
});

describe("the filer's tasks", () => {
  it("a draft declaration with the declaration deadline, overdue after it in the open year", async () => {
    const t = await tasksOf("filer");
    expect(titles(t.objectiveDraft)).toEqual(["农村公路安全生命防护工程"]);
    expect(t.objectiveDraft!.items[0]).toMatchObject({ due: "2026-11-30", overdue: true, href: expect.stringMatching(/^\/objectives\/\d+$/) });
    // Three days before the deadline it is due soon, not overdue.
    const early = await tasksOf("filer", new Date("2026-11-27T09:00:00+08:00"));
    expect(early.objectiveDraft!.items[0]).toMatchObject({ overdue: false, dueSoon: true });
    // Another unit's returned declaration is not the filer's.
    expect(t.objectiveReturned).toBeUndefined();
  });

  it("a returned declaration is the other unit's task", async () => {
    const t = await tasksOf("filer2");
    expect(titles(t.objectiveReturned)).toEqual(["传染病监测预警项目"]);
  });

  it("self-evaluations to fill for approved objectives, with the self-evaluation deadline", async () => {
    const t = await tasksOf("filer");
    expect(t.selfEvalToFill!.count.total).toBeGreaterThan(0);
    expect(t.selfEvalToFill!.items.every((i) => i.due !== null)).toBe(true);
  });

  it("monitoring reports to fill, warnings to rectify and evaluation rectifications, each with its deadline", async () => {
    const filer = await userId("filer");
    const [report] = await database.db.select().from(monitoringReports).where(eq(monitoringReports.ownerOrgId, filer.orgId)).limit(1);
    await database.db.update(monitoringReports).set({ state: "returned" }).where(eq(monitoringReports.id, report.id));
    const [warning] = await database.db.select().from(monitoringWarnings).where(eq(monitoringWarnings.ownerOrgId, filer.orgId)).limit(1);
    const reviewer = await userId("reviewer");
    await database.db.insert(warningDispositions).values({ warningId: warning.id, kind: "rectify", comment: "限期整改执行进度", rectifyDeadline: "2026-12-09", rectificationState: "open", decidedBy: reviewer.id });
    await database.db.update(monitoringWarnings).set({ state: "disposed" }).where(eq(monitoringWarnings.id, warning.id));
    const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.ownerOrgId, filer.orgId)).limit(1);
    await database.db.insert(rectificationTasks).values({ selfEvaluationId: se.id, ownerOrgId: se.ownerOrgId, regionId: se.regionId, requirement: "补充绩效佐证", deadline: "2026-12-01" });

    const t = await tasksOf("filer");
    expect(t.monitoringToFill!.items.find((i) => i.id === report.id)).toMatchObject({ href: `/monitoring/reports/${report.id}`, due: expect.any(String) });
    expect(t.rectificationToDo!.items[0]).toMatchObject({ note: "限期整改执行进度", due: "2026-12-09", dueSoon: true, overdue: false, href: `/monitoring/reports/${warning.reportId}` });
    expect(t.evalRectification!.items[0]).toMatchObject({ note: "补充绩效佐证", due: "2026-12-01", overdue: true });
    // The other unit has none of these.
    const other = await tasksOf("filer2");
    expect(other.rectificationToDo).toBeUndefined();
    expect(other.evalRectification).toBeUndefined();
  });

  it("a returned self-evaluation", async () => {
    const filer = await userId("filer");
    const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.ownerOrgId, filer.orgId)).limit(1);
    await database.db.update(selfEvaluations).set({ state: "returned" }).where(eq(selfEvaluations.id, se.id));
    const t = await tasksOf("filer");
    expect(t.selfEvalReturned!.items.map((i) => i.href)).toContain(`/evaluation/${se.id}`);
  });
});

describe("the department reviewer's tasks", () => {
  it("declarations, monitoring reports and self-evaluations of its units to review", async () => {
    const filer = await userId("filer");
    const [report] = await database.db.select().from(monitoringReports).where(eq(monitoringReports.ownerOrgId, filer.orgId)).limit(1);
    await database.db.update(monitoringReports).set({ state: "dept_review" }).where(eq(monitoringReports.id, report.id));
    const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.ownerOrgId, filer.orgId)).limit(1);
    await database.db.update(selfEvaluations).set({ state: "dept_review" }).where(eq(selfEvaluations.id, se.id));

    const t = await tasksOf("dept");
    expect(titles(t.deptReview)).toEqual(["普通国省道路面养护专项"]);
    expect(t.deptReview!.items[0]).toMatchObject({ due: "2026-12-31", overdue: false });
    expect(t.monitoringToReview!.items.map((i) => i.id)).toContain(report.id);
    expect(t.selfEvalDeptReview!.items.map((i) => i.id)).toContain(se.id);
    // Finance's tasks are not the department's.
    expect(t.financeReview).toBeUndefined();
    expect(t.warningToDispose).toBeUndefined();
  });
});

describe("the finance reviewer's tasks", () => {
  it("declarations to review and the red warnings awaiting a disposition, red first", async () => {
    const t = await tasksOf("reviewer");
    expect(titles(t.financeReview)).toEqual(["交通运输综合执法能力建设"]);
    const open = await database.db.select({ n: sql<number>`count(*)::int` }).from(monitoringWarnings).where(and(eq(monitoringWarnings.state, "open"), sql`${monitoringWarnings.light} in ('red','yellow')`));
    // The province's reviewer: every undisposed red or yellow warning (one of the demo's was disposed above).
    expect(t.warningToDispose!.count.total).toBe(open[0].n);
    expect(t.warningToDispose!.items[0].note).toBe("red");
    // A city's reviewer sees none of the province's warnings.
    expect((await tasksOf("gz.reviewer")).warningToDispose).toBeUndefined();
  });

  it("rectification evidence to decide, self-evaluations and key evaluations to accept", async () => {
    const [d] = await database.db.select().from(warningDispositions).limit(1);
    await database.db.update(warningDispositions).set({ rectificationState: "evidence_submitted", evidence: "已整改" }).where(eq(warningDispositions.id, d.id));
    const filer = await userId("filer");
    const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.ownerOrgId, filer.orgId)).limit(1);
    await database.db.update(selfEvaluations).set({ state: "finance_review" }).where(eq(selfEvaluations.id, se.id));
    const approved = await database.db.select().from(objectives).where(sql`${objectives.approvedVersionId} is not null and ${objectives.fiscalYear} = 2027`).limit(2);
    const evaluator = await userId("evaluator");
    await database.db.insert(keyEvaluations).values([
      { objectiveId: approved[0].id, ownerOrgId: approved[0].ownerOrgId, regionId: approved[0].regionId, fiscalYear: 2027, agencyOrgId: evaluator.orgId, weights: {}, state: "submitted" },
      { objectiveId: approved[1].id, ownerOrgId: approved[1].ownerOrgId, regionId: approved[1].regionId, fiscalYear: 2027, agencyOrgId: evaluator.orgId, weights: {}, state: "assigned" },
    ]);

    const t = await tasksOf("reviewer");
    expect(t.evidenceToDecide!.items.map((i) => i.id)).toEqual([d.id]);
    expect(t.selfEvalToAccept!.items.map((i) => i.id)).toEqual([se.id]);
    expect(titles(t.keyEvalToAccept)).toEqual([approved[0].title]);
    // The evaluator fills the one assigned to its agency; accepting is not its task.
    const e = await tasksOf("evaluator");
    expect(titles(e.keyEvalToFill)).toEqual([approved[1].title]);
    expect(e.keyEvalToAccept).toBeUndefined();
  });

  it("the finance admin decides pending indicator change requests; a decided one is no task", async () => {
    const dept = await userId("dept");
    await database.db.insert(indicatorChangeRequests).values([
      { kind: "add", proposed: { name: "路面技术状况指数达标率" }, reason: "行业新规", proposerId: dept.id, proposerOrgId: dept.orgId },
      { kind: "add", proposed: { name: "已否决的指标" }, reason: "重复", status: "rejected", proposerId: dept.id, proposerOrgId: dept.orgId },
    ]);
    const t = await tasksOf("admin");
    expect(titles(t.indicatorChange)).toEqual(["路面技术状况指数达标率"]);
    expect((await tasksOf("reviewer")).indicatorChange).toBeUndefined(); // indicator.manage is the admin's
  });
});

describe("the evaluator's tasks", () => {
  it("ex-ante appraisals its agency was engaged for and has not recorded", async () => {
    const evaluator = await userId("evaluator");
    const reviewer = await userId("reviewer");
    const [p] = await database.db.select().from(projects).limit(1);
    await database.db.delete(appraisalAssignments).where(eq(appraisalAssignments.agencyOrgId, evaluator.orgId));
    await database.db.insert(appraisalAssignments).values({ projectId: p.id, fiscalYear: 2027, agencyOrgId: evaluator.orgId, assignedBy: reviewer.id });
    const t = await tasksOf("evaluator");
    expect(titles(t.appraisalToRecord)).toEqual([p.name]);
    expect(await tasksOf("observer")).toEqual({});
  });
});

describe("the current cycle only", () => {
  it("the navigation's counts are the inbox's, in one query", async () => {
    const actor = await actorOf("reviewer");
    const counts = await countTasks(database.db, actor);
    const groups = await listTasks(database.db, actor, { now: NOW });
    expect(counts.total).toBe(groups.reduce((n, g) => n + g.count.total, 0));
    expect(navCount("/inbox", counts)).toBe(String(counts.total));
    expect(navCount("/warnings", counts)).toBe(String(counts.byKind.warningToDispose!.total + counts.byKind.evidenceToDecide!.total));
    expect(navCount("/projects", counts)).toBeUndefined();
  });

  it("a closed fiscal year's objects leave the inbox: nothing listed, nothing overdue", async () => {
    const before = await tasksOf("filer");
    expect(before.objectiveDraft!.count.total).toBe(1);
    const totalBefore = (await countTasks(database.db, await actorOf("filer"))).total;
    await database.db.update(fiscalYears).set({ status: "closed" }).where(eq(fiscalYears.year, 2027));
    try {
      const after = await tasksOf("filer");
      expect(after.objectiveDraft).toBeUndefined();
      expect(after.rectificationToDo).toBeUndefined(); // the 2027 period's warning
      expect(Object.values(after).flatMap((g) => g!.items).every((i) => i.fiscalYear !== 2027)).toBe(true);
      // The navigation's figure drops with them.
      expect((await countTasks(database.db, await actorOf("filer"))).total).toBeLessThan(totalBefore);
    } finally {
      await database.db.update(fiscalYears).set({ status: "open" }).where(eq(fiscalYears.year, 2027));
    }
  });
});
