import "server-only";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { aliasedTable, and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { disclosures, keyEvaluationReports, keyEvaluations, objectives, orgs, regions } from "@/db/schema";
import { GRADES, type Grade } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { publishedRankings } from "@/lib/assessment/rounds";

/**
 * The pack finance submits to the people's congress for a fiscal year (DESIGN §3.8): the key
 * objectives (重点项目绩效目标) and the accepted key evaluation results with findings and
 * recommendations; and every objective and evaluation result of the year that is disclosed
 * (a live row of `disclosures`), with totals by department and by grade — as a printable page
 * and as an Excel workbook. Amounts are summed in the database as numeric and stay decimal
 * strings (元) until shown in 万元.
 */
export interface DisclosedObjective {
  disclosureId: number;
  objectiveId: number;
  title: string;
  departmentName: string;
  ownerName: string;
  /** The budget disclosed with it (元). */
  amount: string;
}

export interface DisclosedResult {
  disclosureId: number;
  /** A self-evaluation accepted by finance, or a key evaluation (重点评价). */
  kind: "self" | "key";
  objectiveId: number | null;
  title: string;
  departmentName: string;
  ownerName: string;
  /** The budget of the evaluated subject (元). */
  amount: string;
  score: string;
  grade: Grade;
}

export interface DepartmentTotal {
  departmentName: string;
  objectives: number;
  /** Sum of the disclosed objectives' budgets (元). */
  budget: string;
  results: number;
}

export interface GradeTotal {
  grade: Grade;
  self: number;
  selfBudget: string;
  key: number;
  keyBudget: string;
}

export interface CongressPack {
  fiscalYear: number;
  keyObjectives: { id: number; title: string; ownerName: string; amount: string }[];
  keyResults: { id: number; title: string; ownerName: string; score: string; grade: Grade; findings: string | null; recommendations: string | null; report: { filename: string; href: string } | null }[];
  disclosedObjectives: DisclosedObjective[];
  disclosedResults: DisclosedResult[];
  /** Published assessment rankings of the year (绩效管理工作考核, lib/assessment) in the reader's region. */
  assessments?: Awaited<ReturnType<typeof publishedRankings>>;
  totals: {
    byDepartment: DepartmentTotal[];
    byGrade: GradeTotal[];
    all: { objectives: number; budget: string; results: number };
  };
}

const dec = (v: string) => new Decimal(v);
const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed(2);

/** The totals of the disclosed rows, exact (decimal.js), departments in the order of their first objective. */
export function congressTotals(objectivesDisclosed: DisclosedObjective[], results: DisclosedResult[]): CongressPack["totals"] {
  const departments = new Map<string, { objectives: string[]; results: number }>();
  const dept = (name: string) => {
    let d = departments.get(name);
    if (!d) departments.set(name, (d = { objectives: [], results: 0 }));
    return d;
  };
  for (const o of objectivesDisclosed) dept(o.departmentName).objectives.push(o.amount);
  for (const r of results) dept(r.departmentName).results++;
  const byDepartment = [...departments].map(([departmentName, d]) => ({ departmentName, objectives: d.objectives.length, budget: sum(d.objectives), results: d.results }));
  const byGrade = GRADES.map((grade) => {
    const self = results.filter((r) => r.kind === "self" && r.grade === grade);
    const key = results.filter((r) => r.kind === "key" && r.grade === grade);
    return { grade, self: self.length, selfBudget: sum(self.map((r) => r.amount)), key: key.length, keyBudget: sum(key.map((r) => r.amount)) };
  });
  return {
    byDepartment,
    byGrade,
    all: { objectives: objectivesDisclosed.length, budget: sum(objectivesDisclosed.map((o) => o.amount)), results: results.length },
  };
}

/** 元 → 万元 exactly (a division by 10,000 always terminates): "32000000.00" → "3200". */
export function yuanToWanExact(yuan: string): string {
  return dec(yuan).div(10_000).toFixed();
}

export async function congressPack(db: DbOrTx, actor: Actor, fiscalYear: number): Promise<CongressPack> {
  const place = { orgPath: orgs.path, regionPath: regions.path };
  const keyObjectives = await db
    .select({ id: objectives.id, title: objectives.title, ownerName: orgs.name, amount: objectives.requestedAmount })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(and(scopeWhere(actor, "project.read", place), eq(objectives.fiscalYear, fiscalYear), eq(objectives.isKey, true), isNotNull(objectives.approvedVersionId)))
    .orderBy(desc(objectives.requestedAmount), asc(objectives.id));
  const results = await db
    .select({ k: keyEvaluations, title: objectives.title, ownerName: orgs.name, reportFile: keyEvaluationReports.filename })
    .from(keyEvaluations)
    .leftJoin(keyEvaluationReports, eq(keyEvaluationReports.keyEvaluationId, keyEvaluations.id))
    .innerJoin(objectives, eq(objectives.id, keyEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
    .where(and(scopeWhere(actor, "project.read", place), eq(keyEvaluations.fiscalYear, fiscalYear), eq(keyEvaluations.state, "accepted")))
    .orderBy(asc(keyEvaluations.id));
  // Every live disclosure of the year in the reader's scope (by the owner's place in the org tree).
  const department = aliasedTable(orgs, "department");
  const disclosed = await db
    .select({
      id: disclosures.id,
      subjectType: disclosures.subjectType,
      objectiveId: disclosures.objectiveId,
      title: disclosures.title,
      departmentName: department.name,
      ownerName: orgs.name,
      amount: disclosures.amount,
      score: disclosures.score,
      grade: disclosures.grade,
      keyEvaluationId: disclosures.keyEvaluationId,
    })
    .from(disclosures)
    .innerJoin(orgs, eq(orgs.id, disclosures.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .innerJoin(department, eq(department.id, disclosures.departmentOrgId))
    .where(and(scopeWhere(actor, "project.read", place), eq(disclosures.fiscalYear, fiscalYear), isNull(disclosures.withdrawnAt)))
    .orderBy(sql`string_to_array(trim(both '/' from ${department.path}), '/')::int[]`, asc(department.id), desc(disclosures.amount), asc(disclosures.id));
  const disclosedObjectives: DisclosedObjective[] = disclosed
    .filter((d) => d.subjectType === "objective" && d.objectiveId !== null)
    .map((d) => ({ disclosureId: d.id, objectiveId: d.objectiveId!, title: d.title, departmentName: d.departmentName, ownerName: d.ownerName, amount: d.amount }));
  const disclosedResults: DisclosedResult[] = disclosed
    .filter((d) => d.subjectType !== "objective" && d.score !== null && d.grade !== null)
    .map((d) => ({
      disclosureId: d.id,
      kind: d.keyEvaluationId !== null ? "key" : "self",
      objectiveId: d.objectiveId,
      title: d.title,
      departmentName: d.departmentName,
      ownerName: d.ownerName,
      amount: d.amount,
      score: d.score!,
      grade: d.grade!,
    }));
  const assessments = await publishedRankings(db, actor.regionPath, fiscalYear);
  return {
    fiscalYear,
    assessments,
    disclosedObjectives,
    disclosedResults,
    totals: congressTotals(disclosedObjectives, disclosedResults),
    keyObjectives,
    keyResults: results.map((r) => ({ id: r.k.id, title: r.title, ownerName: r.ownerName, score: r.k.totalScore!, grade: r.k.grade!, findings: r.k.findings, recommendations: r.k.recommendations, report: r.reportFile ? { filename: r.reportFile, href: `/api/evaluation/key-report/${r.k.id}` } : null })),
  };
}

const GRADE_LABEL: Record<Grade, string> = { excellent: "优", good: "良", fair: "中", poor: "差" };
const KIND_LABEL = { self: "绩效自评", key: "重点评价" } as const;
/** 元 with cents; 万元 with as many decimals as the amount needs (up to six): both exact. */
const YUAN_FMT = "#,##0.00";
const WAN_FMT = "#,##0.00####";

/** A number cell for an amount: exact, since any amount below 10^13 元 with cents round-trips through a double. */
const num = (v: string) => dec(v).toNumber();

export async function congressWorkbook(pack: CongressPack): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效管理系统";
  const a = wb.addWorksheet("重点项目绩效目标");
  a.addRow([`${pack.fiscalYear}年度重点项目绩效目标`]);
  a.addRow(["序号", "项目名称", "单位", "金额（万元）"]).font = { bold: true };
  pack.keyObjectives.forEach((o, i) => (a.addRow([i + 1, o.title, o.ownerName, num(yuanToWanExact(o.amount))]).getCell(4).numFmt = WAN_FMT));
  const b = wb.addWorksheet("重点评价结果");
  b.addRow([`${pack.fiscalYear}年度重点绩效评价结果`]);
  b.addRow(["序号", "项目名称", "单位", "得分", "等级", "主要问题", "意见建议", "评价报告"]).font = { bold: true };
  pack.keyResults.forEach((r, i) => b.addRow([i + 1, r.title, r.ownerName, r.score, GRADE_LABEL[r.grade], r.findings ?? "", r.recommendations ?? "", r.report?.filename ?? ""]));
  [a, b].forEach((ws) => ws.columns.forEach((c, k) => (c.width = [6, 36, 28, 18, 8, 40, 40, 30][k])));

  const sheet = (name: string, title: string, header: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }], pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow(header).font = { bold: true };
    ws.columns.forEach((c, k) => (c.width = widths[k]));
    return ws;
  };
  const money = (ws: ExcelJS.Worksheet, yuanCol: number, wanCol: number) => {
    ws.getColumn(yuanCol).numFmt = YUAN_FMT;
    ws.getColumn(wanCol).numFmt = WAN_FMT;
  };

  const c = sheet("公开绩效目标", `${pack.fiscalYear}年度已公开绩效目标`, ["序号", "项目名称", "主管部门", "实施单位", "预算（元）", "预算（万元）"], [6, 40, 26, 30, 20, 16]);
  pack.disclosedObjectives.forEach((o, i) => c.addRow([i + 1, o.title, o.departmentName, o.ownerName, num(o.amount), num(yuanToWanExact(o.amount))]));
  c.addRow(["合计", "", "", "", num(pack.totals.all.budget), num(yuanToWanExact(pack.totals.all.budget))]).font = { bold: true };
  money(c, 5, 6);

  const d = sheet("公开评价结果", `${pack.fiscalYear}年度已公开评价结果`, ["序号", "项目名称", "主管部门", "实施单位", "评价方式", "得分", "等级", "预算（元）", "预算（万元）"], [6, 40, 26, 30, 12, 8, 8, 20, 16]);
  pack.disclosedResults.forEach((r, i) => d.addRow([i + 1, r.title, r.departmentName, r.ownerName, KIND_LABEL[r.kind], r.score, GRADE_LABEL[r.grade], num(r.amount), num(yuanToWanExact(r.amount))]));
  money(d, 8, 9);

  const e = sheet("按部门汇总", `${pack.fiscalYear}年度公开情况（按主管部门）`, ["主管部门", "公开目标数", "预算（元）", "预算（万元）", "公开评价结果数"], [30, 12, 20, 16, 16]);
  for (const t of pack.totals.byDepartment) e.addRow([t.departmentName, t.objectives, num(t.budget), num(yuanToWanExact(t.budget)), t.results]);
  e.addRow(["合计", pack.totals.all.objectives, num(pack.totals.all.budget), num(yuanToWanExact(pack.totals.all.budget)), pack.totals.all.results]).font = { bold: true };
  money(e, 3, 4);

  const f = sheet("按等级汇总", `${pack.fiscalYear}年度公开评价结果（按等级）`, ["等级", "自评结果数", "自评预算（万元）", "重点评价数", "重点评价预算（万元）"], [8, 12, 18, 12, 20]);
  for (const t of pack.totals.byGrade) f.addRow([GRADE_LABEL[t.grade], t.self, num(yuanToWanExact(t.selfBudget)), t.key, num(yuanToWanExact(t.keyBudget))]);
  f.getColumn(3).numFmt = WAN_FMT;
  f.getColumn(5).numFmt = WAN_FMT;

  if (pack.assessments?.length) {
    const g = sheet("绩效管理工作考核", `${pack.fiscalYear}年度绩效管理工作考核结果`, ["地区", "考核对象", "名次", "单位", "得分", "等级"], [14, 16, 8, 36, 10, 10]);
    const KIND = { department: "本级部门", finance: "下级财政部门" } as const;
    const ASSESS_GRADE = { excellent: "优秀", good: "良好", fair: "合格", poor: "不合格" } as const;
    for (const r of pack.assessments) g.addRow([r.regionName, KIND[r.kind], r.rank, r.orgName, r.finalScore, r.grade ? ASSESS_GRADE[r.grade] : ""]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
