import type { Role } from "@/db/schema/enums";
import { ROLES } from "@/db/schema/enums";

export { ROLES, type Role };

/**
 * THE permission matrix: which role may do what. The server reads it in every action
 * (lib/actions/define.ts) and every page; the navigation reads it to decide what to show.
 * Whether a permitted role may touch a *given* object is decided by lib/auth/scope.ts
 * from the organisation tree.
 *
 * `access: "read"` permissions never change data; observers hold only those.
 */
export const PERMISSIONS = {
  "inbox.view": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
    description: "查看本人的待办事项 / see one's own task inbox",
  },
  "account.edit": {
    access: "write",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
    description: "修改本人密码 / change one's own password",
  },
  "org.read": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
    description: "查看范围内的单位信息 / read organisations within one's scope",
  },
  "org.profile.edit": {
    access: "write",
    roles: ["unit_filer", "dept_reviewer", "finance_admin"],
    description: "维护单位联系人信息 / keep an organisation's contact details",
  },
  "org.manage": {
    access: "write",
    roles: ["finance_admin"],
    description: "新增、停用组织机构 / create and disable organisations",
  },
  "user.read": {
    access: "read",
    roles: ["finance_admin"],
    description: "查看用户 / list users",
  },
  "user.manage": {
    access: "write",
    roles: ["finance_admin"],
    description: "新增、停用用户，分配角色，重置密码 / create and disable users, assign roles, reset passwords",
  },
  "fiscalYear.read": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "evaluator", "observer"],
    description: "查看预算年度及时间节点 / read fiscal years and deadlines",
  },
  "fiscalYear.manage": {
    access: "write",
    roles: ["finance_admin"],
    description: "设置预算年度、时间节点与阈值 / set fiscal years, deadlines and thresholds",
  },
  "audit.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
    description: "查阅操作日志 / read the audit log",
  },
  "project.read": {
    access: "read",
    roles: ["unit_filer", "dept_reviewer", "finance_reviewer", "finance_admin", "observer"],
    description: "查看项目与绩效目标 / read projects and their objectives",
  },
  "project.write": {
    access: "write",
    roles: ["unit_filer", "dept_reviewer"],
    // A department files for its own projects only; its units file their own (DESIGN §1).
    ownOrgOnly: ["dept_reviewer"],
    description: "填报项目、绩效目标、监控与自评 / file projects, objectives, monitoring and self-evaluations",
  },
  "declaration.review.department": {
    access: "write",
    roles: ["dept_reviewer"],
    description: "主管部门审核所属单位申报 / department review of its units' declarations",
  },
  "declaration.review.finance": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
    description: "财政审核、批复绩效目标 / finance review and approval of objectives",
  },
  "appraisal.assign": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
    description: "委托第三方机构开展事前绩效评估 / engage an agency for an ex-ante appraisal",
  },
  "appraisal.record": {
    access: "write",
    // An evaluator records only appraisals its agency was engaged for (checked in the action).
    roles: ["finance_reviewer", "finance_admin", "evaluator"],
    description: "事前绩效评估评分与结论 / score and conclude ex-ante appraisals",
  },
  "warning.dispose": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
    description: "处置监控预警 / dispose monitoring warnings",
  },
  "monitoring.period.manage": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
    description: "开启绩效监控期，生成监控表 / open monitoring periods and the reports to fill",
  },
  "overview.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
    description: "查看年度总览（申报、批复、公开、预警、等级、逾期） / read the year at a glance",
  },
  "warning.read": {
    access: "read",
    roles: ["finance_reviewer", "finance_admin", "observer"],
    description: "查看监控预警及统计 / read monitoring warnings and their charts",
  },
  "evaluation.key.fill": {
    access: "write",
    roles: ["evaluator"],
    description: "填报受托的重点评价 / fill key evaluations assigned to one's agency",
  },
  "evaluation.rules.manage": {
    access: "write",
    roles: ["finance_admin"],
    description: "维护评分规则（编辑副本、启用） / keep scoring rule sets (edit a copy, adopt it)",
  },
  "evaluation.review.department": {
    access: "write",
    roles: ["dept_reviewer"],
    description: "主管部门审核所属单位自评 / department review of its units' self-evaluations",
  },
  "evaluation.review.finance": {
    access: "write",
    roles: ["finance_reviewer", "finance_admin"],
    description: "财政审核自评、规则回放、结果应用 / finance acceptance of self-evaluations, replay, result application",
  },
  "indicator.propose": {
    access: "write",
    roles: ["dept_reviewer"],
    description: "提出行业指标变更申请 / propose sector indicator changes",
  },
  "indicator.manage": {
    access: "write",
    roles: ["finance_admin"],
    description: "维护共性指标，审批指标变更 / keep common indicators, decide change requests",
  },
  "disclosure.manage": {
    access: "write",
    roles: ["finance_admin"],
    description: "信息公开与撤回 / disclose and withdraw",
  },
} as const satisfies Record<string, { access: "read" | "write"; roles: readonly Role[]; ownOrgOnly?: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

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
