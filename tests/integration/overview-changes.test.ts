import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { disclosures, monitoringReports, monitoringWarnings, objectives } from "@/db/schema";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { disposeWarning } from "@/lib/actions/monitoring/dispose-warning";
import { openMonitoringPeriod } from "@/lib/actions/monitoring/open-period";
import { saveMonitoringReport } from "@/lib/actions/monitoring/save-report";
import { submitMonitoringReport } from "@/lib/actions/monitoring/submit-report";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { checkIntegrity } from "@/lib/integrity";
import { move } from "@/lib/ledger/movements";
import { overviewFigures, type OverviewFigures } from "@/lib/overview/figures";
import { overviewRecount } from "@/lib/overview/verify";
import type { ReportLineInput } from "@/lib/validation/monitoring";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad, TRUNK_ROAD_AMOUNT } from "../helpers/trunk-road";

/**
 * The overview's tallies stay right through the workflow's own actions (declare, department and
 * finance review, disclose and withdraw, a monitoring report that raises warnings, a
 * disposition): each moves exactly the figures it should, in the reader's scope only, and the
 * tallies equal a recount afterwards (the triggers of migration 0024_overview).
 */
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
/** Figures are read by their own sessions; the actions below sign in again as whoever acts. */
const readers: Record<string, Actor> = {};
const figures = (who: "reviewer" | "gz.reviewer", year: number) => overviewFigures(database.db, readers[who], year);
async function objective(id: number) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.id, id));
  return o;
}
const jt = (f: OverviewFigures) => f.byDepartment.find((d) => d.name === "广东省交通运输厅")!;
const drift = () => queryRows(database.db, sql`select * from (${overviewRecount()}) q`);
const BILLION_AND_A_HALF = TRUNK_ROAD_AMOUNT; // 1,500,000,000.00

describe("the tallies through the workflow's actions", () => {
  let id = 0;
  let before: OverviewFigures;
  let gzBefore: OverviewFigures;

  beforeAll(async () => {
    readers.reviewer = await actorOf("reviewer");
    readers["gz.reviewer"] = await actorOf("gz.reviewer");
  });

  it("declare: a new draft, then its submission moves it from draft to department review and adds its amount to the declared", async () => {
    before = await figures("reviewer", 2019);
    gzBefore = await figures("gz.reviewer", 2019);
    await signInAs(database, "filer");
    ({ objectiveId: id } = await declareTrunkRoad(database));
    const drafted = await figures("reviewer", 2019);
    expect(drafted.totals.draft).toBe(before.totals.draft + 1);
    expect(drafted.totals.declared).toBe(before.totals.declared);

    expect((await submitObjective({ objectiveId: id, version: (await objective(id)).version })).ok).toBe(true);
    const after = await figures("reviewer", 2019);
    expect(after.totals).toMatchObject({ draft: before.totals.draft, deptReview: before.totals.deptReview + 1, declared: before.totals.declared + 1 });
    expect(after.totals.amountDeclared).toBe(new Decimal(before.totals.amountDeclared).plus(BILLION_AND_A_HALF).toFixed(2));
  });

  it("approve: department pass, then finance approval — approved and arranged amount up, the review counts back", async () => {
    await signInAs(database, "dept");
    expect((await reviewObjective({ objectiveId: id, version: (await objective(id)).version, stage: "department", result: "pass" })).ok).toBe(true);
    expect((await figures("reviewer", 2019)).totals).toMatchObject({ deptReview: before.totals.deptReview, financeReview: before.totals.financeReview + 1 });
    await signInAs(database, "reviewer");
    expect((await reviewObjective({ objectiveId: id, version: (await objective(id)).version, stage: "finance", result: "pass", grade: "excellent" })).ok).toBe(true);
    const after = await figures("reviewer", 2019);
    expect(after.totals).toMatchObject({ financeReview: before.totals.financeReview, approved: before.totals.approved + 1, declared: before.totals.declared + 1 });
    expect(after.totals.amountApproved).toBe(new Decimal(before.totals.amountApproved).plus(BILLION_AND_A_HALF).toFixed(2));
    expect(jt(after).approved).toBe((before.byDepartment.find((d) => d.name === "广东省交通运输厅")?.approved ?? 0) + 1);
  });

  it("disclose, then withdraw: disclosed count and amount up by the disclosed budget, then back", async () => {
    // Only an arranged budget is disclosed (lib/ledger): finance arranges the approved amount first.
    const finance = await actorOf("reviewer");
    await database.db.transaction((tx) => move(tx, finance, id, { kind: "arrange", amount: BILLION_AND_A_HALF, documentNo: "粤财预〔2019〕1号", documentDate: "2018-12-20" }));
    await signInAs(database, "admin");
    const res = await discloseObjectives({ fiscalYear: 2019, items: [{ objectiveId: id }] });
    expect(res).toMatchObject({ ok: true });
    const after = await figures("reviewer", 2019);
    expect(after.totals.disclosed).toBe(before.totals.disclosed + 1);
    expect(after.totals.amountDisclosed).toBe(new Decimal(before.totals.amountDisclosed).plus(BILLION_AND_A_HALF).toFixed(2));
    const [d] = await database.db.select().from(disclosures).where(and(eq(disclosures.objectiveId, id), isNull(disclosures.withdrawnAt)));
    expect((await withdrawDisclosure({ disclosureId: d.id, version: d.version, reason: "金额有误，更正后重新公开" })).ok).toBe(true);
    const withdrawn = await figures("reviewer", 2019);
    expect([withdrawn.totals.disclosed, withdrawn.totals.amountDisclosed]).toEqual([before.totals.disclosed, before.totals.amountDisclosed]);
  });

  it("a city's reviewer saw none of it", async () => {
    expect((await figures("gz.reviewer", 2019)).totals).toEqual(gzBefore.totals);
  });

  it("warn: a lagging monitoring report raises two red warnings waiting for finance; a disposition takes one away", async () => {
    const start = await figures("reviewer", 2027);
    const gzStart = await figures("gz.reviewer", 2027);
    await signInAs(database, "reviewer");
    const opened = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 9, deadline: "2027-10-15" });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const [bridgeRow] = await database.db
      .select({ report: monitoringReports })
      .from(monitoringReports)
      .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
      .where(and(eq(monitoringReports.periodId, opened.data.periodId), eq(objectives.title, "农村公路危桥改造工程")));
    let bridge = bridgeRow.report;
    await signInAs(database, "filer");
    const lines: ReportLineInput[] = [
      { ordinal: 1, valueReached: "60", expectedValue: "110", judgement: "not_met", deviationReason: "征地拆迁滞后", correctiveMeasure: "倒排工期，四季度集中施工" },
      { ordinal: 2, valueReached: "89", expectedValue: "91", judgement: "met" },
      { ordinal: 3, valueReached: "0", expectedValue: "0", judgement: "met" },
      { ordinal: 4, valueReached: "部分路段", expectedValue: "达成", judgement: "met" },
    ];
    expect((await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "19200000.00", lines })).ok).toBe(true);
    [bridge] = await database.db.select().from(monitoringReports).where(eq(monitoringReports.id, bridge.id));
    // 19.2m of 64m = 30 % at 75 % of the year: an execution warning and a target warning, both red.
    expect(await submitMonitoringReport({ reportId: bridge.id, version: bridge.version })).toMatchObject({ ok: true, data: { executionLight: "red", warnings: 2 } });
    const warned = await figures("reviewer", 2027);
    expect([warned.totals.redOpen, warned.totals.yellowOpen]).toEqual([start.totals.redOpen + 2, start.totals.yellowOpen]);

    await signInAs(database, "reviewer");
    const [w] = await database.db.select().from(monitoringWarnings).where(and(eq(monitoringWarnings.reportId, bridge.id), eq(monitoringWarnings.rule, "execution")));
    expect(await disposeWarning({ warningId: w.id, version: w.version, kind: "continue", comment: "继续执行，四季度加快支付" })).toMatchObject({ ok: true });
    const disposed = await figures("reviewer", 2027);
    expect(disposed.totals.redOpen).toBe(start.totals.redOpen + 1);
    expect((await figures("gz.reviewer", 2027)).totals).toEqual(gzStart.totals);
  });

  it("the tallies equal a recount after all of it, and the integrity check notices a tally that does not", async () => {
    expect(await drift()).toEqual([]);
    expect((await checkIntegrity(database.db)).filter((f) => f.violations > 0)).toEqual([]);
    await database.db.execute(sql`update overview_tallies set n_approved = n_approved + 1 where fiscal_year = 2019`);
    expect((await drift()).length).toBeGreaterThan(0);
    const found = (await checkIntegrity(database.db)).find((f) => f.check === "overview_tallies_match")!;
    expect(found.violations).toBe(1);
  });
});
