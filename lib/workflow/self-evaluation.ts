import type { SelfEvaluationState } from "@/db/schema/evaluation";
import type { OrgKind, Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * THE self-evaluation workflow (DESIGN §3.7): filled by the unit, reviewed by its department,
 * accepted by finance. A department's own self-evaluation goes straight to finance. Pages draw
 * their buttons from this table (selfEvaluationWorkflow.available) and the engine refuses anything it does not list.
 *
 *   draft ─submit─► dept_review ─dept_pass─► finance_review ─finance_accept─► accepted
 *     ▲                 │                        │
 *  returned ◄─dept_return┘◄──── finance_return ──┘   (returned ─submit─► again)
 */
export const SELF_EVALUATION_EVENTS = ["submit", "dept_pass", "dept_return", "finance_accept", "finance_return"] as const;
export type SelfEvaluationEvent = (typeof SELF_EVALUATION_EVENTS)[number];

export type SelfEvaluationGuard = "ownerIsUnit" | "ownerIsDepartment";

export interface SelfEvaluationTransition {
  event: SelfEvaluationEvent;
  from: readonly SelfEvaluationState[];
  to: SelfEvaluationState;
  roles: readonly Role[];
  permission: Permission;
  guard?: SelfEvaluationGuard;
  /** A reason must be given (returns). */
  needsReason?: boolean;
}

const FILERS = ["unit_filer", "dept_reviewer"] as const;
const FINANCE = ["finance_reviewer", "finance_admin"] as const;

export const SELF_EVALUATION_TRANSITIONS: readonly SelfEvaluationTransition[] = [
  { event: "submit", from: ["draft", "returned"], to: "dept_review", roles: FILERS, permission: "project.write", guard: "ownerIsUnit" },
  { event: "submit", from: ["draft", "returned"], to: "finance_review", roles: FILERS, permission: "project.write", guard: "ownerIsDepartment" },
  { event: "dept_pass", from: ["dept_review"], to: "finance_review", roles: ["dept_reviewer"], permission: "evaluation.review.department" },
  { event: "dept_return", from: ["dept_review"], to: "returned", roles: ["dept_reviewer"], permission: "evaluation.review.department", needsReason: true },
  { event: "finance_accept", from: ["finance_review"], to: "accepted", roles: FINANCE, permission: "evaluation.review.finance" },
  { event: "finance_return", from: ["finance_review"], to: "returned", roles: FINANCE, permission: "evaluation.review.finance", needsReason: true },
];

export const SELF_EVALUATION_GUARDS: Record<SelfEvaluationGuard, (facts: { ownerKind: OrgKind }) => boolean> = {
  ownerIsUnit: (f) => f.ownerKind === "unit",
  ownerIsDepartment: (f) => f.ownerKind === "department",
};
