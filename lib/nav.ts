import type { MessageKey } from "@/lib/i18n";
import { hasPermission, type Permission, type Role } from "@/lib/auth/permissions";

/** The stages of the cycle the navigation is grouped by (DESIGN.md's order), and the desk's own. */
export const NAV_GROUPS = ["pool", "objectives", "monitoring", "evaluation", "disclosure", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  href: string;
  labelKey: MessageKey;
  permission: Permission;
  /** None: the inbox at the top and the account at the bottom. */
  group?: NavGroup;
}

/** Headings only when the list is long enough to need them (an evaluator's six links read better without). */
export const NAV_GROUP_MIN_ITEMS = 9;

/** The left navigation. An item shows only to a user holding its permission; the page checks it again. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/overview", labelKey: "nav.overview", permission: "overview.read" },
  { href: "/inbox", labelKey: "nav.inbox", permission: "inbox.view" },
  { href: "/projects", labelKey: "pool.nav", permission: "project.read", group: "pool" },
  { href: "/appraisals", labelKey: "pool.navAppraisals", permission: "appraisal.record", group: "pool" },
  { href: "/objectives/department", labelKey: "review.navDepartmentObjectives", permission: "project.read", group: "objectives" },
  { href: "/indicators", labelKey: "bank.nav", permission: "project.read", group: "objectives" },
  { href: "/review/department", labelKey: "review.navDept", permission: "declaration.review.department", group: "objectives" },
  { href: "/review/finance", labelKey: "review.navFinance", permission: "declaration.review.finance", group: "objectives" },
  { href: "/review/approve", labelKey: "ledger.approveTitle", permission: "declaration.review.finance", group: "objectives" },
  { href: "/monitoring", labelKey: "monitoring.nav", permission: "project.read", group: "monitoring" },
  { href: "/warnings", labelKey: "monitoring.navWarnings", permission: "warning.read", group: "monitoring" },
  { href: "/evaluation", labelKey: "evaluation.nav", permission: "project.read", group: "evaluation" },
  { href: "/evaluation/rules", labelKey: "evaluation.ruleSets.nav", permission: "evaluation.review.finance", group: "evaluation" },
  { href: "/evaluation/proposals", labelKey: "evaluation.proposal.nav", permission: "evaluation.review.finance", group: "evaluation" },
  { href: "/evaluation/re-evaluation", labelKey: "evaluation.reEval.nav", permission: "evaluation.review.finance", group: "evaluation" },
  { href: "/evaluation/rectification", labelKey: "evaluation.rectification.nav", permission: "project.read", group: "evaluation" },
  { href: "/evaluation/congress", labelKey: "evaluation.congress.nav", permission: "evaluation.review.finance", group: "evaluation" },
  // The congress and audit reader (observer) holds audit.read: the pack is what it reads.
  { href: "/evaluation/congress", labelKey: "evaluation.congress.nav", permission: "audit.read", group: "evaluation" },
  { href: "/evaluation/key", labelKey: "evaluation.key.nav", permission: "evaluation.review.finance", group: "evaluation" },
  { href: "/evaluation/key", labelKey: "evaluation.key.nav", permission: "evaluation.key.fill", group: "evaluation" },
  { href: "/assessment", labelKey: "assessment.nav", permission: "assessment.read", group: "evaluation" },
  // The assessed (a department, a lower-level finance department) see their own results there.
  { href: "/assessment", labelKey: "assessment.nav", permission: "assessment.own", group: "evaluation" },
  { href: "/assessment/frameworks", labelKey: "assessment.navFrameworks", permission: "assessment.manage", group: "evaluation" },
  { href: "/disclosure", labelKey: "disclosure.manage.nav", permission: "disclosure.manage", group: "disclosure" },
  { href: "/admin/users", labelKey: "nav.users", permission: "user.read", group: "admin" },
  { href: "/admin/orgs", labelKey: "nav.orgs", permission: "org.read", group: "admin" },
  { href: "/admin/fiscal-years", labelKey: "nav.fiscalYears", permission: "fiscalYear.read", group: "admin" },
  { href: "/admin/audit", labelKey: "nav.audit", permission: "audit.read", group: "admin" },
  { href: "/account", labelKey: "nav.account", permission: "account.edit" },
];

/** The items the roles may see, each address once (an item listed under two permissions shows once). */
export function navFor(roles: readonly Role[]): NavItem[] {
  const seen = new Set<string>();
  return NAV_ITEMS.filter((item) => hasPermission(roles, item.permission) && !seen.has(item.href) && seen.add(item.href));
}
