import type { MessageKey } from "@/lib/i18n";
import { hasPermission, type Permission, type Role } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  labelKey: MessageKey;
  permission: Permission;
}

/** The left navigation. An item shows only to a user holding its permission; the page checks it again. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/inbox", labelKey: "nav.inbox", permission: "inbox.view" },
  { href: "/projects", labelKey: "pool.nav", permission: "project.read" },
  { href: "/objectives/department", labelKey: "review.navDepartmentObjectives", permission: "project.read" },
  { href: "/appraisals", labelKey: "pool.navAppraisals", permission: "appraisal.record" },
  { href: "/indicators", labelKey: "bank.nav", permission: "project.read" },
  { href: "/review/department", labelKey: "review.navDept", permission: "declaration.review.department" },
  { href: "/review/finance", labelKey: "review.navFinance", permission: "declaration.review.finance" },
  { href: "/monitoring", labelKey: "monitoring.nav", permission: "project.read" },
  { href: "/warnings", labelKey: "monitoring.navWarnings", permission: "warning.read" },
  { href: "/evaluation", labelKey: "evaluation.nav", permission: "project.read" },
  { href: "/evaluation/rules", labelKey: "evaluation.ruleSets.nav", permission: "evaluation.review.finance" },
  { href: "/evaluation/proposals", labelKey: "evaluation.proposal.nav", permission: "evaluation.review.finance" },
  { href: "/evaluation/re-evaluation", labelKey: "evaluation.reEval.nav", permission: "evaluation.review.finance" },
  { href: "/evaluation/rectification", labelKey: "evaluation.rectification.nav", permission: "project.read" },
  { href: "/evaluation/congress", labelKey: "evaluation.congress.nav", permission: "evaluation.review.finance" },
  { href: "/evaluation/key", labelKey: "evaluation.key.nav", permission: "evaluation.review.finance" },
  { href: "/evaluation/key", labelKey: "evaluation.key.nav", permission: "evaluation.key.fill" },
  { href: "/disclosure", labelKey: "disclosure.manage.nav", permission: "disclosure.manage" },
  { href: "/admin/users", labelKey: "nav.users", permission: "user.read" },
  { href: "/admin/orgs", labelKey: "nav.orgs", permission: "org.read" },
  { href: "/admin/fiscal-years", labelKey: "nav.fiscalYears", permission: "fiscalYear.read" },
  { href: "/admin/audit", labelKey: "nav.audit", permission: "audit.read" },
  { href: "/account", labelKey: "nav.account", permission: "account.edit" },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => hasPermission(roles, item.permission));
}
