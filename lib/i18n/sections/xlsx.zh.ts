/**
 * What an uploaded .xlsx is refused with (Chinese): the reader's limits (lib/excel), the indicator
 * bank's import (lib/indicator/excel*.ts, import-plan.ts) and the monitoring template's
 * (lib/monitoring/excel.ts). Produced as msg() references on the server; the action translates
 * them in the reader's language. Every key must also be in xlsx.en.ts.
 */
export const xlsxZh = {
  notXlsx: "文件不是有效的 Excel（.xlsx）文件，请使用本系统导出的模板",
  tooBig: "文件解压后过大，不能导入",
  tooLong: "文件中有超长的内容（一个单元格或标记超过 256 KB），不能导入",
  busy: "另一个Excel导入正在进行，请稍后再试",
  limitRows: "工作表超过 {n} 行（空行也计算在内），请删除多余的行或分批导入",
  limitCells: "工作表超过 {n} 个单元格，请删除多余的行列或分批导入",
  limitCellChars: "单元格 {cell} 超过 {n} 个字符",
  limitText: "文件中的文字超过 {n} 个字符，请分批导入",
  bank: {
    empty: "文件中没有可导入的数据行",
    formula: "单元格 {cell} 含有公式，不能导入；请复制后“粘贴为数值”再导入",
    header: "表头与导入模板不符，请使用本系统导出的模板",
    headerMissing: "缺少列：{columns}",
    headerUnknown: "无法识别的列：{columns}",
    headerRepeated: "重复的列：{columns}",
    merged: "不支持合并单元格（{cell}），请取消合并后再导入",
    tooManyRows: "文件超过 {n} 行，请分批导入",
    notOneOf: "“{value}”不是可选值，应为：{choices}",
    version: "版本须为正整数",
    commonNoSector: "共性指标不填行业领域",
    sectorNeeded: "个性指标须填写行业领域",
    invalid: "此项不符合要求",
    newRetired: "新增指标不能为停用状态",
    noSector: "行业领域“{sector}”不存在",
    repeatsRow: "与第 {row} 行重复",
    sameName: "指标库中已有同名指标（{code}）；如需修改，请填写其编码",
    codeRepeatsRow: "编码与第 {row} 行重复",
    noCode: "指标库中没有编码 {code}；新增指标请将编码留空",
    kindFixed: "指标类型不能通过导入修改（当前为“{kind}”）",
    sectorFixed: "行业领域不能通过导入修改（当前为“{sector}”）",
    keepVersion: "请保留导出时的版本号",
    newerVersion: "该指标已更新为第 {current} 版（文件中为第 {given} 版），请重新导出后再修改",
    noReEnable: "已停用的指标不能通过导入重新启用",
    retiredFixed: "已停用的指标不能调整",
  },
  report: {
    notTemplate: "文件不是本系统导出的监控表模板，请先导出模板再填写",
    otherReport: "该文件是另一张监控表的模板",
    formula: "不能含有公式",
    executedRequired: "请填写截至本期执行数",
    amount: "金额须为非负数（万元），最多六位小数",
    notApproved: "第 {row} 行的指标与批复的绩效目标不符，请勿增删或修改指标",
    ordinalRepeated: "序号 {ordinal} 重复",
    chooseJudgement: "请选择：{choices}",
    missing: "缺少指标“{name}”",
  },
} as const;
