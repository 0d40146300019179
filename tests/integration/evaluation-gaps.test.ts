import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { keyEvaluationReports, keyEvaluations, monitoringPeriods, monitoringReports, monitoringWarnings, objectives, reEvaluationItems, reEvaluationSamples, selfEvaluations, type Light } from "@/db/schema";
import { drawReEvaluationSampleAction } from "@/lib/actions/evaluation/draw-re-evaluation-sample";
import { GET as downloadReport } from "@/app/api/evaluation/key-report/[id]/route";
import { acceptKeyEvaluationAction } from "@/lib/actions/evaluation/accept-key-evaluation";
import { attachKeyReportAction } from "@/lib/actions/evaluation/attach-key-report";
import { attachOwnKeyReportAction } from "@/lib/actions/evaluation/attach-own-key-report";
import { fillOwnKeyEvaluationAction } from "@/lib/actions/evaluation/fill-own-key-evaluation";
import { congressPack } from "@/lib/evaluation/congress-pack";
import { getActor } from "@/lib/auth/current-user";
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

describe("key evaluation report: attached file, scoped download, the congress pack", () => {
  it("attaches a PDF/Word report (content-checked), downloads it only within scope, lists it in the congress pack once accepted", async () => {
    const [k] = await database.db.select().from(keyEvaluations).where(eq(keyEvaluations.objectiveId, copies[4].objectiveId));
    const pdf = new File([new TextEncoder().encode("%PDF-1.7 绩效评价报告")], "传染病防控子项目5绩效评价报告.pdf", { type: "application/pdf" });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // The engaged-agency route is not finance's: an evaluator not engaged for it does not see it.
    await signInAs(database, "evaluator");
    expect(await attachKeyReportAction({ keyEvaluationId: k.id, file: pdf })).toMatchObject({ ok: false, code: "not_found" });

    await signInAs(database, "reviewer");
    // A picture, or a picture named .pdf, is refused.
    expect(await attachOwnKeyReportAction({ keyEvaluationId: k.id, file: new File([png], "报告.png") })).toMatchObject({ ok: false, code: "invalid_input" });
    const fake = await attachOwnKeyReportAction({ keyEvaluationId: k.id, file: new File([png], "报告.pdf") });
    expect(!fake.ok && fake.fieldErrors?.file?.[0]).toBe("评价报告仅支持 PDF 或 Word 文件");
    expect(await attachOwnKeyReportAction({ keyEvaluationId: k.id, file: pdf })).toMatchObject({ ok: true });
    // Attaching again replaces it: still one report.
    expect(await attachOwnKeyReportAction({ keyEvaluationId: k.id, file: pdf })).toMatchObject({ ok: true });
    expect(await database.db.select({ id: keyEvaluationReports.id }).from(keyEvaluationReports)).toHaveLength(1);

    const download = () => downloadReport(new Request("http://x/"), { params: Promise.resolve({ id: String(k.id) }) });
    const ok = await download();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(new TextDecoder().decode(await ok.arrayBuffer())).toBe("%PDF-1.7 绩效评价报告");
    // The evaluated unit reads it; another unit and another city's finance get a 404, audited.
    await signInAs(database, "filer2");
    expect((await download()).status).toBe(200);
    const denied = await auditCount(database, "access.denied");
    await signInAs(database, "filer");
    expect((await download()).status).toBe(404);
    await signInAs(database, "gz.reviewer");
    expect((await download()).status).toBe(404);
    expect(await auditCount(database, "access.denied")).toBe(denied + 2);

    // Not in the congress pack until accepted; then listed with its download link.
    await signInAs(database, "reviewer");
    const actor = (await getActor())!;
    expect((await congressPack(database.db, actor, 2026)).keyResults.find((r) => r.id === k.id)).toBeUndefined();
    const dim = (score: string) => ({ score, evidence: "查阅资金支付凭证及项目验收资料" });
    const filled = await fillOwnKeyEvaluationAction({ keyEvaluationId: k.id, version: k.version, scores: { decision: dim("18"), process: dim("15"), output: dim("24"), benefit: dim("22") }, findings: "执行进度滞后，资金支出集中在四季度", recommendations: "加快预算执行，完善项目管理" });
    expect(filled).toMatchObject({ ok: true, data: { total: "79.00" } });
    expect(await acceptKeyEvaluationAction({ keyEvaluationId: k.id, version: (filled as { data: { version: number } }).data.version })).toMatchObject({ ok: true });
    const listed = (await congressPack(database.db, actor, 2026)).keyResults.find((r) => r.id === k.id);
    expect(listed?.report).toEqual({ filename: "传染病防控子项目5绩效评价报告.pdf", href: `/api/evaluation/key-report/${k.id}` });
    // Accepted: the report can no longer be replaced.
    expect(await attachOwnKeyReportAction({ keyEvaluationId: k.id, file: pdf })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

