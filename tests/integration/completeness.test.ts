import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectives } from "@/db/schema";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import type { IndicatorRowInput } from "@/lib/validation/objective";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad, trunkRoadIndicators, TRUNK_ROAD_AMOUNT } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  await signInAs(database, "filer");
});
afterAll(() => database.drop());

const basic = { name: "普通国省道改造", category: "special_fund", startYear: 2019, endYear: 2021, contactName: null, contactPhone: null, policyBasis: null, servesPublic: false };
const goals = { overallGoal: "2019—2021年完成国省道改造2000公里。", annualGoal: "2019年完成国省道改造。" };
const plan = [{ start: "2019", end: "2021", content: "完成国省道改造2000公里。" }];
const funding = { requestedAmount: TRUNK_ROAD_AMOUNT, rows: [{ source: "general_budget", year: 2019, amount: TRUNK_ROAD_AMOUNT }], fundUses: null };

type Variant = { step1?: object; step2?: object; step3?: (inds: IndicatorRowInput[]) => object };

/** Each rule of DESIGN §5 broken on its own: the field it must name, and what the message says. */
const RULES: { rule: string; variant: Variant; field: string; says: string }[] = [
  { rule: "overall objective filled", variant: { step3: (i) => ({ plan, ...goals, overallGoal: "", indicators: i }) }, field: "overallGoal", says: "总体目标" },
  { rule: "annual objective filled", variant: { step3: (i) => ({ plan, ...goals, annualGoal: null, indicators: i }) }, field: "annualGoal", says: "年度目标" },
  { rule: "an output indicator", variant: { step3: (i) => ({ plan, ...goals, indicators: i.filter((r) => r.level1 !== "output") }) }, field: "indicators", says: "产出指标" },
  { rule: "a benefit indicator", variant: { step3: (i) => ({ plan, ...goals, indicators: i.filter((r) => r.level1 !== "benefit") }) }, field: "indicators", says: "效益指标" },
  { rule: "satisfaction for a project serving the public", variant: { step1: { ...basic, servesPublic: true } }, field: "indicators", says: "满意度" },
  { rule: "a quantity output indicator", variant: { step3: (i) => ({ plan, ...goals, indicators: i.filter((r) => r.level2 !== "quantity") }) }, field: "indicators", says: "数量指标" },
  { rule: "a quality or timeliness output indicator", variant: { step3: (i) => ({ plan, ...goals, indicators: i.filter((r) => r.level2 !== "timeliness") }) }, field: "indicators", says: "质量指标或时效指标" },
  { rule: "numeric target", variant: { step3: (i) => ({ plan, ...goals, indicators: i.map((r, n) => (n === 1 ? { ...r, annualTarget: "全部完成" } : r)) }) }, field: "indicators.1.annualTarget", says: "数值型" },
  { rule: "unit of a quantitative indicator", variant: { step3: (i) => ({ plan, ...goals, indicators: i.map((r, n) => (n === 2 ? { ...r, unit: null } : r)) }) }, field: "indicators.2.unit", says: "计量单位" },
  {
    rule: "annual ≤ period for cumulative quantities",
    variant: {
      step3: (i) => ({
        plan,
        ...goals,
        indicators: [...i, { ...i[1], name: "国省道改造里程", unit: "公里", annualTarget: "2500", periodTarget: "2000", indicatorId: null, customReason: "里程" }],
      }),
    },
    field: "indicators.5.annualTarget",
    says: "不应大于实施期",
  },
  { rule: "weights sum to 100", variant: { step3: (i) => ({ plan, ...goals, indicators: i.map((r) => ({ ...r, weight: "10" })) }) }, field: "weights", says: "合计须为 100" },
  { rule: "weights all positive or all blank", variant: { step3: (i) => ({ plan, ...goals, indicators: i.map((r, n) => ({ ...r, weight: n === 0 ? "100" : null })) }) }, field: "weights", says: "全部填写" },
  { rule: "funding sums to the requested amount", variant: { step2: { ...funding, rows: [{ source: "general_budget", year: 2019, amount: "1499999999.99" }] } }, field: "funding.rows", says: "不一致" },
  { rule: "custom indicators carry a reason", variant: { step3: (i) => ({ plan, ...goals, indicators: i.map((r, n) => (n === 0 ? { ...r, indicatorId: null, customReason: null } : r)) }) }, field: "indicators.0.customReason", says: "理由" },
];

describe("submission refuses each completeness rule on its own, naming the field", () => {
  it("accepts the complete declaration", async () => {
    const { objectiveId } = await declareTrunkRoad(database, { year: 2019 });
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    expect(await submitObjective({ objectiveId, version: o.version })).toMatchObject({ ok: true });
  });

  it.each(RULES)("$rule", async ({ variant, field, says }) => {
    const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2020 });
    let ev = editVersion;
    const inds = await trunkRoadIndicators(database);
    for (const [step, data] of [
      [1, variant.step1],
      [2, variant.step2],
      [3, variant.step3?.(inds)],
    ] as const) {
      if (!data) continue;
      const r = await saveDeclarationStep({ step, objectiveId, editVersion: ev, data });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      ev = (r as { data: { editVersion: number } }).data.editVersion;
    }
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    const res = await submitObjective({ objectiveId, version: o.version });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe("invalid_input");
    expect(Object.keys(res.fieldErrors ?? {})).toEqual([field]);
    expect(res.fieldErrors?.[field]?.join(" ")).toContain(says);
    expect(res.fieldErrors?.[field]?.[0]).toMatch(/^第[1-4]步 · /);
    expect((await database.db.select().from(objectives).where(eq(objectives.id, objectiveId)))[0].state).toBe("draft");
  });
});
