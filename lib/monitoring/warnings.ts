import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { monitoringReports, monitoringWarnings, warningDispositions } from "@/db/schema";
import type { RaisedWarning } from "./rules";

type ReportRow = typeof monitoringReports.$inferSelect;

/**
 * Records the warnings a submission raised. Warnings of an earlier submission that finance has
 * not disposed yet are replaced; disposed ones stay on record with their disposition.
 */
export async function replaceWarnings(tx: Tx, report: Pick<ReportRow, "id" | "periodId" | "objectiveId" | "ownerOrgId" | "departmentOrgId" | "regionId">, warnings: RaisedWarning[]) {
  const stale = await tx
    .select({ id: monitoringWarnings.id })
    .from(monitoringWarnings)
    .leftJoin(warningDispositions, eq(warningDispositions.warningId, monitoringWarnings.id))
    .where(and(eq(monitoringWarnings.reportId, report.id), isNull(warningDispositions.id)));
  if (stale.length) await tx.delete(monitoringWarnings).where(inArray(monitoringWarnings.id, stale.map((s) => s.id)));
  if (!warnings.length) return [];
  return tx
    .insert(monitoringWarnings)
    .values(
      warnings.map((w) => ({
        reportId: report.id,
        periodId: report.periodId,
        objectiveId: report.objectiveId,
        ownerOrgId: report.ownerOrgId,
        departmentOrgId: report.departmentOrgId,
        regionId: report.regionId,
        rule: w.rule,
        light: w.light,
        indicatorOrdinal: w.indicatorOrdinal,
        facts: w.facts,
      })),
    )
    .returning({ id: monitoringWarnings.id });
}
