import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  fiscalYears,
  monitoringPeriods,
  monitoringReportIndicators,
  monitoringReports,
  monitoringWarnings,
  objectiveIndicators,
  objectives,
  orgs,
  regions,
  warningDispositions,
} from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./rules";
import type { ReportRef } from "./workflow";

/**
 * Loads a monitoring report only if the actor may touch it for `permission` (the owning unit's
 * place in the org tree decides, as for its objective); out of scope reads exactly like missing.
 */
export async function loadReport(db: DbOrTx, actor: Actor, permission: Permission, reportId: number) {
  const [row] = await db
    .select({
      report: monitoringReports,
      period: monitoringPeriods,
      title: objectives.title,
      ownerName: orgs.name,
      ownerKind: orgs.kind,
      orgPath: orgs.path,
      regionPath: regions.path,
    })
    .from(monitoringReports)
    .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringReports.periodId))
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .innerJoin(orgs, eq(orgs.id, monitoringReports.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(monitoringReports.id, reportId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "monitoring_report", id: reportId });
  }
  const ref: ReportRef = {
    id: row.report.id,
    state: row.report.state,
    version: row.report.version,
    ownerIsDepartment: row.report.ownerOrgId === row.report.departmentOrgId,
    orgPath: row.orgPath,
    regionPath: row.regionPath,
  };
  return { ...row, ref };
}

/** A report's lines next to the approved indicators they report on, in the declaration's order. */
export async function loadReportLines(db: DbOrTx, report: { id: number; versionId: number }) {
  return db
    .select({ line: monitoringReportIndicators, indicator: objectiveIndicators })
    .from(objectiveIndicators)
    .leftJoin(monitoringReportIndicators, and(eq(monitoringReportIndicators.reportId, report.id), eq(monitoringReportIndicators.ordinal, objectiveIndicators.ordinal)))
    .where(eq(objectiveIndicators.versionId, report.versionId))
    .orderBy(asc(objectiveIndicators.ordinal));
}

/** A warning with its disposition, only if the actor may touch its subject for `permission`. */
export async function loadWarning(db: DbOrTx, actor: Actor, permission: Permission, warningId: number) {
  const [row] = await db
    .select({ warning: monitoringWarnings, disposition: warningDispositions, orgPath: orgs.path, regionPath: regions.path })
    .from(monitoringWarnings)
    .innerJoin(orgs, eq(orgs.id, monitoringWarnings.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(warningDispositions, eq(warningDispositions.warningId, monitoringWarnings.id))
    .where(eq(monitoringWarnings.id, warningId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "monitoring_warning", id: warningId });
  }
  return row;
}

/** A disposition with its warning, scoped like the warning. */
export async function loadDisposition(db: DbOrTx, actor: Actor, permission: Permission, dispositionId: number) {
  const [row] = await db
    .select({ disposition: warningDispositions, warning: monitoringWarnings, orgPath: orgs.path, regionPath: regions.path })
    .from(warningDispositions)
    .innerJoin(monitoringWarnings, eq(monitoringWarnings.id, warningDispositions.warningId))
    .innerJoin(orgs, eq(orgs.id, monitoringWarnings.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(warningDispositions.id, dispositionId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "warning_disposition", id: dispositionId });
  }
  return row;
}

/** The warning thresholds of the province's fiscal year for a region path ("/1/4/" → province 1); defaults if none is set. */
export async function thresholdsFor(db: DbOrTx, regionPath: string, year: number): Promise<Thresholds> {
  const provinceId = Number(regionPath.split("/")[1]);
  const [fy] = await db
    .select({ red: fiscalYears.warningRed, yellow: fiscalYears.warningYellow })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, year)));
  return fy ?? DEFAULT_THRESHOLDS;
}
