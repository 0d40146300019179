import { and, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { indicators, monitoringReportIndicators, monitoringReports, objectiveIndicators, objectives, objectiveVersions, orgs, projects, regions, reviews, type TargetJudgement } from "./schema";
import { loadReportLines, thresholdsFor } from "@/lib/monitoring/load";
import { openPeriod } from "@/lib/monitoring/open";
import { evaluateReport } from "@/lib/monitoring/rules";
import { replaceWarnings } from "@/lib/monitoring/warnings";

const YEAR = 2027;

interface Line {
  reached: string;
  expected: string;
  judgement: TargetJudgement;
  reason?: string;
  measure?: string;
}

/**
 * Double monitoring demo (DESIGN §3.6): a second approved 2027 objective (the highway unit's
 * rural bridge project), the province's "to the end of June" period opened for every approved
 * subject, and both reports filed — the immunisation programme on pace (green), the bridge
 * project lagging (execution index 30: a red light, one target that will not be met).
 */
export async function seedDemoMonitoring(tx: Tx, orgIds: Map<string, number>, userIds: Map<string, number>) {
  const bank = new Map<string, typeof indicators.$inferSelect>();
  for (const i of await tx.select().from(indicators)) bank.set(i.code, i);
  const [owner] = await tx.select().from(orgs).where(eq(orgs.id, orgIds.get("440000-JT-GL")!));
  const amount = "64000000.00";
  const name = "农村公路危桥改造工程";
  const [p] = await tx
    .insert(projects)
    .values({
      code: `440000-${YEAR}-M00001`,
      name,
      category: "special_fund",
      ownerOrgId: owner.id,
      departmentOrgId: owner.parentId!,
      regionId: owner.regionId,
      startYear: YEAR,
      endYear: YEAR,
      totalAmount: amount,
      fundSource: "general_budget",
      isNew: false,
      state: "admitted",
      createdBy: userIds.get("filer") ?? null,
    })
    .returning();
  const [o] = await tx
    .insert(objectives)
    .values({
      subjectKind: "project",
      projectId: p.id,
      ownerOrgId: owner.id,
      departmentOrgId: owner.parentId!,
      regionId: owner.regionId,
      fiscalYear: YEAR,
      title: name,
      requestedAmount: amount,
      state: "approved",
      grade: "good",
      submittedAt: new Date("2026-10-12T09:00:00+08:00"),
    })
    .returning();
  const annual = "完成农村公路危桥改造150座，公路桥梁一、二类比例达到90%以上。";
  const [v] = await tx
    .insert(objectiveVersions)
    .values({
      objectiveId: o.id,
      number: 1,
      basic: { name, category: "special_fund", startYear: YEAR, endYear: YEAR, servesPublic: true },
      funding: [{ source: "general_budget", year: YEAR, amount }],
      requestedAmount: amount,
      fundUses: "危桥拆除重建、加固改造工程及设计监理支出",
      plan: [{ start: `${YEAR}-03`, end: `${YEAR}-11`, content: annual }],
      overallGoal: "消除农村公路四、五类危桥，保障群众安全便捷出行。",
      annualGoal: annual,
      submittedAt: new Date("2026-10-12T09:00:00+08:00"),
      approvedAt: new Date("2026-11-12T10:00:00+08:00"),
    })
    .returning();
  await tx.update(objectives).set({ currentVersionId: v.id, approvedVersionId: v.id }).where(eq(objectives.id, o.id));
  const rows: [string, string][] = [
    ["JT-SL-006", "150"],
    ["JT-ZL-004", "90"],
    ["JT-ZL-005", "0"],
    ["JT-XY-007", "带动沿线乡村旅游和农产品运输"],
  ];
  await tx.insert(objectiveIndicators).values(
    rows.map(([code, target], i) => {
      const b = bank.get(code)!;
      return { versionId: v.id, ordinal: i + 1, level1: b.level1, level2: b.level2, name: b.name, comparison: b.comparison, annualTarget: target, periodTarget: target, unit: b.unit, formula: b.formula, indicatorId: b.id };
    }),
  );
  await tx.insert(reviews).values([
    { objectiveId: o.id, versionId: v.id, stage: "department", result: "pass", reviewerId: userIds.get("dept")! },
    { objectiveId: o.id, versionId: v.id, stage: "finance", result: "pass", grade: "good", score: "86", reviewerId: userIds.get("reviewer")! },
  ]);

  // The province's period to the end of June 2027.
  const { periodId } = await openPeriod(tx, { regionId: owner.regionId, fiscalYear: YEAR, throughMonth: 6, deadline: `${YEAR}-07-15`, openedBy: userIds.get("reviewer") ?? null });
  const filed: Record<string, { executed: string; lines: Line[] }> = {
    免疫规划项目: {
      executed: "43250000.00",
      lines: [
        { reached: "92", expected: "95", judgement: "met" },
        { reached: "96", expected: "96", judgement: "met" },
        { reached: "3.2", expected: "4.5", judgement: "met" },
        { reached: "91", expected: "92", judgement: "met" },
      ],
    },
    [name]: {
      executed: "9600000.00",
      lines: [
        { reached: "38", expected: "120", judgement: "not_met", reason: "汛期提前，部分桥位施工窗口推迟，招标延误两个月", measure: "分标段同步开工，9月底前完成剩余招标" },
        { reached: "88", expected: "90", judgement: "met" },
        { reached: "0", expected: "0", judgement: "met" },
        { reached: "部分桥梁尚未通车", expected: "部分达成", judgement: "probably", reason: "改造桥梁通车时间晚于计划", measure: "优先安排旅游线路上的桥梁完工" },
      ],
    },
  };
  const reports = await tx
    .select({ report: monitoringReports, title: objectives.title })
    .from(monitoringReports)
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .where(eq(monitoringReports.periodId, periodId));
  const [region] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, owner.regionId));
  const thresholds = await thresholdsFor(tx, region.path, YEAR);
  for (const { report, title } of reports) {
    const f = filed[title];
    if (!f) continue;
    const lines = await loadReportLines(tx, report);
    for (const { indicator } of lines) {
      const l = f.lines[indicator.ordinal - 1];
      await tx
        .update(monitoringReportIndicators)
        .set({ valueReached: l.reached, expectedValue: l.expected, judgement: l.judgement, deviationReason: l.reason ?? null, correctiveMeasure: l.measure ?? null })
        .where(and(eq(monitoringReportIndicators.reportId, report.id), eq(monitoringReportIndicators.ordinal, indicator.ordinal)));
    }
    const { execution, warnings } = evaluateReport(
      {
        executed: f.executed,
        budget: report.budget,
        throughMonth: 6,
        indicators: lines.map(({ indicator }) => ({ ordinal: indicator.ordinal, name: indicator.name, comparison: indicator.comparison, judgement: f.lines[indicator.ordinal - 1].judgement })),
      },
      thresholds,
    );
    const unit = report.ownerOrgId !== report.departmentOrgId;
    await tx
      .update(monitoringReports)
      .set({
        executedAmount: f.executed,
        executionIndex: execution.index,
        executionLight: execution.light,
        state: "accepted",
        submittedAt: new Date(`${YEAR}-07-08T10:00:00+08:00`),
        reviewComment: unit ? "情况属实，同意报送。" : null,
        reviewedBy: unit && title === name ? (userIds.get("dept") ?? null) : null,
        reviewedAt: unit ? new Date(`${YEAR}-07-10T15:00:00+08:00`) : null,
        version: 3,
      })
      .where(eq(monitoringReports.id, report.id));
    await replaceWarnings(tx, report, warnings);
  }
}
