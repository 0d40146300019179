import type { Comparison, IndicatorLevel1, IndicatorLevel2 } from "./schema/enums";

/**
 * A starter indicator bank: the common indicators every subject uses, and sector indicators
 * worded as provincial banks word them. [code, name, level1, level2, kind, sector, unit, comparison, formula, reference]
 */
type Row = [string, string, IndicatorLevel1, IndicatorLevel2, "common" | "sector", string | null, string | null, Comparison, string, string | null];

export const STARTER_INDICATORS: Row[] = [
  // 共性指标 common
  ["GX-CC-001", "计划完成率", "output", "quantity", "common", null, "%", "gte", "实际完成工作量/计划工作量*100%", "100"],
  ["GX-CC-002", "资金到位率", "output", "quantity", "common", null, "%", "gte", "实际到位资金/计划投入资金*100%", "100"],
  ["GX-ZL-001", "验收合格率", "output", "quality", "common", null, "%", "gte", "验收合格的项目数/完成验收的项目数*100%", "100"],
  ["GX-ZL-002", "质量达标率", "output", "quality", "common", null, "%", "gte", "质量达标的产出数/实际产出数*100%", "100"],
  ["GX-SX-001", "按时完成率", "output", "timeliness", "common", null, "%", "gte", "按时完成的工作量/计划工作量*100%", "100"],
  ["GX-SX-002", "资金支付及时率", "output", "timeliness", "common", null, "%", "gte", "按时支付资金/应支付资金*100%", "100"],
  ["GX-CB-001", "预算执行率", "cost", "cost", "common", null, "%", "gte", "实际支出/调整后预算*100%", "100"],
  ["GX-CB-002", "成本节约率", "cost", "cost", "common", null, "%", "gte", "(计划成本-实际成本)/计划成本*100%", "5"],
  ["GX-MY-001", "服务对象满意度", "satisfaction", "satisfaction", "common", null, "%", "gte", "满意的调查对象数/调查对象总数*100%", "90"],
  ["GX-MY-002", "社会公众满意度", "satisfaction", "satisfaction", "common", null, "%", "gte", "满意的受访公众数/受访公众总数*100%", "85"],
  ["GX-XY-001", "政策知晓率", "benefit", "social", "common", null, "%", "gte", "知晓政策的受访对象/受访对象总数*100%", "80"],
  ["GX-XY-002", "长效管理制度健全性", "benefit", "sustainable", "common", null, null, "qualitative", "是否建立长效管理制度并有效执行", null],
  // 交通运输 transport
  ["JT-SL-001", "公路通车里程达标", "output", "quantity", "sector", "交通运输", "万公里", "qualitative", "达到或超过标准值得满分；未达标按比例扣分", null],
  ["JT-SL-002", "公路建设工程量完成率", "output", "quantity", "sector", "交通运输", "%", "gte", "实际数/计划数*指标分值", "100"],
  ["JT-SL-003", "公路管理事项审批率", "output", "quantity", "sector", "交通运输", "%", "gte", "实际审批的公路管理事项/应审批的公路管理事项*指标分值", "100"],
  ["JT-SL-004", "国省道改造里程", "output", "quantity", "sector", "交通运输", "公里", "gte", "当年完成改造的国省道里程", "300"],
  ["JT-SX-001", "施工进度达标率", "output", "timeliness", "sector", "交通运输", "%", "gte", "(按计划进度完成的工程量/计划应完成的工程量)*指标分值", "100"],
  ["JT-ZL-001", "交工验收合格率", "output", "quality", "sector", "交通运输", "%", "gte", "交工验收合格的工程数/交工验收的工程数*100%", "100"],
  ["JT-ZL-002", "公路优良路率", "output", "quality", "sector", "交通运输", "%", "gte", "优良等级路段里程/评定总里程*100%", "85"],
  ["JT-XY-001", "普通国省干线二级及以上公路比重", "benefit", "social", "sector", "交通运输", "%", "gte", "普通国省干线二级及以上公路总里程/普通国省干线公路总里程*100%", "90"],
  ["JT-XY-002", "道路交通事故下降率", "benefit", "social", "sector", "交通运输", "%", "gte", "(上年事故数-本年事故数)/上年事故数*100%", "5"],
  ["JT-XY-003", "沿线群众出行时间节约", "benefit", "economic", "sector", "交通运输", "分钟", "gte", "改造前后平均出行时间之差", null],
  ["JT-MY-001", "沿线群众满意度", "satisfaction", "satisfaction", "sector", "交通运输", "%", "gte", "满意的受访群众数/受访群众总数*100%", "90"],
  // 卫生健康 health
  ["WJ-SL-001", "免疫规划疫苗接种率", "output", "quantity", "sector", "卫生健康", "%", "gte", "实际接种人数/应接种人数*100%", "90"],
  ["WJ-SL-002", "传染病监测报告覆盖率", "output", "quantity", "sector", "卫生健康", "%", "gte", "开展监测报告的医疗机构/辖区医疗机构*100%", "100"],
  ["WJ-SX-004", "传染病报告及时率", "output", "timeliness", "sector", "卫生健康", "%", "gte", "及时报告病例数/报告病例总数*100%", "95"],
  ["WJ-XY-001", "重点传染病发病率", "benefit", "social", "sector", "卫生健康", "1/10万", "lte", "年度新发病例数/常住人口*10万", null],
  ["WJ-MY-001", "就诊患者满意度", "satisfaction", "satisfaction", "sector", "卫生健康", "%", "gte", "满意的患者数/调查患者总数*100%", "90"],
  // 教育 education
  ["JY-SL-001", "资助学生人数", "output", "quantity", "sector", "教育", "人", "gte", "实际资助的学生人数", null],
  ["JY-ZL-001", "资助对象认定准确率", "output", "quality", "sector", "教育", "%", "gte", "认定准确的资助对象/资助对象总数*100%", "100"],
  ["JY-SX-001", "资助资金发放及时率", "output", "timeliness", "sector", "教育", "%", "gte", "按时发放的资助资金/应发放资金*100%", "100"],
  ["JY-XY-001", "家庭经济困难学生应助尽助", "benefit", "social", "sector", "教育", null, "qualitative", "是否做到应助尽助", null],
  ["JY-MY-001", "受助学生满意度", "satisfaction", "satisfaction", "sector", "教育", "%", "gte", "满意的受助学生数/调查学生总数*100%", "90"],
];
