import {
  budgetProposals,
  evaluationRuleSets,
  indicatorChangeRequests,
  keyEvaluations,
  monitoringReports,
  monitoringWarnings,
  objectives,
  projects,
  rectificationTasks,
  selfEvaluations,
  warningDispositions,
} from "@/db/schema";
import type { ObjectiveState, OrgKind, ProjectState } from "@/db/schema/enums";
import type { KeyEvaluationState, SelfEvaluationState } from "@/db/schema/evaluation";
import type { MonitoringReportState } from "@/db/schema/monitoring";
import { ActionError } from "@/lib/errors";
import { canOn } from "@/lib/auth/scope";
import { keepsBank } from "@/lib/indicator/guards";
import { defineWorkflow, type WorkflowRef } from "./define";
import { assessmentRoundWorkflow } from "@/lib/assessment/workflow";
import { KEY_EVALUATION_GUARDS, KEY_EVALUATION_TRANSITIONS, PROPOSAL_TRANSITIONS, RECTIFICATION_TRANSITIONS, RULE_SET_TRANSITIONS } from "./evaluation";
import { INDICATOR_CHANGE_TRANSITIONS } from "./indicator";
import { REPORT_GUARDS, REPORT_TRANSITIONS, WARNING_RECTIFICATION_TRANSITIONS, WARNING_TRANSITIONS } from "./monitoring";
import { OBJECTIVE_GUARDS, OBJECTIVE_TRANSITIONS } from "./objective";
import { PROJECT_REQUIREMENTS, PROJECT_TRANSITIONS, type ProjectFacts } from "./project";
import { SELF_EVALUATION_GUARDS, SELF_EVALUATION_TRANSITIONS } from "./self-evaluation";

/**
 * EVERY state machine of the application, declared with the one engine (./define.ts). Each is
 * the only writer of its state column; pages draw their buttons from `available`;
 * `npm run docs:states` draws them all into docs/ARCHITECTURE.md.
 */

/** An objective as the workflow sees it. */
export interface ObjectiveRef extends WorkflowRef<ObjectiveState> {
  ownerKind: OrgKind;
  isAdjustment: boolean;
}
export const objectiveWorkflow = defineWorkflow<typeof objectives, (typeof OBJECTIVE_TRANSITIONS)[number], ObjectiveRef>({
  name: "objective",
  objectType: "objective",
  title: "Performance objective (绩效目标)",
  table: objectives,
  stateColumn: "state",
  updatedAtColumn: "updatedAt",
  initial: "draft",
  transitions: OBJECTIVE_TRANSITIONS,
  guards: OBJECTIVE_GUARDS,
});

export type ProjectRef = WorkflowRef<ProjectState>;
export const projectWorkflow = defineWorkflow<typeof projects, (typeof PROJECT_TRANSITIONS)[number], ProjectRef, ProjectFacts>({
  name: "project",
  objectType: "project",
  title: "Project pool (项目库)",
  table: projects,
  stateColumn: "state",
  initial: "reserve",
  transitions: PROJECT_TRANSITIONS,
  requirements: PROJECT_REQUIREMENTS,
});

export interface SelfEvaluationRef extends WorkflowRef<SelfEvaluationState> {
  ownerKind: OrgKind;
}
export const selfEvaluationWorkflow = defineWorkflow<typeof selfEvaluations, (typeof SELF_EVALUATION_TRANSITIONS)[number], SelfEvaluationRef>({
  name: "selfEvaluation",
  objectType: "self_evaluation",
  title: "Self-evaluation (绩效自评)",
  table: selfEvaluations,
  stateColumn: "state",
  updatedAtColumn: "updatedAt",
  initial: "draft",
  transitions: SELF_EVALUATION_TRANSITIONS,
  guards: SELF_EVALUATION_GUARDS,
});

export interface ReportRef extends WorkflowRef<MonitoringReportState> {
  ownerIsDepartment: boolean;
}
export const reportWorkflow = defineWorkflow<typeof monitoringReports, (typeof REPORT_TRANSITIONS)[number], ReportRef>({
  name: "monitoring_report",
  objectType: "monitoring_report",
  title: "Monitoring report (绩效监控表)",
  table: monitoringReports,
  stateColumn: "state",
  updatedAtColumn: "updatedAt",
  initial: "draft",
  transitions: REPORT_TRANSITIONS,
  guards: REPORT_GUARDS,
});

export const warningWorkflow = defineWorkflow<typeof monitoringWarnings, (typeof WARNING_TRANSITIONS)[number]>({
  name: "monitoring_warning",
  objectType: "monitoring_warning",
  title: "Monitoring warning (预警)",
  table: monitoringWarnings,
  stateColumn: "state",
  initial: "open",
  transitions: WARNING_TRANSITIONS,
  // Disposed once: of two officers at once, the second is told it changed meanwhile.
  notNow: () => new ActionError("conflict"),
});

export const warningRectificationWorkflow = defineWorkflow<typeof warningDispositions, (typeof WARNING_RECTIFICATION_TRANSITIONS)[number]>({
  name: "warning_disposition",
  objectType: "warning_disposition",
  title: "Rectification of a warning (预警整改)",
  table: warningDispositions,
  stateColumn: "rectificationState",
  initial: "open",
  transitions: WARNING_RECTIFICATION_TRANSITIONS,
  notNow: () => new ActionError("conflict"),
});

export interface KeyEvaluationRef extends WorkflowRef<KeyEvaluationState> {
  agencyOrgId: number | null;
}
export const keyEvaluationWorkflow = defineWorkflow<typeof keyEvaluations, (typeof KEY_EVALUATION_TRANSITIONS)[number], KeyEvaluationRef>({
  name: "keyEvaluation",
  objectType: "key_evaluation",
  title: "Key evaluation (重点评价)",
  table: keyEvaluations,
  stateColumn: "state",
  initial: "assigned",
  transitions: KEY_EVALUATION_TRANSITIONS,
  guards: KEY_EVALUATION_GUARDS,
  // The engaged agency's evaluator reaches the evaluation through the engagement, not the org tree.
  may: (actor, t, ref) =>
    t.roles.includes("evaluator")
      ? actor.roles.includes("evaluator") && ref.agencyOrgId === actor.orgId
      : canOn({ ...actor, roles: actor.roles.filter((r) => t.roles.includes(r)) }, t.permission, ref),
});

export const rectificationWorkflow = defineWorkflow<typeof rectificationTasks, (typeof RECTIFICATION_TRANSITIONS)[number]>({
  name: "rectification",
  objectType: "rectification_task",
  title: "Rectification task (整改)",
  table: rectificationTasks,
  stateColumn: "state",
  initial: "open",
  transitions: RECTIFICATION_TRANSITIONS,
});

export const proposalWorkflow = defineWorkflow<typeof budgetProposals, (typeof PROPOSAL_TRANSITIONS)[number]>({
  name: "proposal",
  objectType: "budget_proposal",
  title: "Budget proposal (结果应用)",
  table: budgetProposals,
  stateColumn: "status",
  initial: "proposed",
  transitions: PROPOSAL_TRANSITIONS,
  notNow: () => new ActionError("forbidden", { _form: "evaluation.proposal.decided" }),
});

/** A rule set belongs to a region, not an organisation: its place is the region's (orgPath empty). */
export const ruleSetWorkflow = defineWorkflow<typeof evaluationRuleSets, (typeof RULE_SET_TRANSITIONS)[number]>({
  name: "ruleSet",
  objectType: "evaluation_rule_set",
  title: "Evaluation rule set (评价规则)",
  table: evaluationRuleSets,
  stateColumn: "status",
  updatedAtColumn: "updatedAt",
  initial: "draft",
  transitions: RULE_SET_TRANSITIONS,
  notNow: () => new ActionError("forbidden", { _form: "evaluation.rules.notDraft" }),
});

export const indicatorChangeWorkflow = defineWorkflow<typeof indicatorChangeRequests, (typeof INDICATOR_CHANGE_TRANSITIONS)[number]>({
  name: "indicatorChange",
  objectType: "indicatorChange",
  title: "Indicator change request (指标变更申请)",
  table: indicatorChangeRequests,
  stateColumn: "status",
  initial: "pending",
  transitions: INDICATOR_CHANGE_TRANSITIONS,
  // The bank is the province's: only the provincial finance department decides, whatever a city's finance admin may do elsewhere.
  may: (actor, t, ref) => keepsBank(actor) && canOn({ ...actor, roles: actor.roles.filter((r) => t.roles.includes(r)) }, t.permission, ref),
  // Decided once: of two deciders at once, the second is told it changed meanwhile.
  notNow: () => new ActionError("conflict"),
});

export { assessmentRoundWorkflow };

/** Every machine, in the order docs/ARCHITECTURE.md draws them. */
export const WORKFLOWS = [
  objectiveWorkflow,
  projectWorkflow,
  selfEvaluationWorkflow,
  keyEvaluationWorkflow,
  rectificationWorkflow,
  proposalWorkflow,
  ruleSetWorkflow,
  reportWorkflow,
  warningWorkflow,
  warningRectificationWorkflow,
  indicatorChangeWorkflow,
  assessmentRoundWorkflow,
] as const;
