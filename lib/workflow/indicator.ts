import type { CHANGE_STATUSES, Role } from "@/db/schema/enums";
import type { Permission } from "@/lib/auth/permissions";

/**
 * A change request to the indicator bank: a department proposes, the provincial finance
 * department approves (which publishes) or rejects it. Declared in lib/workflow/machines.ts.
 */
type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const INDICATOR_CHANGE_EVENTS = ["approve", "reject"] as const;
export type IndicatorChangeEvent = (typeof INDICATOR_CHANGE_EVENTS)[number];
export interface IndicatorChangeTransition {
  event: IndicatorChangeEvent;
  from: readonly ChangeStatus[];
  to: ChangeStatus;
  roles: readonly Role[];
  permission: Permission;
}
export const INDICATOR_CHANGE_TRANSITIONS: readonly IndicatorChangeTransition[] = [
  { event: "approve", from: ["pending"], to: "approved", roles: ["finance_admin"], permission: "indicator.manage" },
  { event: "reject", from: ["pending"], to: "rejected", roles: ["finance_admin"], permission: "indicator.manage" },
];
