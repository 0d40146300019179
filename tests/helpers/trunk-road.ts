import fixture from "../fixtures/guangdong-trunk-road.json";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { indicators } from "@/db/schema";
import { createProject } from "@/lib/actions/project/create-project";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import type { IndicatorRowInput } from "@/lib/validation/objective";
import { orgByCode } from "./orgs";

const CMP = { ">=": "gte", "<=": "lte", "=": "eq" } as const;
const LEVEL1 = { 产出指标: "output", 效益指标: "benefit", 满意度指标: "satisfaction" } as const;
const LEVEL2 = { 数量指标: "quantity", 质量指标: "quality", 时效指标: "timeliness", 社会效益指标: "social" } as const;

/** The Guangdong trunk-road upgrade (seed: guangdong-2019-objective-management.txt) as wizard input. */
export async function trunkRoadIndicators(database: Database): Promise<IndicatorRowInput[]> {
  const rows: IndicatorRowInput[] = [];
  for (const f of fixture.indicators) {
    const [bank] = await database.db.select().from(indicators).where(eq(indicators.name, f.name));
    rows.push({
      fundUse: fixture.project.fundUse,
      level1: LEVEL1[f.level1 as keyof typeof LEVEL1],
      level2: LEVEL2[f.level2 as keyof typeof LEVEL2],
      name: f.name,
      comparison: "cmp" in f && f.cmp ? CMP[f.cmp as keyof typeof CMP] : "qualitative",
      annualTarget: f.annual,
      periodTarget: f.period,
      unit: f.unit,
      weight: null,
      explanation: null,
      formula: f.formula,
      indicatorId: bank?.id ?? null,
      customReason: bank ? null : "指标库暂无此指标",
    });
  }
  return rows;
}

export const TRUNK_ROAD_AMOUNT = "1500000000.00";

/**
 * As the signed-in filer: the project in the pool, a 2027 declaration, and steps 1–3 filled.
 * Returns the objective id and the wizard's edit counter.
 */
export async function declareTrunkRoad(database: Database, opts: { year?: number } = {}) {
  const unit = await orgByCode(database, "440000-JT-GL");
  const project = await createProject({
    name: fixture.project.name,
    tier: 2,
    category: "special_fund",
    ownerOrgId: unit.id,
    startYear: 2019,
    endYear: 2021,
    totalAmount: TRUNK_ROAD_AMOUNT,
    fundSource: "general_budget",
    policyBasis: "《广东省省级财政预算支出绩效目标管理办法（试行）》",
    isNew: true,
  });
  if (!project.ok) throw new Error(`createProject: ${JSON.stringify(project)}`);
  const created = await createObjective({ subjectKind: "project", projectId: project.data.id, fiscalYear: opts.year ?? 2019 });
  if (!created.ok) throw new Error(`createObjective: ${JSON.stringify(created)}`);
  const objectiveId = created.data.id;
  let editVersion = 1;
  const save = async (step: 1 | 2 | 3, data: unknown) => {
    const r = await saveDeclarationStep({ step, objectiveId, editVersion, data });
    if (!r.ok) throw new Error(`save step ${step}: ${JSON.stringify(r)}`);
    editVersion = (r.data as { editVersion: number }).editVersion;
  };
  await save(1, { name: fixture.project.name, category: "special_fund", startYear: 2019, endYear: 2021, contactName: "刘芳", contactPhone: "020-83731234", policyBasis: null, servesPublic: false });
  await save(2, {
    requestedAmount: TRUNK_ROAD_AMOUNT,
    rows: [
      { source: "general_budget", year: 2019, amount: "500000000.00" },
      { source: "general_budget", year: 2020, amount: "500000000.00" },
      { source: "general_budget", year: 2021, amount: "500000000.00" },
    ],
    fundUses: fixture.project.fundUse,
  });
  await save(3, {
    plan: fixture.project.schedule.map((s) => ({ start: String(s.start), end: String(s.end), content: s.content })),
    overallGoal: "2019—2021年完成国省道改造2000公里，普通国省干线二级及以上公路比重达到95%。",
    annualGoal: "2019年完成国省道改造，普通国道二级及以上公路比重达到90%。",
    indicators: await trunkRoadIndicators(database),
  });
  return { projectId: project.data.id, objectiveId, editVersion };
}
