import { CHANGE_KINDS } from "@/db/schema/enums";
import { BUDGET_MOVEMENT_KINDS } from "@/db/schema/ledger";
import { OBJECTIVE_EVENTS } from "@/lib/workflow/objective";
import { PROJECT_EVENTS } from "@/lib/workflow/project";
import { SELF_EVALUATION_EVENTS } from "@/lib/workflow/self-evaluation";
import { KEY_EVALUATION_EVENTS, PROPOSAL_EVENTS, RECTIFICATION_EVENTS, RULE_SET_EVENTS } from "@/lib/workflow/evaluation";
import { ASSESSMENT_ROUND_EVENTS } from "@/lib/assessment/transitions";
import { MONITORING_REPORT_EVENTS, WARNING_EVENTS, WARNING_RECTIFICATION_EVENTS } from "@/lib/workflow/monitoring";

/** `prefix.event` for every event of a transition table: a new event is a new audit action. */
function each<P extends string, E extends string>(prefix: P, events: readonly E[]): `${P}.${E}`[] {
  return events.map((e) => `${prefix}.${e}` as `${P}.${E}`);
}

/**
 * THE registry of audit action names: `writeAudit` accepts only these (its `action` is typed
 * `AuditAction`), and a test walks this list and fails for any name without a label in both
 * languages (lib/i18n/sections/audit.{zh,en}.ts). Workflow actions follow their transition
 * tables, so an event added there must be described before the suite passes.
 */
export const AUDIT_ACTIONS = [
  "access.denied",
  "account.changePassword",
  "account.setEmail",
  "appraisal.assign",
  "appraisal.record",
  "assessmentFramework.create",
  "assessmentFramework.copy",
  "assessmentFramework.edit",
  "assessmentFramework.activate",
  "assessmentRound.open",
  ...each("assessmentRound", ASSESSMENT_ROUND_EVENTS),
  "assessmentRound.disclose",
  "assessmentResult.judge",
  "assessmentResult.object",
  "assessmentResult.decide",
  "auth.signin",
  "auth.signin.failed",
  "auth.signin.locked",
  "auth.signin.refused",
  "auth.signout",
  "disclosure.publish",
  "disclosure.withdraw",
  ...each("indicator.approve", CHANGE_KINDS),
  ...each("indicator.reject", CHANGE_KINDS),
  ...each("indicator.propose", CHANGE_KINDS),
  "indicator.create",
  "indicator.edit",
  "indicator.retire",
  "indicator.evidence",
  "indicator.import.create",
  "indicator.import.edit",
  "indicator.import.retire",
  ...each("keyEvaluation", KEY_EVALUATION_EVENTS),
  "keyEvaluation.attachReport",
  "keyEvaluation.create",
  ...each("ledger", BUDGET_MOVEMENT_KINDS),
  "ledger.approve",
  "monitoring_period.open",
  "monitoring_report.save",
  ...each("monitoring_report", MONITORING_REPORT_EVENTS),
  ...each("monitoring_warning", WARNING_EVENTS),
  ...each("objective", OBJECTIVE_EVENTS),
  "objective.create",
  "objective.saveStep",
  "objective.uploadAttachment",
  "objective.deleteAttachment",
  "objective.issueRegional",
  "org.create",
  "org.updateProfile",
  ...each("project", PROJECT_EVENTS),
  "project.create",
  "project.update",
  "proposal.generate",
  ...each("proposal", PROPOSAL_EVENTS),
  "reEvaluation.sample",
  "reEvaluation.score",
  "rectification.create",
  ...each("rectification", RECTIFICATION_EVENTS),
  ...each("ruleSet", RULE_SET_EVENTS),
  "ruleSet.copy",
  "ruleSet.edit",
  "seed.demo",
  ...each("selfEvaluation", SELF_EVALUATION_EVENTS),
  "selfEvaluation.start",
  "selfEvaluation.save",
  "selfEvaluation.adjustQualitative",
  "selfEvaluation.uploadEvidence",
  "user.create",
  "user.disable",
  "user.enable",
  "user.resetPassword",
  "user.setEmail",
  "user.setRoles",
  ...each("warning_disposition", WARNING_RECTIFICATION_EVENTS),
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The object types the code writes (`objectType`, and the `{ type }` of a refusal in define.ts). */
export const AUDIT_OBJECT_TYPES = [
  "account",
  "action",
  "assessment_framework",
  "assessment_result",
  "assessment_round",
  "attachment",
  "budget_proposal",
  "database",
  "disclosure",
  "evaluation_rule_set",
  "fiscal_year",
  "indicator",
  "indicatorChange",
  "indicatorEvidence",
  "key_evaluation",
  "key_evaluation_report",
  "monitoring_period",
  "monitoring_report",
  "monitoring_warning",
  "objective",
  "org",
  "project",
  "re_evaluation_item",
  "re_evaluation_sample",
  "rectification_file",
  "rectification_task",
  "region",
  "self_evaluation",
  "self_evaluation_evidence",
  "session",
  "user",
  "warning_disposition",
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

const ACTION_SET = new Set<string>(AUDIT_ACTIONS);
const OBJECT_SET = new Set<string>(AUDIT_OBJECT_TYPES);
export function isAuditAction(v: string): v is AuditAction {
  return ACTION_SET.has(v);
}
export function isAuditObjectType(v: string): v is AuditObjectType {
  return OBJECT_SET.has(v);
}
