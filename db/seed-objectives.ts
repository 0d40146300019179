import { eq } from "drizzle-orm";
import type { Tx } from "./client";
import { indicators, objectiveIndicators, objectives, objectiveVersions, orgs, projects, reviews, type ObjectiveState } from "./schema";

interface DemoIndicator {
  code: string;
  annual: string;
  period: string;
  weight?: string;
}

interface DemoProject {
  owner: string;
  name: string;
  category: "special_fund" | "other_development" | "operation";
  start: number;
  end: number;
  total: string;
  isNew: boolean;
  state: ObjectiveState;
  overall: string;
  annual: string;
  indicators: DemoIndicator[];
  returnReason?: string;
}

const YEAR = 2027;

/** Declarations in every state of the workflow, so each role has something to look at. */
const DEMO: DemoProject[] = [
  {
    owner: "440000-JT-GL",
    name: "农村公路安全生命防护工程",
    category: "special_fund",
    start: 2027,
    end: 2027,
    total: "38000000.00",
    isNew: false,
    state: "draft",
    overall: "完成农村公路安全生命防护工程1200公里，消除重大安全隐患路段。",
    annual: "完成农村公路安全生命防护工程1200公里。",
    indicators: [
      { code: "GX-CC-001", annual: "100", period: "100" },
      { code: "GX-ZL-001", annual: "100", period: "100" },
    ],
  },
  {
    owner: "440000-JT-GL",
    name: "普通国省道路面养护专项",
    category: "special_fund",
    start: 2027,
    end: 2027,
    total: "52000000.00",
    isNew: false,
    state: "dept_review",
    overall: "完成普通国省道路面大中修养护800公里，优良路率保持在85%以上。",
    annual: "完成普通国省道路面大中修养护800公里。",
    indicators: [
      { code: "JT-SL-004", annual: "800", period: "800", weight: "30" },
      { code: "JT-ZL-002", annual: "85", period: "85", weight: "20" },
      { code: "JT-SX-001", annual: "100", period: "100", weight: "10" },
      { code: "JT-XY-002", annual: "5", period: "5", weight: "30" },
      { code: "JT-MY-001", annual: "90", period: "90", weight: "10" },
    ],
  },
  {
    owner: "440000-JT",
    name: "交通运输综合执法能力建设",
    category: "other_development",
    start: 2027,
    end: 2028,
    total: "12600000.00",
    isNew: true,
    state: "finance_review",
    overall: "建成全省交通运输综合执法信息平台，执法案件网上办理率达到100%。",
    annual: "完成执法信息平台一期建设并上线运行。",
    indicators: [
      { code: "GX-CC-001", annual: "100", period: "100" },
      { code: "GX-SX-001", annual: "100", period: "100" },
      { code: "GX-XY-002", annual: "建立平台运维管理制度", period: "建立平台运维管理制度" },
      { code: "GX-MY-002", annual: "85", period: "90" },
    ],
  },
  {
    owner: "440000-WJ-JK",
    name: "免疫规划项目",
    category: "special_fund",
    start: 2027,
    end: 2027,
    total: "86500000.00",
    isNew: false,
    state: "approved",
    overall: "全省适龄儿童国家免疫规划疫苗接种率保持在90%以上，有效控制疫苗可预防传染病。",
    annual: "适龄儿童国家免疫规划疫苗接种率达到90%以上。",
    indicators: [
      { code: "WJ-SL-001", annual: "90", period: "90" },
      { code: "WJ-SX-004", annual: "95", period: "95" },
      { code: "WJ-XY-001", annual: "5", period: "5" },
      { code: "WJ-MY-001", annual: "90", period: "90" },
    ],
  },
  {
    owner: "440000-WJ-JK",
    name: "传染病监测预警项目",
    category: "special_fund",
    start: 2027,
    end: 2027,
    total: "24300000.00",
    isNew: false,
    state: "returned",
    overall: "传染病监测预警能力明显提高。",
    annual: "传染病监测预警能力明显提高。",
    indicators: [
      { code: "WJ-SL-002", annual: "100", period: "100" },
      { code: "WJ-SX-004", annual: "95", period: "95" },
      { code: "WJ-MY-001", annual: "90", period: "90" },
    ],
    returnReason: "总体目标表述笼统，未量化；缺少效益指标，请补充传染病发病率等效益指标后重新申报。",
  },
];

export async function seedDemoObjectives(tx: Tx, orgIds: Map<string, number>, userIds: Map<string, number>) {
  const bank = new Map<string, typeof indicators.$inferSelect>();
  for (const i of await tx.select().from(indicators)) bank.set(i.code, i);
  let seq = 0;
  for (const d of DEMO) {
    const [owner] = await tx.select().from(orgs).where(eq(orgs.id, orgIds.get(d.owner)!));
    const departmentOrgId = owner.kind === "unit" ? owner.parentId! : owner.id;
    const [p] = await tx
      .insert(projects)
      .values({
        code: `440000-${d.start}-D${String(++seq).padStart(5, "0")}`,
        name: d.name,
        category: d.category,
        ownerOrgId: owner.id,
        departmentOrgId,
        regionId: owner.regionId,
        startYear: d.start,
        endYear: d.end,
        totalAmount: d.total,
        fundSource: "general_budget",
        isNew: d.isNew,
        state: d.state === "approved" ? "admitted" : "reserve",
        createdBy: userIds.get(owner.kind === "unit" ? "filer" : "dept") ?? null,
      })
      .returning();
    const submitted = d.state !== "draft" ? new Date("2026-10-15T09:30:00+08:00") : null;
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
        requestedAmount: d.total,
        state: d.state,
        grade: d.state === "approved" ? "excellent" : null,
        submittedAt: submitted,
      })
      .returning();
    const [v] = await tx
      .insert(objectiveVersions)
      .values({
        objectiveId: o.id,
        number: 1,
        basic: { name: d.name, category: d.category, startYear: d.start, endYear: d.end, servesPublic: true },
        funding: [{ source: "general_budget", year: YEAR, amount: d.total }],
        requestedAmount: d.total,
        fundUses: "项目实施所需的工程、设备及服务支出",
        plan: [{ start: String(d.start), end: String(d.end), content: d.annual }],
        overallGoal: d.overall,
        annualGoal: d.annual,
        submittedAt: submitted,
        approvedAt: d.state === "approved" ? new Date("2026-11-10T10:00:00+08:00") : null,
      })
      .returning();
    await tx
      .update(objectives)
      .set({ currentVersionId: v.id, approvedVersionId: d.state === "approved" ? v.id : null })
      .where(eq(objectives.id, o.id));
    await tx.insert(objectiveIndicators).values(
      d.indicators.map((x, i) => {
        const b = bank.get(x.code)!;
        return {
          versionId: v.id,
          ordinal: i + 1,
          level1: b.level1,
          level2: b.level2,
          name: b.name,
          comparison: b.comparison,
          annualTarget: x.annual,
          periodTarget: x.period,
          unit: b.unit,
          weight: x.weight ?? null,
          formula: b.formula,
          indicatorId: b.id,
        };
      }),
    );
    if (d.state === "returned" || d.state === "approved" || d.state === "finance_review") {
      const financeReturn = d.state === "returned";
      if (owner.kind === "unit") {
        await tx.insert(reviews).values({ objectiveId: o.id, versionId: v.id, stage: "department", result: "pass", reviewerId: userIds.get("dept")! });
      }
      if (d.state !== "finance_review") {
        await tx.insert(reviews).values({
          objectiveId: o.id,
          versionId: v.id,
          stage: "finance",
          result: financeReturn ? "return" : "pass",
          grade: financeReturn ? "fair" : "excellent",
          score: financeReturn ? "72" : "93",
          reasons: d.returnReason ?? null,
          indicatorComments: financeReturn ? { 传染病监测报告覆盖率: "覆盖率指标请补充监测点数量" } : {},
          reviewerId: userIds.get("reviewer")!,
        });
      }
    }
  }
}
