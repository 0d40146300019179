import type { Widen } from "../widen";
import type { permissionZh } from "./permission.zh";

export const permissionEn: Widen<typeof permissionZh> = {
  inbox: {
    view: "See one's own task inbox",
  },
  account: {
    edit: "Change one's own password",
  },
  org: {
    read: "Read organisations within one's scope",
    profile: {
      edit: "Keep an organisation's contact details",
    },
    manage: "Create and disable organisations",
  },
  user: {
    read: "List users",
    manage: "Create and disable users, assign roles, reset passwords",
  },
  fiscalYear: {
    read: "Read fiscal years and deadlines",
    manage: "Set fiscal years, deadlines and thresholds",
  },
  audit: {
    read: "Read the audit log",
  },
  project: {
    read: "Read projects and their objectives",
    write: "File projects, objectives, monitoring and self-evaluations",
  },
  declaration: {
    review: {
      department: "Department review of its units' declarations",
      finance: "Finance review and approval of objectives",
    },
  },
  appraisal: {
    assign: "Engage an agency for an ex-ante appraisal",
    record: "Score and conclude ex-ante appraisals",
  },
  warning: {
    dispose: "Dispose monitoring warnings",
    read: "Read monitoring warnings and their charts",
  },
  monitoring: {
    period: {
      manage: "Open monitoring periods and the reports to fill",
    },
  },
  evaluation: {
    key: {
      fill: "Fill key evaluations assigned to one's agency",
    },
    rules: {
      manage: "Keep scoring rule sets (edit a copy, adopt it)",
    },
    review: {
      department: "Department review of its units' self-evaluations",
      finance: "Finance acceptance of self-evaluations, replay, result application",
    },
  },
  indicator: {
    propose: "Propose sector indicator changes",
    manage: "Keep common indicators, decide change requests",
  },
  disclosure: {
    manage: "Disclose and withdraw",
  },
  transfer: {
    issue: "Issue a transfer payment and its regional objectives",
  },
  assessment: {
    read: "Read the assessments of performance-management work",
    manage: "Run assessment rounds: compute, judge, decide objections, publish",
    framework: {
      manage: "Keep assessment frameworks (edit a copy, adopt it)",
    },
    own: "See one's own organisation's assessment result and object once",
  },
  overview: {
    read: "Read the year at a glance (declared, approved, disclosed, warnings, grades, overdue)",
  },
};
