import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { indicatorChangeRequests, monitoringReports, monitoringWarnings, objectives, selfEvaluations, warningDispositions, type NotificationKind } from "@/db/schema";
import type { AuditActor, AuditEntry } from "@/lib/audit";
import { filersOf, financeOver, userById, type Recipient } from "./recipients";
import { writeNotifications } from "./write";

/** One notification to write for an event: its kind, the object's name and page, and who receives it. */
export interface EventNotice {
  kind: NotificationKind;
  title: string;
  href: string;
  note: string | null;
  recipients: Recipient[];
}

type Rule = (tx: DbOrTx, entry: AuditEntry) => Promise<EventNotice[]>;

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const after = (entry: AuditEntry) => (entry.after && typeof entry.after === "object" ? (entry.after as Record<string, unknown>) : {});
const idOf = (entry: AuditEntry) => Number(entry.objectId);

async function objective(tx: DbOrTx, id: number) {
  const [o] = await tx.select({ title: objectives.title, ownerOrgId: objectives.ownerOrgId }).from(objectives).where(eq(objectives.id, id));
  return o;
}

/** An objective's outcome for its filers: returned (with the reviewer's reasons), rejected, approved. */
function objectiveOutcome(kind: NotificationKind): Rule {
  return async (tx, entry) => {
    const o = await objective(tx, idOf(entry));
    if (!o) return [];
    return [{ kind, title: o.title, href: `/objectives/${idOf(entry)}`, note: text(after(entry).reasons) ?? text(after(entry).reason), recipients: await filersOf(tx, o.ownerOrgId) }];
  };
}

async function report(tx: DbOrTx, id: number) {
  const [r] = await tx
    .select({ title: objectives.title, ownerOrgId: monitoringReports.ownerOrgId, regionId: monitoringReports.regionId })
    .from(monitoringReports)
    .innerJoin(objectives, eq(objectives.id, monitoringReports.objectiveId))
    .where(eq(monitoringReports.id, id));
  return r;
}

async function selfEvaluationOutcome(kind: NotificationKind, tx: DbOrTx, entry: AuditEntry): Promise<EventNotice[]> {
  const [se] = await tx
    .select({ title: objectives.title, ownerOrgId: selfEvaluations.ownerOrgId })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .where(eq(selfEvaluations.id, idOf(entry)));
  if (!se) return [];
  return [{ kind, title: se.title, href: `/evaluation/${idOf(entry)}`, note: text(after(entry).reason), recipients: await filersOf(tx, se.ownerOrgId) }];
}

async function indicatorDecision(kind: NotificationKind, tx: DbOrTx, entry: AuditEntry): Promise<EventNotice[]> {
  const requestId = Number(after(entry).requestId);
  if (!Number.isInteger(requestId)) return [];
  const [req] = await tx
    .select({ proposerId: indicatorChangeRequests.proposerId, proposed: indicatorChangeRequests.proposed, code: indicatorChangeRequests.indicatorCode })
    .from(indicatorChangeRequests)
    .where(eq(indicatorChangeRequests.id, requestId));
  if (!req) return [];
  const name = text((req.proposed as { name?: unknown } | null)?.name) ?? req.code ?? `#${requestId}`;
  return [{ kind, title: name, href: "/indicators/changes", note: text(after(entry).reason), recipients: await userById(tx, req.proposerId) }];
}

/**
 * THE map from audit action to the notifications it causes: who hears of it and what they read.
 * Runs inside writeAudit, in the event's own transaction, so the notification commits or rolls
 * back with the event. An action not listed here notifies nobody.
 */
export const NOTIFY_RULES: Partial<Record<AuditEntry["action"], Rule>> = {
  "objective.dept_return": objectiveOutcome("returned"),
  "objective.finance_return": objectiveOutcome("returned"),
  "objective.finance_reject": objectiveOutcome("returned"),
  "objective.finance_approve": objectiveOutcome("approved"),
  "monitoring_report.dept_return": async (tx, entry) => {
    const r = await report(tx, idOf(entry));
    if (!r) return [];
    return [{ kind: "returned", title: r.title, href: `/monitoring/reports/${idOf(entry)}`, note: text(after(entry).comment), recipients: await filersOf(tx, r.ownerOrgId) }];
  },
  // A submission that raised a red light: finance must dispose it, and the unit knows it lags.
  "monitoring_report.submit": async (tx, entry) => {
    const raised = Array.isArray(after(entry).warnings) ? (after(entry).warnings as unknown[]).filter((w): w is string => typeof w === "string") : [];
    const red = raised.filter((w) => w.endsWith(":red"));
    if (!red.length) return [];
    const r = await report(tx, idOf(entry));
    if (!r) return [];
    const recipients = [...(await financeOver(tx, r.regionId)), ...(await filersOf(tx, r.ownerOrgId))];
    return [{ kind: "warned", title: r.title, href: `/monitoring/reports/${idOf(entry)}`, note: red.map((w) => w.split(":")[0]).join(","), recipients }];
  },
  // Finance ordered a rectification of a warning: the unit must act by its deadline.
  "monitoring_warning.dispose": async (tx, entry) => {
    if (after(entry).kind !== "rectify") return [];
    const [w] = await tx
      .select({ title: objectives.title, ownerOrgId: monitoringWarnings.ownerOrgId, reportId: monitoringWarnings.reportId })
      .from(monitoringWarnings)
      .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
      .where(eq(monitoringWarnings.id, idOf(entry)));
    if (!w) return [];
    return [{ kind: "warned", title: w.title, href: `/monitoring/reports/${w.reportId}`, note: text(after(entry).comment), recipients: await filersOf(tx, w.ownerOrgId) }];
  },
  "warning_disposition.send_back": async (tx, entry) => {
    const [d] = await tx
      .select({ title: objectives.title, ownerOrgId: monitoringWarnings.ownerOrgId, reportId: monitoringWarnings.reportId })
      .from(warningDispositions)
      .innerJoin(monitoringWarnings, eq(monitoringWarnings.id, warningDispositions.warningId))
      .innerJoin(objectives, eq(objectives.id, monitoringWarnings.objectiveId))
      .where(eq(warningDispositions.id, idOf(entry)));
    if (!d) return [];
    return [{ kind: "returned", title: d.title, href: `/monitoring/reports/${d.reportId}`, note: text(after(entry).comment), recipients: await filersOf(tx, d.ownerOrgId) }];
  },
  "selfEvaluation.dept_return": (tx, entry) => selfEvaluationOutcome("returned", tx, entry),
  "selfEvaluation.finance_return": (tx, entry) => selfEvaluationOutcome("returned", tx, entry),
  "selfEvaluation.finance_accept": (tx, entry) => selfEvaluationOutcome("approved", tx, entry),
  "indicator.approve.add": (tx, entry) => indicatorDecision("approved", tx, entry),
  "indicator.approve.adjust": (tx, entry) => indicatorDecision("approved", tx, entry),
  "indicator.approve.retire": (tx, entry) => indicatorDecision("approved", tx, entry),
  "indicator.reject.add": (tx, entry) => indicatorDecision("returned", tx, entry),
  "indicator.reject.adjust": (tx, entry) => indicatorDecision("returned", tx, entry),
  "indicator.reject.retire": (tx, entry) => indicatorDecision("returned", tx, entry),
};

/** Called by writeAudit in the event's transaction: the notifications (and e-mails) the action causes. */
export async function notifyForAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const rule = NOTIFY_RULES[entry.action];
  if (!rule) return;
  const notices = await rule(tx, entry);
  for (const n of notices) {
    // The one who did it is not told of it (a department returning its own unit's report still tells the unit).
    const recipients = n.recipients.filter((r) => r.id !== actor.userId);
    await writeNotifications(tx, recipients, { kind: n.kind, source: entry.action, title: n.title, href: n.href, note: n.note, actorName: actor.username ?? null });
  }
}
