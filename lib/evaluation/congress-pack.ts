import "server-only";
import ExcelJS from "exceljs";
import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { keyEvaluationReports, keyEvaluations, objectives, orgs, regions } from "@/db/schema";
import type { Grade } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import { formatMoney } from "@/lib/format";

/**
 * The pack finance submits to the people's congress for a fiscal year (DESIGN §3.8): the key
 * objectives (重点项目绩效目标) and the accepted key evaluation results with findings and
 * recommendations — as a printable page and as an Excel workbook.
 */
export interface CongressPack {
  fiscalYear: number;
  keyObjectives: { id: number; title: string; ownerName: string; amount: string }[];
  keyResults: { id: number; title: string; ownerName: string; score: string; grade: Grade; findings: string | null; recommendations: string | null; report: { filename: string; href: string } | null }[];
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
  return {
    fiscalYear,
    keyObjectives,
    keyResults: results.map((r) => ({ id: r.k.id, title: r.title, ownerName: r.ownerName, score: r.k.totalScore!, grade: r.k.grade!, findings: r.k.findings, recommendations: r.k.recommendations, report: r.reportFile ? { filename: r.reportFile, href: `/api/evaluation/key-report/${r.k.id}` } : null })),
  };
}

const GRADE_LABEL: Record<Grade, string> = { excellent: "优", good: "良", fair: "中", poor: "差" };

export async function congressWorkbook(pack: CongressPack): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("重点项目绩效目标");
  a.addRow([`${pack.fiscalYear}年度重点项目绩效目标`]);
  a.addRow(["序号", "项目名称", "单位", "金额（元）"]).font = { bold: true };
  pack.keyObjectives.forEach((o, i) => a.addRow([i + 1, o.title, o.ownerName, formatMoney(o.amount)]));
  const b = wb.addWorksheet("重点评价结果");
  b.addRow([`${pack.fiscalYear}年度重点绩效评价结果`]);
  b.addRow(["序号", "项目名称", "单位", "得分", "等级", "主要问题", "意见建议", "评价报告"]).font = { bold: true };
  pack.keyResults.forEach((r, i) => b.addRow([i + 1, r.title, r.ownerName, r.score, GRADE_LABEL[r.grade], r.findings ?? "", r.recommendations ?? "", r.report?.filename ?? ""]));
  [a, b].forEach((ws) => ws.columns.forEach((c, k) => (c.width = [6, 36, 28, 18, 8, 40, 40, 30][k])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
