import type { KeyEvaluationState, ProposalStatus, RectificationTaskState, RuleSetStatus } from "@/db/schema/evaluation";
import type { Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The smaller state machines of evaluation (DESIGN §3.7–3.8), besides the self-evaluation
 * (./self-evaluation.ts). Declared with the engine in lib/workflow/machines.ts.
 */

const FINANCE = ["finance_reviewer", "finance_admin"] as const;

// ── Key evaluation (重点评价): scored by the engaged agency (or finance itself), accepted by finance ──
export const KEY_EVALUATION_EVENTS = ["submit", "accept"] as const;
export type KeyEvaluationEvent = (typeof KEY_EVALUATION_EVENTS)[number];
export type KeyEvaluationGuard = "byAgency" | "byFinance";
export interface KeyEvaluationTransition {
  event: KeyEvaluationEvent;
  from: readonly KeyEvaluationState[];
  to: KeyEvaluationState;
  roles: readonly Role[];
  permission: Permission;
  guard?: KeyEvaluationGuard;
}
export const KEY_EVALUATION_TRANSITIONS: readonly KeyEvaluationTransition[] = [
  // The engaged agency's evaluator scores it; the scope is the engagement, not the org tree.
  { event: "submit", from: ["assigned"], to: "submitted", roles: ["evaluator"], permission: "evaluation.key.fill", guard: "byAgency" },
  // Finance scores one it runs itself (no agency engaged).
  { event: "submit", from: ["assigned"], to: "submitted", roles: FINANCE, permission: "evaluation.review.finance", guard: "byFinance" },
  { event: "accept", from: ["submitted"], to: "accepted", roles: FINANCE, permission: "evaluation.review.finance" },
];
export const KEY_EVALUATION_GUARDS: Record<KeyEvaluationGuard, (facts: { agencyOrgId: number | null }) => boolean> = {
  byAgency: (f) => f.agencyOrgId != null,
  byFinance: (f) => f.agencyOrgId == null,
};

// ── Rectification task (整改) of an evaluated subject ──────────────────────────────────────
//   open ─submit(evidence)─► submitted ─close─► closed;  submitted ─reopen─► open
export const RECTIFICATION_EVENTS = ["submit", "close", "reopen"] as const;
export type RectificationEvent = (typeof RECTIFICATION_EVENTS)[number];
export interface RectificationTransition {
  event: RectificationEvent;
  from: readonly RectificationTaskState[];
  to: RectificationTaskState;
  roles: readonly Role[];
  permission: Permission;
}
export const RECTIFICATION_TRANSITIONS: readonly RectificationTransition[] = [
  { event: "submit", from: ["open"], to: "submitted", roles: ["unit_filer", "dept_reviewer"], permission: "project.write" },
  { event: "close", from: ["submitted"], to: "closed", roles: FINANCE, permission: "evaluation.review.finance" },
  { event: "reopen", from: ["submitted"], to: "open", roles: FINANCE, permission: "evaluation.review.finance" },
];

// ── Budget proposal (结果应用): changed with a reason while proposed, then confirmed or overridden once ──
export const PROPOSAL_EVENTS = ["revise", "confirm", "override"] as const;
export type ProposalEvent = (typeof PROPOSAL_EVENTS)[number];
export interface ProposalTransition {
  event: ProposalEvent;
  from: readonly ProposalStatus[];
  to: ProposalStatus;
  roles: readonly Role[];
  permission: Permission;
}
export const PROPOSAL_TRANSITIONS: readonly ProposalTransition[] = [
  { event: "revise", from: ["proposed"], to: "proposed", roles: FINANCE, permission: "evaluation.review.finance" },
  { event: "confirm", from: ["proposed"], to: "confirmed", roles: FINANCE, permission: "evaluation.review.finance" },
  { event: "override", from: ["proposed"], to: "overridden", roles: FINANCE, permission: "evaluation.review.finance" },
];

// ── Rule set (评价规则): a draft is adopted; the set it replaces retires ──────────────────────
export const RULE_SET_EVENTS = ["activate", "retire"] as const;
export type RuleSetEvent = (typeof RULE_SET_EVENTS)[number];
export interface RuleSetTransition {
  event: RuleSetEvent;
  from: readonly RuleSetStatus[];
  to: RuleSetStatus;
  roles: readonly Role[];
  permission: Permission;
}
export const RULE_SET_TRANSITIONS: readonly RuleSetTransition[] = [
  { event: "activate", from: ["draft"], to: "active", roles: ["finance_admin"], permission: "evaluation.rules.manage" },
  // Fired by the activation of another set of the same region and year, in the same transaction.
  { event: "retire", from: ["active"], to: "retired", roles: ["finance_admin"], permission: "evaluation.rules.manage" },
];
