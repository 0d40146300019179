import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { objectives, reEvaluationItems, reEvaluationSamples, selfEvaluations } from "@/db/schema";
import { drawReEvaluationSampleAction } from "@/lib/actions/evaluation/draw-re-evaluation-sample";
import { recordReScoreAction } from "@/lib/actions/evaluation/record-re-score";
import { inflationByUnit } from "@/lib/evaluation/re-evaluation";
import { drawSample } from "@/lib/evaluation/sample";
import { getActor } from "@/lib/auth/current-user";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  // Twenty more accepted 2026 self-evaluations of the health unit, scored 70.00 … 89.00.
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
    await database.db.insert(selfEvaluations).values(se as typeof selfEvaluations.$inferInsert);
  }
});
afterAll(() => database.drop());

describe("re-evaluation", () => {
  it("draws 10% at random from a recorded seed, reproducibly; drafts are not candidates", async () => {
    await signInAs(database, "reviewer");
    const first = await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed: 20261201 });
    expect(first.ok).toBe(true);
    const a = (first as { data: { sampleId: number; seed: number; picked: number[]; candidates: number } }).data;
    expect(a.candidates).toBe(21); // the seeded accepted one and the twenty copies; the trunk road's draft is not a candidate
    expect(a.picked).toHaveLength(3);

    // The recorded seed and candidates reproduce the sample exactly.
    const [sample] = await database.db.select().from(reEvaluationSamples).where(eq(reEvaluationSamples.id, a.sampleId));
    expect(sample.seed).toBe(20261201);
    expect(drawSample(sample.candidates as number[], sample.seed, sample.percent)).toEqual(a.picked);
    const again = await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed: sample.seed });
    expect((again as { data: { picked: number[] } }).data.picked).toEqual(a.picked);
    const items = await database.db.select().from(reEvaluationItems).where(eq(reEvaluationItems.sampleId, a.sampleId));
    expect(items.map((i) => i.selfEvaluationId).sort()).toEqual([...a.picked].sort());

    // Without a seed, one is drawn and recorded.
    const unseeded = await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed: "" });
    const u = (unseeded as { data: { sampleId: number; seed: number; picked: number[] } }).data;
    const [recorded] = await database.db.select().from(reEvaluationSamples).where(eq(reEvaluationSamples.id, u.sampleId));
    expect(recorded.seed).toBe(u.seed);
    expect(drawSample(recorded.candidates as number[], recorded.seed, "10")).toEqual(u.picked);
  });

  it("marks a self-score more than 10 points above the re-score as inflated and counts it against the unit", async () => {
    await signInAs(database, "reviewer");
    const [sample] = await database.db.select().from(reEvaluationSamples).where(eq(reEvaluationSamples.seed, 20261201)).limit(1);
    const items = await database.db.select().from(reEvaluationItems).where(eq(reEvaluationItems.sampleId, sample.id)).orderBy(reEvaluationItems.id);
    const minus = (s: string, d: string) => (Number(s) - Number(d)).toFixed(2);
    // Exactly 10 below: not inflated. 10.01 below: inflated.
    expect(await recordReScoreAction({ itemId: items[0].id, version: 1, reScore: minus(items[0].selfScore, "10"), note: null })).toMatchObject({ ok: true, data: { inflated: false } });
    expect(await recordReScoreAction({ itemId: items[1].id, version: 1, reScore: minus(items[1].selfScore, "10.01"), note: "佐证材料不支持自评结论" })).toMatchObject({ ok: true, data: { inflated: true } });
    // A stale form gets a conflict.
    expect(await recordReScoreAction({ itemId: items[1].id, version: 1, reScore: "50", note: null })).toMatchObject({ ok: false, code: "conflict" });
    // A score above 100 is refused.
    const bad = await recordReScoreAction({ itemId: items[2].id, version: 1, reScore: "101", note: null });
    expect(!bad.ok && bad.fieldErrors?.reScore?.[0]).toContain("0–100");

    const actor = (await getActor())!;
    expect(await inflationByUnit(database.db, actor, 2026)).toEqual([expect.objectContaining({ orgName: "广东省疾病预防控制中心", inflated: 1 })]);
    const [inflatedItem] = await database.db.select().from(reEvaluationItems).where(and(eq(reEvaluationItems.id, items[1].id)));
    expect(inflatedItem).toMatchObject({ inflated: true, note: "佐证材料不支持自评结论" });
  });

  it("a unit filer and a city finance reviewer cannot draw or score", async () => {
    await signInAs(database, "filer");
    expect(await drawReEvaluationSampleAction({ fiscalYear: 2026, percent: "10", seed: 1 })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "gz.reviewer");
    const [item] = await database.db.select().from(reEvaluationItems).limit(1);
    expect(await recordReScoreAction({ itemId: item.id, version: item.version, reScore: "50", note: null })).toMatchObject({ ok: false, code: "not_found" });
  });
});
