import type { Role } from "@/db/schema/enums";
import { ROLES } from "@/db/schema/enums";
import type { MessageKey } from "@/lib/i18n/core";

export { ROLES, type Role };

/**
 * THE permission matrix: which role may do what. The server reads it in every action
 * (lib/actions/define.ts) and every page; the navigation reads it to decide what to show.
 * Whether a permitted role may touch a *given* object is decided by lib/auth/scope.ts
 * from the organisation tree.
 *
 * `access: "read"` permissions never change data; observers hold only those. What each lets a
 * role do is in the dictionaries: permissionDescription().
 */
export const PERMISSIONS = {
  "inbox.view": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
  },
  "account.edit": {
    access: "write",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
  },
  "org.read": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
  },
  "org.profile.edit": {
    access: "write",
    roles: ["unit_filer", "dept_reviewer", "finance_admin"],
  },
  "org.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "user.read": {
    access: "read",
    roles: ["finance_admin"],
  },
  "user.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "fiscalYear.read": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
  },
  "fiscalYear.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "audit.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
  },
  "project.read": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "observer"],
  },
  "project.write": {
    access: "write",
    roles: ["unit_filer", "dept_reviewer"],
    // A department files for its own projects only; its units file their own (DESIGN §1).
    ownOrgOnly: ["dept_reviewer"],
  },
  "declaration.review.department": {
    access: "write",
    roles: ["dept_reviewer"],
  },
  "declaration.review.finance": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "appraisal.assign": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "appraisal.record": {
    access: "write",
    // An evaluator records only appraisals its agency was engaged for (checked in the action).
    roles: ["finance_reviewer", "finance_admin", "evaluator"],
  },
  "transfer.issue": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "warning.dispose": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "monitoring.period.manage": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "overview.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
  },
  "warning.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
  },
  "evaluation.key.fill": {
    access: "write",
    roles: ["evaluator"],
  },
  "evaluation.rules.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "evaluation.review.department": {
    access: "write",
    roles: ["dept_reviewer"],
  },
  "evaluation.review.finance": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "indicator.propose": {
    access: "write",
    roles: ["dept_reviewer"],
  },
  "indicator.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "disclosure.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "assessment.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
  },
  "assessment.manage": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
  },
  "assessment.framework.manage": {
    access: "write",
    roles: ["finance_admin"],
  },
  "assessment.own": {
    access: "write",
    // Only the assessed organisation itself: checked in the operation (the result's org is the actor's).
    roles: ["dept_reviewer", "finance_reviewer", "finance_admin"],
  },
} as const satisfies Record<string, { access: "read" | "write"; roles: readonly Role[]; ownOrgOnly?: readonly Role[] }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/**
 * What a permission lets a role do, as a dictionary key (lib/i18n/sections/permission.*.ts, keyed by
 * the permission's own name): t(permissionDescription(p)). The type requires one for every permission.
 */
export function permissionDescription(permission: Permission): MessageKey {
  // Returned as a MessageKey: a permission without its description in the dictionaries fails the type-check.
  const key: `permission.${Permission}` = `permission.${permission}`;
  return key;
}

/** Roles of `roles` that the matrix grants `permission` to. */
export function rolesGranting(roles: readonly Role[], permission: Permission): Role[] {
  const granted: readonly Role[] = PERMISSIONS[permission].roles;
  return roles.filter((r) => granted.includes(r));
}

/** Roles that, for this permission, reach only their own organisation, not those below it. */
export function ownOrgOnly(permission: Permission, role: Role): boolean {
  const p = PERMISSIONS[permission];
  return "ownOrgOnly" in p && (p.ownOrgOnly as readonly Role[]).includes(role);
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return rolesGranting(roles, permission).length > 0;
}
