import type { ObjectiveState, OrgKind, Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * THE objective workflow (DESIGN §3.3–3.4): every state change of a performance objective is a
 * row of this table. Pages draw their buttons from it (objectiveWorkflow.available) and the server
 * refuses anything it does not list (lib/workflow/machines.ts, lib/workflow/define.ts). Changing the process is editing a row.
 *
 *   draft ─submit─► dept_review ─dept_pass─► finance_review ─finance_approve─► approved
 *     ▲   (unit)        │                        │  │                            │
 *     │                 └─dept_return─► returned ◄┘  └─finance_reject─► rejected  └─adjust─► draft (new version)
 *     └── a department's own objective is submitted straight to finance_review
 */
export const OBJECTIVE_EVENTS = [
  "submit",
  "recall",
  "dept_pass",
  "dept_return",
  "finance_approve",
  "finance_return",
  "finance_reject",
  "adjust",
  "cancel_adjustment",
] as const;
export type ObjectiveEvent = (typeof OBJECTIVE_EVENTS)[number];

/** What a guard may look at: facts about the objective, not the database. */
export interface ObjectiveFacts {
  ownerKind: OrgKind;
  /** The version under way is an adjustment of an approved one. */
  isAdjustment: boolean;
}

export type ObjectiveGuard = "ownerIsUnit" | "ownerIsDepartment" | "isAdjustment" | "notAdjustment";

export interface ObjectiveTransition {
  event: ObjectiveEvent;
  from: readonly ObjectiveState[];
  to: ObjectiveState;
  roles: readonly Role[];
  permission: Permission;
  guard?: ObjectiveGuard;
  /** What the reviewer records (DESIGN §3.4): a review row with a result and, if not passing, reasons. */
  review?: { stage: "department" | "finance"; result: "pass" | "return" | "reject" };
}

const FILERS = ["unit_filer", "dept_reviewer"] as const;
const FINANCE = ["finance_reviewer", "finance_admin"] as const;

export const OBJECTIVE_TRANSITIONS: readonly ObjectiveTransition[] = [
  { event: "submit", from: ["draft", "returned"], to: "dept_review", roles: FILERS, permission: "project.write", guard: "ownerIsUnit" },
  { event: "submit", from: ["draft", "returned"], to: "finance_review", roles: FILERS, permission: "project.write", guard: "ownerIsDepartment" },
  { event: "recall", from: ["dept_review"], to: "draft", roles: FILERS, permission: "project.write", guard: "ownerIsUnit" },
  { event: "recall", from: ["finance_review"], to: "draft", roles: FILERS, permission: "project.write", guard: "ownerIsDepartment" },
  {
    event: "dept_pass",
    from: ["dept_review"],
    guard: "ownerIsUnit",
    to: "finance_review",
    roles: ["dept_reviewer"],
    permission: "declaration.review.department",
    review: { stage: "department", result: "pass" },
  },
  {
    event: "dept_return",
    from: ["dept_review"],
    guard: "ownerIsUnit",
    to: "returned",
    roles: ["dept_reviewer"],
    permission: "declaration.review.department",
    review: { stage: "department", result: "return" },
  },
  {
    event: "finance_approve",
    from: ["finance_review"],
    to: "approved",
    roles: FINANCE,
    permission: "declaration.review.finance",
    review: { stage: "finance", result: "pass" },
  },
  {
    event: "finance_return",
    from: ["finance_review"],
    to: "returned",
    roles: FINANCE,
    permission: "declaration.review.finance",
    review: { stage: "finance", result: "return" },
  },
  {
    event: "finance_reject",
    from: ["finance_review"],
    to: "rejected",
    roles: FINANCE,
    permission: "declaration.review.finance",
    guard: "notAdjustment",
    review: { stage: "finance", result: "reject" },
  },
  { event: "adjust", from: ["approved"], to: "draft", roles: FILERS, permission: "project.write" },
  { event: "cancel_adjustment", from: ["draft", "returned"], to: "approved", roles: FILERS, permission: "project.write", guard: "isAdjustment" },
];

/** What each guard of the table means, on the objective's facts. */
export const OBJECTIVE_GUARDS: Record<ObjectiveGuard, (facts: ObjectiveFacts) => boolean> = {
  ownerIsUnit: (f) => f.ownerKind === "unit",
  ownerIsDepartment: (f) => f.ownerKind === "department",
  isAdjustment: (f) => f.isAdjustment,
  notAdjustment: (f) => !f.isAdjustment,
};

/** States in which the filer may edit the content (the wizard is open). */
export const EDITABLE_STATES: readonly ObjectiveState[] = ["draft", "returned"];
