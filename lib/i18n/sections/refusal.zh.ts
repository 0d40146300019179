/**
 * Refusals of operations that are not a form's field rule (Chinese): thrown as msg() references in
 * an ActionError, said in the reader's language by the action wrapper. Every key must also be in
 * refusal.en.ts.
 */
export const refusalZh = {
  transferNeedsTransferProject: "转移支付目标须对应转移支付类项目",
  yearOutsideProject: "申报年度须在项目实施期内",
  keyEvaluationNotAccepted: "只有财政已验收的重点评价可以公开",
  keyEvaluationDisclosed: "该重点评价已公开",
  evaluationNotAccepted: "只有财政已审核通过的自评结果可以公开",
  evaluationDisclosed: "该评价结果已公开",
  noDeptReviewer: "{org}尚无在岗的部门审核人，提交后无人审核：请联系{org}管理员设置审核人",
  noFinanceReviewer: "{org}尚无在岗的财政审核人，提交后无人审核：请联系{org}管理员设置审核人",
  unstorable: "含有无法保存的字符（如空字符）",
  date: "请填写日期（如 2027-07-10）",
  yearOrMonth: "请填写年份（如 2019）或年月（如 2019-06）",
} as const;
