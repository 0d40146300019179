import Decimal from "decimal.js";
import { and, asc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { monitoringPeriods, monitoringReportIndicators, monitoringReports, objectiveIndicators, objectives, objectiveVersions } from "@/db/schema";

/**
 * Opens a monitoring period of a region's fiscal year (or finds it, when it is already open) and
 * creates the report to fill for every approved subject of that region that has none yet. Run
 * twice, it creates nothing the second time: the period and each (period, subject) report are
 * unique in the database, so even two finance officers opening at once cannot double them.
 */
export async function openPeriod(
  tx: Tx,
  input: { regionId: number; fiscalYear: number; throughMonth: number; deadline: string; openedBy: number | null },
): Promise<{ periodId: number; created: number; periodCreated: boolean }> {
  const inserted = await tx
    .insert(monitoringPeriods)
    .values(input)
    .onConflictDoNothing()
    .returning({ id: monitoringPeriods.id });
  const [period] = inserted.length
    ? inserted
    : await tx
        .select({ id: monitoringPeriods.id })
        .from(monitoringPeriods)
        .where(and(eq(monitoringPeriods.regionId, input.regionId), eq(monitoringPeriods.fiscalYear, input.fiscalYear), eq(monitoringPeriods.throughMonth, input.throughMonth)));

  // Approved subjects of the region (the approved version stays in force during an adjustment).
  const subjects = await tx
    .select({
      id: objectives.id,
      ownerOrgId: objectives.ownerOrgId,
      departmentOrgId: objectives.departmentOrgId,
      regionId: objectives.regionId,
      versionId: objectives.approvedVersionId,
      allocated: objectives.allocatedAmount,
      amount: objectiveVersions.requestedAmount,
      // The ledger (lib/ledger): 年初预算数 is what was arranged (安排/下达), 调整后 the current budget when it differs.
      arranged: sql<string | null>`(select sum(m.amount) from budget_movements m where m.objective_id = ${objectives.id} and m.kind in ('arrange', 'issue'))`,
      current: objectives.budgetCurrent,
    })
    .from(objectives)
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
    .where(
      and(
        eq(objectives.regionId, input.regionId),
        eq(objectives.fiscalYear, input.fiscalYear),
        isNotNull(objectives.approvedVersionId),
        notInArray(objectives.state, ["rejected", "superseded"]),
      ),
    )
    .orderBy(asc(objectives.id));
  if (!subjects.length) return { periodId: period.id, created: 0, periodCreated: inserted.length > 0 };

  // In batches: a province opens tens of thousands of reports, and one statement takes at most
  // 65,535 parameters.
  const reports: { id: number; versionId: number }[] = [];
  for (const batch of chunks(subjects, 5000)) {
    reports.push(
      ...(await tx
        .insert(monitoringReports)
        .values(
          batch.map((s) => ({
            periodId: period.id,
            objectiveId: s.id,
            versionId: s.versionId!,
            ownerOrgId: s.ownerOrgId,
            departmentOrgId: s.departmentOrgId,
            regionId: s.regionId,
            budget: s.arranged ?? s.allocated ?? s.amount,
            adjustedBudget: s.arranged != null && new Decimal(s.current).cmp(s.arranged) !== 0 ? s.current : null,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: monitoringReports.id, versionId: monitoringReports.versionId })),
    );
  }
  for (const batch of chunks(reports, 2000)) {
    const inds = await tx
      .select({ versionId: objectiveIndicators.versionId, ordinal: objectiveIndicators.ordinal })
      .from(objectiveIndicators)
      .where(inArray(objectiveIndicators.versionId, [...new Set(batch.map((r) => r.versionId))]));
    const byVersion = new Map<number, typeof inds>();
    for (const i of inds) byVersion.set(i.versionId, [...(byVersion.get(i.versionId) ?? []), i]);
    const lines = batch.flatMap((r) => (byVersion.get(r.versionId) ?? []).map((i) => ({ reportId: r.id, ordinal: i.ordinal })));
    for (const part of chunks(lines, 20000)) await tx.insert(monitoringReportIndicators).values(part);
  }
  return { periodId: period.id, created: reports.length, periodCreated: inserted.length > 0 };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
