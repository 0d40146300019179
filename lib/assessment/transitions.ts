import type { AssessmentRoundState } from "@/db/schema/assessment";
import type { Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The assessment round (绩效管理工作考核, DESIGN §3.10): finance opens it, computes the figures (again
 * as often as needed until it is released), enters the judged scores, releases the results to the
 * assessed (each sees its own and may object once, by the deadline), decides the objections and
 * publishes the ranking. Declared with the engine in lib/assessment/workflow.ts.
 */
export const ASSESSMENT_ROUND_EVENTS = ["compute", "release", "publish"] as const;
export type AssessmentRoundEvent = (typeof ASSESSMENT_ROUND_EVENTS)[number];
export type AssessmentRoundRequirement = "allJudged" | "objectionsDecided";
export interface AssessmentRoundTransition {
  event: AssessmentRoundEvent;
  from: readonly AssessmentRoundState[];
  to: AssessmentRoundState;
  roles: readonly Role[];
  permission: Permission;
  requires?: readonly AssessmentRoundRequirement[];
}
const FINANCE = ["finance_reviewer", "finance_admin"] as const;
export const ASSESSMENT_ROUND_TRANSITIONS: readonly AssessmentRoundTransition[] = [
  { event: "compute", from: ["open", "computed"], to: "computed", roles: FINANCE, permission: "assessment.manage" },
  { event: "release", from: ["computed"], to: "released", roles: FINANCE, permission: "assessment.manage", requires: ["allJudged"] },
  { event: "publish", from: ["released"], to: "published", roles: FINANCE, permission: "assessment.manage", requires: ["objectionsDecided"] },
];
export interface AssessmentRoundFacts {
  /** Results whose judged indicators are not all scored. */
  unjudged: number;
  /** Objections raised and not yet decided. */
  pendingObjections: number;
}
export const ASSESSMENT_ROUND_REQUIREMENTS: Record<AssessmentRoundRequirement, (f: AssessmentRoundFacts) => boolean> = {
  allJudged: (f) => f.unjudged === 0,
  objectionsDecided: (f) => f.pendingObjections === 0,
};
