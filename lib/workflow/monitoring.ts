import type { MonitoringReportState, RectificationState, WarningState } from "@/db/schema/monitoring";
import type { Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The state machines of double monitoring (DESIGN §3.6): the report a unit files, the warning
 * finance disposes, and the rectification a "rectify" disposition opens. Declared with the
 * engine in lib/workflow/machines.ts; pages draw their buttons from there.
 */

// ── Monitoring report: filed like a declaration, reviewed by the department ──────────────
export const MONITORING_REPORT_EVENTS = ["submit", "dept_pass", "dept_return"] as const;
export type ReportEvent = (typeof MONITORING_REPORT_EVENTS)[number];
export type ReportGuard = "ownerIsUnit" | "ownerIsDepartment";

export interface ReportTransition {
  event: ReportEvent;
  from: readonly MonitoringReportState[];
  to: MonitoringReportState;
  roles: readonly Role[];
  permission: Permission;
  /** A department's own report has no department stage: submitted is accepted. */
  guard: ReportGuard;
}

export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { event: "submit", from: ["draft", "returned"], to: "dept_review", roles: ["unit_filer"], permission: "project.write", guard: "ownerIsUnit" },
  { event: "submit", from: ["draft", "returned"], to: "accepted", roles: ["dept_reviewer"], permission: "project.write", guard: "ownerIsDepartment" },
  { event: "dept_pass", from: ["dept_review"], to: "accepted", roles: ["dept_reviewer"], permission: "declaration.review.department", guard: "ownerIsUnit" },
  { event: "dept_return", from: ["dept_review"], to: "returned", roles: ["dept_reviewer"], permission: "declaration.review.department", guard: "ownerIsUnit" },
];

export const REPORT_GUARDS: Record<ReportGuard, (facts: { ownerIsDepartment: boolean }) => boolean> = {
  ownerIsUnit: (f) => !f.ownerIsDepartment,
  ownerIsDepartment: (f) => f.ownerIsDepartment,
};

// ── Warning: finance disposes it once ──────────────────────────────────────────────────────
export const WARNING_EVENTS = ["dispose"] as const;
export type WarningEvent = (typeof WARNING_EVENTS)[number];
export interface WarningTransition {
  event: WarningEvent;
  from: readonly WarningState[];
  to: WarningState;
  roles: readonly Role[];
  permission: Permission;
}
export const WARNING_TRANSITIONS: readonly WarningTransition[] = [
  { event: "dispose", from: ["open"], to: "disposed", roles: ["finance_reviewer", "finance_admin"], permission: "warning.dispose" },
];

// ── Rectification of a warning (限期整改): the filer's evidence, finance's acceptance ─────────
export const WARNING_RECTIFICATION_EVENTS = ["evidence", "accept", "send_back"] as const;
export type WarningRectificationEvent = (typeof WARNING_RECTIFICATION_EVENTS)[number];
export interface WarningRectificationTransition {
  event: WarningRectificationEvent;
  from: readonly RectificationState[];
  to: RectificationState;
  roles: readonly Role[];
  permission: Permission;
}
export const WARNING_RECTIFICATION_TRANSITIONS: readonly WarningRectificationTransition[] = [
  { event: "evidence", from: ["open"], to: "evidence_submitted", roles: ["unit_filer", "dept_reviewer"], permission: "project.write" },
  { event: "accept", from: ["evidence_submitted"], to: "accepted", roles: ["finance_reviewer", "finance_admin"], permission: "warning.dispose" },
  { event: "send_back", from: ["evidence_submitted"], to: "open", roles: ["finance_reviewer", "finance_admin"], permission: "warning.dispose" },
];
