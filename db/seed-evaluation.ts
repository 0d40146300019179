import { and, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { evaluationRuleSets, objectiveIndicators, objectives, objectiveVersions, orgs, projects, reviews, selfEvaluations } from "./schema";
import type { Comparison, IndicatorLevel1, IndicatorLevel2 } from "./schema/enums";
import { DEFAULT_RULES } from "@/lib/evaluation/rules";
import { scoreSubject } from "@/lib/evaluation/scoring";
import { scoringInput } from "@/lib/evaluation/self-evaluation";
import type { ActualRow } from "@/lib/validation/evaluation";

interface DemoIndicator {
  level1: IndicatorLevel1;
  level2: IndicatorLevel2;
  name: string;
  comparison: Comparison;
  target: string;
  unit: string;
}

interface DemoSubject {
  owner: string;
  name: string;
  amount: string;
  overall: string;
  indicators: DemoIndicator[];
  executed: string;
  actuals: Partial<Omit<ActualRow, "ordinal">>[];
  state: "draft" | "accepted";
}

const YEAR = 2026;

/** The 2026 subjects the demo evaluates: the Guangdong trunk-road upgrade (seed: guangdong-2019-objective-management.txt) and a health project. */
const SUBJECTS: DemoSubject[] = [
  {
    owner: "440000-JT-GL",
    name: "普通国省道改造",
    amount: "500000000.00",
    overall: "完成国省道改造，普通国省干线二级及以上公路比重达到90%。",
    indicators: [
      { level1: "output", level2: "quantity", name: "公路通车里程达标", comparison: "qualitative", target: "完成国省道改造", unit: "万公里" },
      { level1: "output", level2: "quantity", name: "公路建设工程量完成率", comparison: "gte", target: "100", unit: "%" },
      { level1: "output", level2: "quantity", name: "公路管理事项审批率", comparison: "gte", target: "100", unit: "%" },
      { level1: "output", level2: "timeliness", name: "施工进度达标率", comparison: "gte", target: "100", unit: "%" },
      { level1: "benefit", level2: "social", name: "普通国省干线二级及以上公路比重", comparison: "gte", target: "90", unit: "%" },
    ],
    executed: "470000000.00",
    actuals: [
      { actual: null, band: "achieved", percent: "95", deviation: "改造里程全部完成，个别路段交工验收资料待补。" },
      { actual: "96", deviation: "征地拆迁滞后，部分路段顺延至次年一季度。" },
      { actual: "100", deviation: null },
      { actual: "100", deviation: null },
      { actual: "88", deviation: "粤北山区两条路段受汛期影响推迟完工。" },
    ],
    state: "draft",
  },
  {
    owner: "440000-WJ-JK",
    name: "重点传染病防控项目",
    amount: "32000000.00",
    overall: "重点传染病报告发病率控制在目标以内，法定传染病报告及时率保持在95%以上。",
    indicators: [
      { level1: "output", level2: "quantity", name: "重点人群筛查人数", comparison: "gte", target: "120000", unit: "人" },
      { level1: "output", level2: "quality", name: "法定传染病报告及时率", comparison: "gte", target: "95", unit: "%" },
      { level1: "benefit", level2: "social", name: "重点传染病报告发病率", comparison: "lte", target: "5", unit: "/10万" },
      { level1: "satisfaction", level2: "satisfaction", name: "服务对象满意度", comparison: "gte", target: "90", unit: "%" },
    ],
    executed: "25600000.00",
    actuals: [
      { actual: "98000", deviation: "基层筛查点建设滞后，筛查人数未达预期。" },
      { actual: "96", deviation: null },
      { actual: "6.5", deviation: "输入性病例增加，发病率高于目标。" },
      { actual: "86", deviation: "偏远地区服务可及性不足。" },
    ],
    state: "accepted",
  },
];

/**
 * Evaluation demo data: the province's active scoring rule set (DESIGN §3.7 defaults) for each
 * demo fiscal year, which cities and counties inherit; and two approved 2026 subjects with their
 * self-evaluations — the trunk road being filled, a health project accepted by finance.
 */
export async function seedDemoEvaluation(tx: Tx, provinceRegionId: number, orgIds: Map<string, number>, userIds: Map<string, number>) {
  const ruleSetIds = new Map<number, number>();
  for (const year of [2026, 2027]) {
    const [rs] = await tx
      .insert(evaluationRuleSets)
      .values({ regionId: provinceRegionId, fiscalYear: year, number: 1, name: `${year}年度单位自评评分规则`, status: "active", rules: DEFAULT_RULES, createdBy: userIds.get("admin") ?? null })
      .returning();
    ruleSetIds.set(year, rs.id);
  }

  let seq = 0;
  for (const d of SUBJECTS) {
    const [owner] = await tx.select().from(orgs).where(eq(orgs.id, orgIds.get(d.owner)!));
    const departmentOrgId = owner.parentId!;
    const [p] = await tx
      .insert(projects)
      .values({
        code: `440000-${YEAR}-E${String(++seq).padStart(5, "0")}`,
        name: d.name,
        category: "special_fund",
        ownerOrgId: owner.id,
        departmentOrgId,
        regionId: owner.regionId,
        startYear: YEAR,
        endYear: YEAR + 1,
        totalAmount: d.amount,
        fundSource: "general_budget",
        isNew: false,
        state: "executing",
        createdBy: userIds.get("filer") ?? null,
      })
      .returning();
    const [o] = await tx
      .insert(objectives)
      .values({
        subjectKind: "project",
        projectId: p.id,
        ownerOrgId: owner.id,
        departmentOrgId,
        regionId: owner.regionId,
        fiscalYear: YEAR,
        title: d.name,
        requestedAmount: d.amount,
        state: "approved",
        grade: "good",
        submittedAt: new Date("2025-10-20T09:30:00+08:00"),
      })
      .returning();
    const [v] = await tx
      .insert(objectiveVersions)
      .values({
        objectiveId: o.id,
        number: 1,
        basic: { name: d.name, category: "special_fund", startYear: YEAR, endYear: YEAR + 1, servesPublic: true },
        funding: [{ source: "general_budget", year: YEAR, amount: d.amount }],
        requestedAmount: d.amount,
        fundUses: "项目实施所需的工程、设备及服务支出",
        plan: [{ start: String(YEAR), end: String(YEAR + 1), content: d.overall }],
        overallGoal: d.overall,
        annualGoal: d.overall,
        submittedAt: new Date("2025-10-20T09:30:00+08:00"),
        approvedAt: new Date("2025-12-10T10:00:00+08:00"),
      })
      .returning();
    await tx.update(objectives).set({ currentVersionId: v.id, approvedVersionId: v.id }).where(eq(objectives.id, o.id));
    const inds = await tx
      .insert(objectiveIndicators)
      .values(
        d.indicators.map((x, i) => ({
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
      )
      .returning();
    await tx.insert(reviews).values([
      { objectiveId: o.id, versionId: v.id, stage: "department", result: "pass", reviewerId: userIds.get("dept")! },
      { objectiveId: o.id, versionId: v.id, stage: "finance", result: "pass", grade: "good", score: "85", reviewerId: userIds.get("reviewer")! },
    ]);

    const actuals: ActualRow[] = d.actuals.map((a, i) => ({ ordinal: i + 1, actual: a.actual ?? null, band: a.band ?? null, percent: a.percent ?? null, deviation: a.deviation ?? null }));
    const score = scoreSubject(DEFAULT_RULES, scoringInput(inds, actuals, d.amount, d.executed));
    const ruleSetId = ruleSetIds.get(YEAR)!;
    await tx.insert(selfEvaluations).values({
      objectiveId: o.id,
      versionId: v.id,
      ownerOrgId: owner.id,
      departmentOrgId,
      regionId: owner.regionId,
      fiscalYear: YEAR,
      state: d.state,
      budgetAmount: d.amount,
      executedAmount: d.executed,
      executionExplanation: null,
      actuals,
      summary: d.state === "accepted" ? "项目总体按计划实施，部分指标未达目标，已制定整改措施。" : null,
      ruleSetId,
      totalScore: score.total,
      grade: score.grade,
      breakdown: score,
      submittedAt: d.state === "accepted" ? new Date("2027-02-20T10:00:00+08:00") : null,
      acceptedAt: d.state === "accepted" ? new Date("2027-03-15T10:00:00+08:00") : null,
    });
    await tx.update(evaluationRuleSets).set({ used: true }).where(and(eq(evaluationRuleSets.id, ruleSetId)));
  }
}
