import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { keyEvaluations, monitoringPeriods, monitoringReports, monitoringWarnings, objectives, reEvaluationItems, reEvaluationSamples, selfEvaluations, type Light } from "@/db/schema";
import { drawReEvaluationSampleAction } from "@/lib/actions/evaluation/draw-re-evaluation-sample";
import { selectKeyByWarningsAction } from "@/lib/actions/evaluation/select-key-by-warnings";
import { WARNING_REASON } from "@/lib/evaluation/key-selection";
import { drawSample } from "@/lib/evaluation/sample";
import { createTestDatabase } from "../helpers/db";
import { auditCount, signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
/** The twenty copies of the health unit's accepted 2026 self-evaluation: objective id → self-evaluation id. */
const copies: { objectiveId: number; seId: number }[] = [];

/** Plants a monitoring warning of `light` on an objective in a 2026 period, as the monitoring rules would have raised it. */
async function warn(objectiveId: number, light: Light) {
  const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.objectiveId, objectiveId));
  let [period] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.fiscalYear, 2026)).limit(1);
  period ??= (await database.db.insert(monitoringPeriods).values({ regionId: se.regionId, fiscalYear: 2026, throughMonth: 7, deadline: "2026-08-10" }).returning())[0];
  const [report] = await database.db
    .insert(monitoringReports)
    .values({ periodId: period.id, objectiveId, versionId: se.versionId, ownerOrgId: se.ownerOrgId, departmentOrgId: se.departmentOrgId, regionId: se.regionId, state: "accepted", budget: se.budgetAmount })
    .returning();
  await database.db.insert(monitoringWarnings).values({ reportId: report.id, periodId: period.id, objectiveId, ownerOrgId: se.ownerOrgId, departmentOrgId: se.departmentOrgId, regionId: se.regionId, rule: "execution", light });
}

beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  const [health] = await database.db
    .select({ o: objectives, se: selfEvaluations })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .where(eq(objectives.title, "重点传染病防控项目"));
  for (let i = 0; i < 20; i++) {
    const o: Partial<typeof health.o> = { ...health.o, projectId: null, title: `传染病防控子项目${i + 1}` };
    delete o.id;
    const [copy] = await database.db.insert(objectives).values(o as typeof objectives.$inferInsert).returning();
    const se: Partial<typeof health.se> = { ...health.se, objectiveId: copy.id, totalScore: (70 + i).toFixed(2) };
    delete se.id;
    const [row] = await database.db.insert(selfEvaluations).values(se as typeof selfEvaluations.$inferInsert).returning();
    copies.push({ objectiveId: copy.id, seId: row.id });
  }
  // Copy 5 had a red warning in 2026, copy 6 only a yellow one.
  await warn(copies[4].objectiveId, "red");
  await warn(copies[5].objectiveId, "yellow");
});
afterAll(() => database.drop());

type Drawn = { sampleId: number; seed: number; picked: number[]; warned: number[] };

describe("re-evaluation sample: random part plus every red-warning subject", () => {
  it("a subject with a red warning is in the sample whatever the seed, once; a yellow one only if drawn; same seed → same sample", async () => {
    await signInAs(database, "reviewer");
    const red = copies[4].seId;
    const yellow = copies[5].seId;
    let yellowSeen = 0;
    for (const seed of [1, 2, 3, 42, 20261201, 987654321]) {
      const res = await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed });
      expect(res.ok).toBe(true);
      const d = (res as { data: Drawn }).data;
      const items = await database.db.select().from(reEvaluationItems).where(eq(reEvaluationItems.sampleId, d.sampleId));
      const ids = items.map((i) => i.selfEvaluationId);
      expect(ids).toContain(red);
      expect(new Set(ids).size).toBe(ids.length);
      // The random part is still exactly what the recorded seed reproduces; the red one is added only when not drawn.
      expect(items.filter((i) => i.reason === "random").map((i) => i.selfEvaluationId).sort()).toEqual([...d.picked].sort());
      const redItem = items.find((i) => i.selfEvaluationId === red)!;
      expect(redItem.reason).toBe(d.picked.includes(red) ? "random" : "warning");
      expect(items.filter((i) => i.reason === "warning").map((i) => i.selfEvaluationId)).toEqual(d.picked.includes(red) ? [] : [red]);
      if (ids.includes(yellow)) {
        yellowSeen++;
        expect(d.picked).toContain(yellow);
      }
      const [sample] = await database.db.select().from(reEvaluationSamples).where(eq(reEvaluationSamples.id, d.sampleId));
      expect(drawSample(sample.candidates as number[], sample.seed, sample.percent)).toEqual(d.picked);
      // Same seed again → the same sample.
      const again = (await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed })) as { data: Drawn };
      expect(again.data.picked).toEqual(d.picked);
      expect(again.data.warned).toEqual(d.warned);
    }
    expect(yellowSeen).toBeLessThan(6);
  });

  it("a red warning of another year does not pull a subject in", async () => {
    await signInAs(database, "reviewer");
    // Copy 7 gets a red warning in a 2025 period only.
    const target = copies[6];
    const [period] = await database.db.select().from(monitoringPeriods).where(eq(monitoringPeriods.fiscalYear, 2026)).limit(1);
    const [p2025] = await database.db.insert(monitoringPeriods).values({ regionId: period.regionId, fiscalYear: 2025, throughMonth: 7, deadline: "2025-08-10" }).returning();
    const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.id, target.seId));
    const [report] = await database.db
      .insert(monitoringReports)
      .values({ periodId: p2025.id, objectiveId: target.objectiveId, versionId: se.versionId, ownerOrgId: se.ownerOrgId, departmentOrgId: se.departmentOrgId, regionId: se.regionId, budget: se.budgetAmount })
      .returning();
    await database.db.insert(monitoringWarnings).values({ reportId: report.id, periodId: p2025.id, objectiveId: target.objectiveId, ownerOrgId: se.ownerOrgId, departmentOrgId: se.departmentOrgId, regionId: se.regionId, rule: "execution", light: "red" });
    const res = (await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed: 7 })) as { data: Drawn & { candidates: number } };
    expect(res.data.picked).not.toContain(target.seId); // not drawn at random with this seed …
    expect(res.data.warned).not.toContain(target.seId); // … and not added for last year's red light
    expect(res.data.warned).toEqual([copies[4].seId].filter((id) => !res.data.picked.includes(id)));
  });
});

describe("key evaluation: selection by warnings", () => {
  it("selects every approved subject of the year with a red warning (or red and yellow), once, in finance's scope", async () => {
    await signInAs(database, "gz.reviewer");
    // A city's finance reviewer sees no provincial subject to select.
    expect(await selectKeyByWarningsAction({ fiscalYear: 2026, selection: "red_yellow", agencyOrgId: "" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await database.db.select().from(keyEvaluations)).toHaveLength(0);

    await signInAs(database, "reviewer");
    const red = await selectKeyByWarningsAction({ fiscalYear: 2026, selection: "red", agencyOrgId: "" });
    expect(red).toMatchObject({ ok: true, data: { selected: 1, objectiveIds: [copies[4].objectiveId] } });
    const [k] = await database.db.select().from(keyEvaluations).where(eq(keyEvaluations.objectiveId, copies[4].objectiveId));
    expect(k).toMatchObject({ state: "assigned", agencyOrgId: null, fiscalYear: 2026, reason: WARNING_REASON.red });
    expect(await auditCount(database, "keyEvaluation.create")).toBe(1);

    // Red and yellow: the yellow one now; the red one is already selected, not twice. Last year's red light does not count.
    const both = await selectKeyByWarningsAction({ fiscalYear: 2026, selection: "red_yellow", agencyOrgId: "" });
    expect(both).toMatchObject({ ok: true, data: { selected: 1, objectiveIds: [copies[5].objectiveId] } });
    const keyed = await database.db.select({ objectiveId: keyEvaluations.objectiveId }).from(keyEvaluations);
    expect(keyed.map((r) => r.objectiveId).sort()).toEqual([copies[4].objectiveId, copies[5].objectiveId].sort());
    expect(await selectKeyByWarningsAction({ fiscalYear: 2026, selection: "red_yellow", agencyOrgId: "" })).toMatchObject({ ok: false, code: "invalid_input" });
    // A unit filer may not select.
    await signInAs(database, "filer");
    expect(await selectKeyByWarningsAction({ fiscalYear: 2026, selection: "red", agencyOrgId: "" })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
