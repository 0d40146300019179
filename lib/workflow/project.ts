import type { ProjectState, Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The project pool (DESIGN §3.1): 无目标不入库，无目标不安排预算.
 *
 *   reserve ─admit─► admitted ─budget─► budgeted ─start─► executing ─complete─► completed
 *      └──────────────┴──────────────────┴───────────────────┴─withdraw─► withdrawn
 */
export const PROJECT_EVENTS = ["admit", "budget", "start", "complete", "withdraw"] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

export interface ProjectFacts {
  /** An approved performance objective exists for the project. */
  hasApprovedObjective: boolean;
  /** New project, or amount at or over the fiscal year's threshold. */
  appraisalRequired: boolean;
  /** Conclusion of the latest ex-ante appraisal, if any. */
  appraisal: "support" | "support_after_revision" | "not_support" | null;
}

export type ProjectGuard = "objectiveApproved" | "appraisalSupports";

export interface ProjectTransition {
  event: ProjectEvent;
  from: readonly ProjectState[];
  to: ProjectState;
  roles: readonly Role[];
  permission: Permission;
  /** Checked on facts loaded when the event is fired; a failing one is the user's message (workflow.guard.<name>). */
  requires: readonly ProjectGuard[];
}

const FINANCE = ["finance_reviewer", "finance_admin"] as const;

export const PROJECT_TRANSITIONS: readonly ProjectTransition[] = [
  { event: "admit", from: ["reserve"], to: "admitted", roles: FINANCE, permission: "declaration.review.finance", requires: ["objectiveApproved", "appraisalSupports"] },
  { event: "budget", from: ["admitted"], to: "budgeted", roles: FINANCE, permission: "declaration.review.finance", requires: ["objectiveApproved", "appraisalSupports"] },
  { event: "start", from: ["budgeted"], to: "executing", roles: ["unit_filer", "dept_reviewer"], permission: "project.write", requires: [] },
  { event: "complete", from: ["executing"], to: "completed", roles: ["unit_filer", "dept_reviewer"], permission: "project.write", requires: [] },
  { event: "withdraw", from: ["reserve", "admitted", "budgeted", "executing"], to: "withdrawn", roles: FINANCE, permission: "declaration.review.finance", requires: [] },
];

/** What each precondition means, on the facts loaded when the event is fired. */
export const PROJECT_REQUIREMENTS: Record<ProjectGuard, (facts: ProjectFacts) => boolean> = {
  objectiveApproved: (f) => f.hasApprovedObjective,
  // A required appraisal must exist and support; a "do not support" blocks even when not required.
  appraisalSupports: (f) => !(f.appraisal === "not_support" || (f.appraisalRequired && f.appraisal === null)),
};
