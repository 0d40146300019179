/**
 * What each permission of the matrix (lib/auth/permissions.ts) lets a role do (Chinese), keyed by the
 * permission's own name: t(`permission.${name}`). Every key must also be in permission.en.ts.
 */
export const permissionZh = {
  inbox: {
    view: "查看本人的待办事项",
  },
  account: {
    edit: "修改本人密码",
  },
  org: {
    read: "查看范围内的单位信息",
    profile: {
      edit: "维护单位联系人信息",
    },
    manage: "新增、停用组织机构",
  },
  user: {
    read: "查看用户",
    manage: "新增、停用用户，分配角色，重置密码",
  },
  fiscalYear: {
    read: "查看预算年度及时间节点",
    manage: "设置预算年度、时间节点与阈值",
  },
  audit: {
    read: "查阅操作日志",
  },
  project: {
    read: "查看项目与绩效目标",
    write: "填报项目、绩效目标、监控与自评",
  },
  declaration: {
    review: {
      department: "主管部门审核所属单位申报",
      finance: "财政审核、批复绩效目标",
    },
  },
  appraisal: {
    assign: "委托第三方机构开展事前绩效评估",
    record: "事前绩效评估评分与结论",
  },
  warning: {
    dispose: "处置监控预警",
    read: "查看监控预警及统计",
  },
  monitoring: {
    period: {
      manage: "开启绩效监控期，生成监控表",
    },
  },
  evaluation: {
    key: {
      fill: "填报受托的重点评价",
    },
    rules: {
      manage: "维护评分规则（编辑副本、启用）",
    },
    review: {
      department: "主管部门审核所属单位自评",
      finance: "财政审核自评、规则回放、结果应用",
    },
  },
  indicator: {
    propose: "提出行业指标变更申请",
    manage: "维护共性指标，审批指标变更",
  },
  disclosure: {
    manage: "信息公开与撤回",
  },
  transfer: {
    issue: "下达转移支付资金与区域绩效目标",
  },
  assessment: {
    read: "查看绩效管理工作考核",
    manage: "组织考核：计算、评分、处理异议、发布",
    framework: {
      manage: "维护考核办法（编辑副本、启用）",
    },
    own: "查看本单位考核结果并提出异议",
  },
  overview: {
    read: "查看年度总览（申报、批复、公开、预警、等级、逾期）",
  },
} as const;
