import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, monitoringPeriods, monitoringReportIndicators, monitoringReports, monitoringWarnings, objectives, rectificationFiles, regions, warningDispositions } from "@/db/schema";
import { GET as downloadEvidence } from "@/app/api/monitoring/evidence/[id]/route";
import { decideRectificationEvidence } from "@/lib/actions/monitoring/decide-evidence";
import { disposeWarning } from "@/lib/actions/monitoring/dispose-warning";
import { openMonitoringPeriod } from "@/lib/actions/monitoring/open-period";
import { reviewMonitoringReport } from "@/lib/actions/monitoring/review-report";
import { saveMonitoringReport } from "@/lib/actions/monitoring/save-report";
import { submitRectificationEvidence } from "@/lib/actions/monitoring/submit-evidence";
import { submitMonitoringReport } from "@/lib/actions/monitoring/submit-report";
import { getActor } from "@/lib/auth/current-user";
import { loadReport } from "@/lib/monitoring/load";
import { listWarnings, monitoringInbox, objectiveHistory } from "@/lib/monitoring/queries";
import type { ReportLineInput } from "@/lib/validation/monitoring";
import { createTestDatabase } from "../helpers/db";
import { asSession, auditCount, signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const BRIDGE = "农村公路危桥改造工程";
const IMMUNISATION = "免疫规划项目";

async function reportOf(periodId: number, title: string) {
  const [r] = await database.db
    .select({ report: monitoringReports })
    .from(monitoringReports)
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .where(and(eq(monitoringReports.periodId, periodId), eq(objectives.title, title)));
  return r.report;
}
async function actor() {
  const a = await getActor();
  if (!a) throw new Error("no actor");
  return a;
}
const params = { page: 1, pageSize: 20, sort: "light", dir: "desc" } as const;
/** The province's approved 2027 subjects in the demo data: a provincial period gets one report each. */
async function approvedProvincial2027() {
  const rows = await database.db
    .select({ id: objectives.id })
    .from(objectives)
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .where(and(eq(objectives.state, "approved"), eq(objectives.fiscalYear, 2027), eq(regions.level, "province")));
  return rows.length;
}

describe("monitoring periods", () => {
  it("the demo period to June has a report per approved subject, and the lagging bridge project shows a red light", async () => {
    const [june] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.throughMonth, 6));
    const bridge = await reportOf(june.id, BRIDGE);
    expect(bridge).toMatchObject({ executionLight: "red", executionIndex: "30.00", state: "accepted" });
    expect((await reportOf(june.id, IMMUNISATION)).executionLight).toBe("green");
  });

  it("opening a period creates one report per approved subject with a line per approved indicator — and nothing more when opened again", async () => {
    await signInAs(database, "reviewer");
    const subjects = await approvedProvincial2027();
    expect(subjects).toBeGreaterThanOrEqual(2);
    const first = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 9, deadline: "2027-10-15" });
    expect(first).toMatchObject({ ok: true, data: { created: subjects, periodCreated: true } });
    const again = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 9, deadline: "2027-10-15" });
    expect(again).toMatchObject({ ok: true, data: { created: 0, periodCreated: false } });
    expect(first.ok && again.ok && again.data.periodId).toBe(first.ok && first.data.periodId);
    const periodId = first.ok ? first.data.periodId : 0;
    const reports = await database.db.select().from(monitoringReports).where(eq(monitoringReports.periodId, periodId));
    expect(reports).toHaveLength(subjects);
    const bridge = await reportOf(periodId, BRIDGE);
    expect(bridge).toMatchObject({ budget: "64000000.00", state: "draft" });
    expect(await database.db.select().from(monitoringReportIndicators).where(eq(monitoringReportIndicators.reportId, bridge.id))).toHaveLength(4);
    // Opening is recorded; a year with no approved subject opens with no report.
    expect(await auditCount(database, "monitoring_period.open")).toBe(2);
    expect(await openMonitoringPeriod({ fiscalYear: 2025, throughMonth: 6, deadline: "2025-07-15" })).toMatchObject({ ok: true, data: { created: 0 } });
  });

  it("only finance may open a period; the month must be 1–12", async () => {
    await signInAs(database, "filer");
    expect(await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 7, deadline: "2027-08-15" })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "reviewer");
    const bad = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 13, deadline: "2027-08-15" });
    expect(!bad.ok && bad.fieldErrors?.throughMonth).toBeTruthy();
  });
});

describe("a report from draft to warnings, disposition and rectification", () => {
  it("a unit cannot read or file another unit's report", async () => {
    const [sept] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.throughMonth, 9));
    const bridge = await reportOf(sept.id, BRIDGE);
    await signInAs(database, "filer2");
    await expect(loadReport(database.db, await actor(), "project.read", bridge.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "1.00", lines: [] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitMonitoringReport({ reportId: bridge.id, version: bridge.version })).toMatchObject({ ok: false, code: "not_found" });
    // …and the refusal is in the audit log.
    expect(await auditCount(database, "access.denied")).toBeGreaterThanOrEqual(2);
    // The other unit's filer sees only its own report in its inbox.
    const inbox = await monitoringInbox(database.db, await actor());
    expect(inbox.toFill.map((r) => r.title)).toEqual([IMMUNISATION]);
  });

  it("the filer saves a draft, cannot submit it incomplete, then submits a lagging report: red light and warnings with their numbers", async () => {
    const [sept] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.throughMonth, 9));
    let bridge = await reportOf(sept.id, BRIDGE);
    await signInAs(database, "filer");
    const toFill = (await monitoringInbox(database.db, await actor())).toFill.map((r) => r.title);
    expect(toFill).toContain(BRIDGE);
    expect(toFill).not.toContain(IMMUNISATION);
    const partial = await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "19200000.00", lines: [{ ordinal: 1, valueReached: "60" }] });
    expect(partial).toMatchObject({ ok: true, data: { version: bridge.version + 1 } });
    // A stale form loses.
    expect(await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "1.00", lines: [] })).toMatchObject({ ok: false, code: "conflict" });
    bridge = await reportOf(sept.id, BRIDGE);
    const incomplete = await submitMonitoringReport({ reportId: bridge.id, version: bridge.version });
    expect(incomplete).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!incomplete.ok && Object.keys(incomplete.fieldErrors ?? {})).toEqual(expect.arrayContaining(["lines.1.judgement", "lines.2.valueReached", "lines.4.judgement"]));

    // Will not be met without a reason is refused too.
    const lines: ReportLineInput[] = [
      { ordinal: 1, valueReached: "60", expectedValue: "110", judgement: "not_met", deviationReason: null, correctiveMeasure: null },
      { ordinal: 2, valueReached: "89", expectedValue: "91", judgement: "met" },
      { ordinal: 3, valueReached: "0", expectedValue: "0", judgement: "met" },
      { ordinal: 4, valueReached: "部分路段", expectedValue: "达成", judgement: "met" },
    ];
    await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "19200000.00", lines });
    bridge = await reportOf(sept.id, BRIDGE);
    const noReason = await submitMonitoringReport({ reportId: bridge.id, version: bridge.version });
    expect(!noReason.ok && noReason.fieldErrors?.["lines.1.deviationReason"]?.[0]).toContain("偏差原因");

    lines[0] = { ...lines[0], deviationReason: "征地拆迁滞后", correctiveMeasure: "倒排工期，四季度集中施工" };
    await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "19200000.00", lines });
    bridge = await reportOf(sept.id, BRIDGE);
    // 19.2m of 64m = 30% spent at 75% of the year: index 40 → red.
    const submitted = await submitMonitoringReport({ reportId: bridge.id, version: bridge.version });
    expect(submitted).toMatchObject({ ok: true, data: { state: "dept_review", executionLight: "red", index: "40.00", warnings: 2, late: false } });
    const warnings = await database.db.select().from(monitoringWarnings).where(eq(monitoringWarnings.reportId, bridge.id));
    expect(warnings.map((w) => [w.rule, w.light, w.indicatorOrdinal])).toEqual(
      expect.arrayContaining([
        ["execution", "red", null],
        ["target", "red", 1],
      ]),
    );
    expect(warnings.find((w) => w.rule === "execution")!.facts).toMatchObject({ ratePercent: "30.00", timeProgressPercent: "75.00", index: "40.00", red: "60.00", yellow: "80.00" });
    // Submitted: the filer can no longer change it.
    bridge = await reportOf(sept.id, BRIDGE);
    expect(await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "64000000.00", lines: [] })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the department returns it, the filer resubmits, the department passes it; warnings are replaced, not doubled", async () => {
    const [sept] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.throughMonth, 9));
    let bridge = await reportOf(sept.id, BRIDGE);
    await signInAs(database, "dept");
    expect((await monitoringInbox(database.db, await actor())).toReview.map((r) => r.title)).toEqual([BRIDGE]);
    const noReason = await reviewMonitoringReport({ reportId: bridge.id, version: bridge.version, result: "return" });
    expect(!noReason.ok && noReason.fieldErrors?.comment).toBeTruthy();
    expect(await reviewMonitoringReport({ reportId: bridge.id, version: bridge.version, result: "return", comment: "请核实执行数" })).toMatchObject({ ok: true, data: { state: "returned" } });
    await signInAs(database, "filer");
    bridge = await reportOf(sept.id, BRIDGE);
    expect(await submitMonitoringReport({ reportId: bridge.id, version: bridge.version })).toMatchObject({ ok: true, data: { state: "dept_review" } });
    expect(await database.db.select().from(monitoringWarnings).where(eq(monitoringWarnings.reportId, bridge.id))).toHaveLength(2);
    await signInAs(database, "dept");
    bridge = await reportOf(sept.id, BRIDGE);
    expect(await reviewMonitoringReport({ reportId: bridge.id, version: bridge.version, result: "pass" })).toMatchObject({ ok: true, data: { state: "accepted" } });
  });

  it("finance sees the red light in its table, orders a rectification; the filer has it in the inbox until the evidence is accepted", async () => {
    const [sept] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.throughMonth, 9));
    const bridge = await reportOf(sept.id, BRIDGE);
    await signInAs(database, "reviewer");
    const reviewer = await actor();
    const red = await listWarnings(database.db, reviewer, { ...params, periodId: sept.id, light: "red" });
    expect(red.total).toBe(2);
    expect(red.rows.every((r) => r.title === BRIDGE && r.departmentName === "广东省交通运输厅")).toBe(true);
    const exec = red.rows.find((r) => r.warning.rule === "execution")!.warning;

    // A city's finance reviewer neither sees nor disposes the province's warning.
    await signInAs(database, "gz.reviewer");
    expect((await listWarnings(database.db, await actor(), { ...params, periodId: sept.id })).total).toBe(0);
    expect(await disposeWarning({ warningId: exec.id, version: exec.version, kind: "continue", comment: "继续执行" })).toMatchObject({ ok: false, code: "not_found" });

    await signInAs(database, "reviewer");
    const noDeadline = await disposeWarning({ warningId: exec.id, version: exec.version, kind: "rectify", comment: "限期整改" });
    expect(!noDeadline.ok && noDeadline.fieldErrors?.rectifyDeadline).toBeTruthy();
    const disposed = await disposeWarning({ warningId: exec.id, version: exec.version, kind: "rectify", comment: "执行进度严重滞后，请限期整改", rectifyDeadline: "2027-10-31" });
    expect(disposed).toMatchObject({ ok: true });
    // Disposed once: a second decision is a conflict.
    expect(await disposeWarning({ warningId: exec.id, version: exec.version, kind: "stop", comment: "停止" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await auditCount(database, "monitoring_warning.dispose")).toBe(1);
    const dispositionId = disposed.ok ? disposed.data.dispositionId : 0;

    // The filer sees the task; another unit does not.
    await signInAs(database, "filer2");
    expect((await monitoringInbox(database.db, await actor())).rectifications).toEqual([]);
    expect(await submitRectificationEvidence({ dispositionId, version: 1, evidence: "x" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(database, "filer");
    let inbox = await monitoringInbox(database.db, await actor());
    expect(inbox.rectifications).toMatchObject([{ id: dispositionId, reportId: bridge.id, title: BRIDGE, deadline: "2027-10-31", state: "open" }]);
    // Evidence files are recognised by their content: a renamed executable is refused, and nothing is written.
    const fake = new File([new TextEncoder().encode("MZ not a pdf")], "支付凭证.pdf", { type: "application/pdf" });
    const refused = await submitRectificationEvidence({ dispositionId, version: 1, evidence: "已完成", files: [fake] });
    expect(!refused.ok && refused.fieldErrors?.["files.0"]?.[0]).toContain("仅支持");
    const pdf = new File([new TextEncoder().encode("%PDF-1.4 payment vouchers")], "10月支付凭证.pdf", { type: "application/pdf" });
    expect(await submitRectificationEvidence({ dispositionId, version: 1, evidence: "已完成剩余标段招标，10月执行数达到4800万元", files: [pdf] })).toMatchObject({ ok: true });
    const [file] = await database.db.select().from(rectificationFiles).where(eq(rectificationFiles.dispositionId, dispositionId));
    expect(file).toMatchObject({ filename: "10月支付凭证.pdf", mime: "application/pdf" });
    // The unit downloads it; another unit gets a 404 as if it did not exist.
    const download = () => downloadEvidence(new Request("http://x/"), { params: Promise.resolve({ id: file.id }) });
    const ok = await download();
    expect(ok.status).toBe(200);
    expect(new TextDecoder().decode(await ok.arrayBuffer())).toBe("%PDF-1.4 payment vouchers");
    await signInAs(database, "filer2");
    expect((await download()).status).toBe(404);
    await signInAs(database, "filer");

    // Finance sends it back once, then accepts it.
    await signInAs(database, "reviewer");
    expect((await monitoringInbox(database.db, await actor())).evidenceToCheck.map((e) => e.id)).toEqual([dispositionId]);
    expect(await decideRectificationEvidence({ dispositionId, version: 2, accept: false, comment: "请附支付凭证" })).toMatchObject({ ok: true, data: { state: "open" } });
    await signInAs(database, "filer");
    inbox = await monitoringInbox(database.db, await actor());
    expect(inbox.rectifications[0]).toMatchObject({ state: "open", evidenceReview: "请附支付凭证" });
    expect(await submitRectificationEvidence({ dispositionId, version: 3, evidence: "补充支付凭证" })).toMatchObject({ ok: true });
    await signInAs(database, "reviewer");
    expect(await decideRectificationEvidence({ dispositionId, version: 4, accept: true })).toMatchObject({ ok: true, data: { state: "accepted" } });
    await signInAs(database, "filer");
    expect((await monitoringInbox(database.db, await actor())).rectifications).toEqual([]);
    const [d] = await database.db.select().from(warningDispositions).where(eq(warningDispositions.id, dispositionId));
    expect(d).toMatchObject({ kind: "rectify", rectificationState: "accepted", evidence: "补充支付凭证" });
  });

  it("the subject's history lists its periods in order with the lights", async () => {
    const [o] = await database.db.select().from(objectives).where(eq(objectives.title, BRIDGE));
    const h = await objectiveHistory(database.db, o.id);
    expect(h.reports.map((r) => [r.period.throughMonth, r.report.executionLight])).toEqual([
      [6, "red"],
      [9, "red"],
    ]);
    expect(h.indicators).toHaveLength(4);
    expect(h.warnings.filter((w) => w.kind === "rectify")).toHaveLength(1);
  });
});

describe("opening at the same time", () => {
  it("two finance officers opening the same period at once still get one period and one report per subject", async () => {
    // Two people: the finance reviewer and the finance administrator, each in their own session.
    const reviewer = await signInAs(database, "reviewer");
    const admin = await signInAs(database, "admin");
    const both = await Promise.all([
      asSession(reviewer, () => openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 11, deadline: "2027-12-10" })),
      asSession(admin, () => openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 11, deadline: "2027-12-10" })),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    const subjects = await approvedProvincial2027();
    expect(both.map((r) => (r.ok ? r.data.created : -1)).sort((x, y) => x - y)).toEqual([0, subjects]);
    const [p] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.throughMonth, 11));
    expect(await database.db.select().from(monitoringReports).where(eq(monitoringReports.periodId, p.id))).toHaveLength(subjects);
    // Each opening is on record under its own person.
    const opened = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "monitoring_period.open"), eq(auditLog.objectId, String(p.id))));
    expect(new Set(opened.map((a) => a.actorUserId)).size).toBe(2);
  });
});

describe("a report after the deadline", () => {
  it("is accepted and marked late", async () => {
    await signInAs(database, "reviewer");
    const opened = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 3, deadline: "2026-01-31" });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const bridge = await reportOf(opened.data.periodId, BRIDGE);
    await signInAs(database, "filer");
    const line = (ordinal: number) => ({ ordinal, valueReached: "1", expectedValue: "1", judgement: "met" as const });
    const saved = await saveMonitoringReport({ reportId: bridge.id, version: bridge.version, executedAmount: "16000000.00", lines: [1, 2, 3, 4].map(line) });
    expect(saved.ok).toBe(true);
    // 16m of 64m at a quarter of the year: index 100, green, no warning.
    expect(await submitMonitoringReport({ reportId: bridge.id, version: bridge.version + 1 })).toMatchObject({ ok: true, data: { late: true, executionLight: "green", warnings: 0 } });
  });
});
