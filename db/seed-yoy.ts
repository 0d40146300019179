import { and, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { objectiveIndicators, objectives, objectiveVersions, projects } from "./schema";
import type { Comparison, IndicatorLevel1, IndicatorLevel2 } from "./schema/enums";

const YEAR = 2027;
const AMOUNT = "30000000.00";

/**
 * Year over year (往年对比) for demo users: the continuing health project (重点传染病防控项目, 2026–2027),
 * approved for 2026 and self-evaluated (accepted: seed-evaluation.ts), declares its 2027 objective,
 * now with the health commission's reviewer (wj.reviewer). Against 2026 (筛查人数 ≥ 120000 reached
 * 98000; 及时率 ≥ 95 reached 96) the 2027 筛查人数 ≥ 100000 is lowered without a reason, the
 * 及时率 ≥ 96 is raised, the 处置时限 is new, and the benefit and satisfaction targets are shown, not judged.
 */
const INDICATORS: { level1: IndicatorLevel1; level2: IndicatorLevel2; name: string; comparison: Comparison; target: string; unit: string }[] = [
  { level1: "output", level2: "quantity", name: "重点人群筛查人数", comparison: "gte", target: "100000", unit: "人" },
  { level1: "output", level2: "quality", name: "法定传染病报告及时率", comparison: "gte", target: "96", unit: "%" },
  { level1: "output", level2: "timeliness", name: "突发疫情报告处置时限", comparison: "lte", target: "2", unit: "小时" },
  { level1: "benefit", level2: "social", name: "重点传染病报告发病率", comparison: "lte", target: "6", unit: "/10万" },
  { level1: "satisfaction", level2: "satisfaction", name: "服务对象满意度", comparison: "gte", target: "90", unit: "%" },
];

export async function seedDemoYearOverYear(tx: Tx) {
  const [p] = await tx.select().from(projects).where(and(eq(projects.name, "重点传染病防控项目"), eq(projects.endYear, YEAR)));
  if (!p) return;
  const submitted = new Date("2026-10-20T09:30:00+08:00");
  const overall = "重点传染病报告发病率控制在目标以内，法定传染病报告及时率保持在96%以上。";
  const [o] = await tx
    .insert(objectives)
    .values({
      subjectKind: "project",
      projectId: p.id,
      ownerOrgId: p.ownerOrgId,
      departmentOrgId: p.departmentOrgId,
      regionId: p.regionId,
      fiscalYear: YEAR,
      title: `重点传染病防控项目（${YEAR}年度）`,
      requestedAmount: AMOUNT,
      state: "dept_review",
      submittedAt: submitted,
    })
    .returning();
  const [v] = await tx
    .insert(objectiveVersions)
    .values({
      objectiveId: o.id,
      number: 1,
      basic: { name: p.name, category: p.category, startYear: p.startYear, endYear: p.endYear, servesPublic: true },
      funding: [{ source: "general_budget", year: YEAR, amount: AMOUNT }],
      requestedAmount: AMOUNT,
      fundUses: "筛查、监测及疫情处置所需的设备、试剂和服务支出",
      plan: [{ start: String(YEAR), end: String(YEAR), content: overall }],
      overallGoal: overall,
      annualGoal: overall,
      submittedAt: submitted,
    })
    .returning();
  await tx.update(objectives).set({ currentVersionId: v.id }).where(eq(objectives.id, o.id));
  await tx.insert(objectiveIndicators).values(
    INDICATORS.map((x, i) => ({
      versionId: v.id,
      ordinal: i + 1,
      level1: x.level1,
      level2: x.level2,
      name: x.name,
      comparison: x.comparison,
      annualTarget: x.target,
      periodTarget: x.target,
      unit: x.unit,
      customReason: "演示数据",
    })),
  );
}
