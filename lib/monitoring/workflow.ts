import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { monitoringReports, type MonitoringReportState } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor, ObjectPlace } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";

export type ReportEvent = "submit" | "dept_pass" | "dept_return";

export interface ReportTransition {
  event: ReportEvent;
  from: readonly MonitoringReportState[];
  to: MonitoringReportState;
  roles: readonly Role[];
  permission: Permission;
  /** A department's own report has no department stage: submitted is accepted. */
  ownerIsDepartment: boolean;
}

/** THE transition table of a monitoring report — filed like a declaration, reviewed by the department. */
export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { event: "submit", from: ["draft", "returned"], to: "dept_review", roles: ["unit_filer"], permission: "project.write", ownerIsDepartment: false },
  { event: "submit", from: ["draft", "returned"], to: "accepted", roles: ["dept_reviewer"], permission: "project.write", ownerIsDepartment: true },
  { event: "dept_pass", from: ["dept_review"], to: "accepted", roles: ["dept_reviewer"], permission: "declaration.review.department", ownerIsDepartment: false },
  { event: "dept_return", from: ["dept_review"], to: "returned", roles: ["dept_reviewer"], permission: "declaration.review.department", ownerIsDepartment: false },
];

export interface ReportRef extends ObjectPlace {
  id: number;
  state: MonitoringReportState;
  version: number;
  ownerIsDepartment: boolean;
}

function actorMay(actor: Actor, t: ReportTransition, place: ObjectPlace) {
  return canOn({ ...actor, roles: actor.roles.filter((r) => t.roles.includes(r)) }, t.permission, place);
}

export function availableReportEvents(actor: Actor, r: ReportRef): ReportEvent[] {
  return REPORT_TRANSITIONS.filter((t) => t.from.includes(r.state) && t.ownerIsDepartment === r.ownerIsDepartment && actorMay(actor, t, r)).map((t) => t.event);
}

/** Whether the report's figures may be edited now by this actor (draft or returned, in its filing scope). */
export function mayEditReport(actor: Actor, r: ReportRef): boolean {
  return availableReportEvents(actor, r).includes("submit");
}

/** THE only writer of monitoring_reports.state: conditional on the expected state and version, with its audit row. */
export async function transitionReport(
  tx: Tx,
  actor: Actor,
  r: ReportRef,
  event: ReportEvent,
  expectedVersion: number,
  extra: { set?: Partial<typeof monitoringReports.$inferInsert>; audit?: Record<string, unknown> } = {},
) {
  const t = REPORT_TRANSITIONS.find((x) => x.event === event && x.from.includes(r.state) && x.ownerIsDepartment === r.ownerIsDepartment);
  if (r.version !== expectedVersion) throw new ActionError("conflict");
  if (!t) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (!actorMay(actor, t, r)) throw new ActionError("forbidden", undefined, { type: "monitoring_report", id: r.id });
  const [row] = await tx
    .update(monitoringReports)
    .set({ ...extra.set, state: t.to, version: sql`${monitoringReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(monitoringReports.id, r.id), eq(monitoringReports.state, r.state), eq(monitoringReports.version, expectedVersion)))
    .returning({ version: monitoringReports.version });
  if (!row) throw new ActionError("conflict");
  await writeAudit(tx, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, {
    action: `monitoring_report.${event}`,
    objectType: "monitoring_report",
    objectId: r.id,
    before: { state: r.state, version: r.version },
    after: { state: t.to, version: row.version, ...extra.audit },
  });
  return { to: t.to, version: row.version };
}
