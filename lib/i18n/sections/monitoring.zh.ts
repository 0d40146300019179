/** Strings of double monitoring (绩效运行监控, DESIGN §3.6). Every key must also be in monitoring.en.ts. */
export const monitoringZh = {
  nav: "绩效监控",
  navWarnings: "监控预警",
  navCharts: "预警统计",
  opened: "监控期已开启，监控表已生成。",
  saved: "监控表已暂存。",
  submitted: "监控表已提交。",
  reviewed: "审核意见已提交。",
  disposed: "预警处置已记录。",
  evidenceSubmitted: "整改材料已报送。",
  evidenceDecided: "整改结果已确认。",
  imported: "已从 Excel 导入监控表。",
} as const;
