import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { keyEvaluations, objectives } from "@/db/schema";
import { acceptKeyEvaluationAction } from "@/lib/actions/evaluation/accept-key-evaluation";
import { createKeyEvaluationAction } from "@/lib/actions/evaluation/create-key-evaluation";
import { fillKeyEvaluationAction } from "@/lib/actions/evaluation/fill-key-evaluation";
import { fillOwnKeyEvaluationAction } from "@/lib/actions/evaluation/fill-own-key-evaluation";
import ExcelJS from "exceljs";
import { getActor } from "@/lib/auth/current-user";
import { congressPack, congressWorkbook } from "@/lib/evaluation/congress-pack";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const objectiveNamed = async (title: string) => (await database.db.select().from(objectives).where(eq(objectives.title, title)))[0];
const keyEval = async (id: number) => (await database.db.select().from(keyEvaluations).where(eq(keyEvaluations.id, id)))[0];
const scores = (d: string, p: string, o: string, b: string) => ({
  decision: { score: d, evidence: "立项依据充分，绩效目标明确" },
  process: { score: p, evidence: "资金到位及时，管理制度健全" },
  output: { score: o, evidence: "筛查人数未达目标" },
  benefit: { score: b, evidence: "发病率高于目标" },
});

describe("key evaluation", () => {
  it("finance engages an agency; its evaluator scores the framework; finance accepts", async () => {
    const health = await objectiveNamed("重点传染病防控项目");
    const agency = await orgByCode(database, "440000-PJ01");
    await signInAs(database, "reviewer");
    const bad = await createKeyEvaluationAction({ objectiveId: health.id, agencyOrgId: agency.id, weights: { decision: "20", process: "20", output: "30", benefit: "40" } });
    expect(!bad.ok && bad.fieldErrors?.weights?.[0]).toContain("合计须为 100");
    const created = await createKeyEvaluationAction({ objectiveId: health.id, agencyOrgId: agency.id, reason: "金额较大，监控预警多次" });
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: number } }).data.id;
    expect(await keyEval(id)).toMatchObject({ state: "assigned", weights: { decision: "20", process: "20", output: "30", benefit: "30" } });
    expect(await createKeyEvaluationAction({ objectiveId: health.id, agencyOrgId: null })).toMatchObject({ ok: false, code: "conflict" });

    await signInAs(database, "evaluator");
    const tooMuch = await fillKeyEvaluationAction({ keyEvaluationId: id, version: 1, scores: scores("21", "18", "24", "20"), findings: "—", recommendations: "—" });
    expect(!tooMuch.ok && tooMuch.fieldErrors?.["scores.decision.score"]?.[0]).toContain("不能超过");
    const filled = await fillKeyEvaluationAction({
      keyEvaluationId: id,
      version: 1,
      scores: scores("18", "17.5", "24", "20.5"),
      findings: "基层筛查点建设滞后；输入性病例增加导致发病率高于目标。",
      recommendations: "加快基层筛查点建设，完善输入性病例监测。",
    });
    expect(filled).toMatchObject({ ok: true, data: { total: "80.00", grade: "good" } });
    // Submitted: the evaluator cannot change it any more.
    expect(await fillKeyEvaluationAction({ keyEvaluationId: id, version: 2, scores: scores("20", "20", "30", "30"), findings: "x", recommendations: "x" })).toMatchObject({ ok: false, code: "forbidden" });

    await signInAs(database, "reviewer");
    expect(await acceptKeyEvaluationAction({ keyEvaluationId: id, version: 2 })).toMatchObject({ ok: true, data: { state: "accepted" } });
  });

  it("without an engagement the evaluator cannot reach it; finance runs it itself", async () => {
    const road = await objectiveNamed("普通国省道改造");
    await signInAs(database, "reviewer");
    const created = await createKeyEvaluationAction({ objectiveId: road.id, agencyOrgId: null });
    const id = (created as { data: { id: number } }).data.id;
    await signInAs(database, "evaluator");
    expect(await fillKeyEvaluationAction({ keyEvaluationId: id, version: 1, scores: scores("20", "20", "30", "30"), findings: "x", recommendations: "x" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(database, "reviewer");
    expect(await fillOwnKeyEvaluationAction({ keyEvaluationId: id, version: 1, scores: scores("19", "18", "27", "27.5"), findings: "工程按计划推进", recommendations: "加强验收资料管理" })).toMatchObject({
      ok: true,
      data: { total: "91.50", grade: "excellent" },
    });
    // A unit's filer can do none of it.
    await signInAs(database, "filer");
    expect(await createKeyEvaluationAction({ objectiveId: road.id, agencyOrgId: null })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the people's-congress pack holds the key objectives and the accepted key evaluation results, for finance and the congress alike", async () => {
    const health = await objectiveNamed("重点传染病防控项目");
    await database.db.update(objectives).set({ isKey: true }).where(eq(objectives.id, health.id));
    for (const user of ["reviewer", "observer"]) {
      await signInAs(database, user);
      const pack = await congressPack(database.db, (await getActor())!, 2026);
      expect(pack.keyObjectives.map((o) => o.title)).toEqual(["重点传染病防控项目"]);
      // The trunk road's key evaluation is submitted but not accepted: not in the pack.
      expect(pack.keyResults).toEqual([expect.objectContaining({ title: "重点传染病防控项目", score: "80.00", grade: "good", recommendations: "加快基层筛查点建设，完善输入性病例监测。" })]);
    }
    const wb = new ExcelJS.Workbook();
    await signInAs(database, "reviewer");
    await wb.xlsx.load((await congressWorkbook(await congressPack(database.db, (await getActor())!, 2026))) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["重点项目绩效目标", "重点评价结果", "公开绩效目标", "公开评价结果", "按部门汇总", "按等级汇总"]);
    expect(wb.getWorksheet("重点项目绩效目标")!.getRow(3).values).toEqual([undefined, 1, "重点传染病防控项目", "广东省疾病预防控制中心", 3200]); // 3,200.00 万元, an exact number
    expect(wb.getWorksheet("重点评价结果")!.getRow(3).getCell(5).value).toBe("良");
    // Another unit's filer sees nothing of it.
    await signInAs(database, "filer");
    expect(await congressPack(database.db, (await getActor())!, 2026)).toMatchObject({ keyObjectives: [], keyResults: [] });
  });
});
