import { and, asc, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
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

  const reports = await tx
    .insert(monitoringReports)
    .values(
      subjects.map((s) => ({
        periodId: period.id,
        objectiveId: s.id,
        versionId: s.versionId!,
        ownerOrgId: s.ownerOrgId,
        departmentOrgId: s.departmentOrgId,
        regionId: s.regionId,
        budget: s.allocated ?? s.amount,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: monitoringReports.id, versionId: monitoringReports.versionId });
  if (reports.length) {
    const inds = await tx
      .select({ versionId: objectiveIndicators.versionId, ordinal: objectiveIndicators.ordinal })
      .from(objectiveIndicators)
      .where(inArray(objectiveIndicators.versionId, [...new Set(reports.map((r) => r.versionId))]));
    const lines = reports.flatMap((r) => inds.filter((i) => i.versionId === r.versionId).map((i) => ({ reportId: r.id, ordinal: i.ordinal })));
    if (lines.length) await tx.insert(monitoringReportIndicators).values(lines);
  }
  return { periodId: period.id, created: reports.length, periodCreated: inserted.length > 0 };
}
