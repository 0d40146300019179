import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectiveIndicators, objectives, objectiveVersions, selfEvaluations } from "@/db/schema";
import { reviewSelfEvaluationDepartment } from "@/lib/actions/evaluation/review-self-evaluation-department";
import { reviewSelfEvaluationFinance } from "@/lib/actions/evaluation/review-self-evaluation-finance";
import { saveSelfEvaluationAction } from "@/lib/actions/evaluation/save-self-evaluation";
import { startSelfEvaluationAction } from "@/lib/actions/evaluation/start-self-evaluation";
import { submitSelfEvaluation } from "@/lib/actions/evaluation/submit-self-evaluation";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let objectiveId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  // The transport department's approved overall objective for 2026 (部门整体绩效目标).
  const dept = await orgByCode(database, "440000-JT");
  const [o] = await database.db
    .insert(objectives)
    .values({ subjectKind: "department", ownerOrgId: dept.id, departmentOrgId: dept.id, regionId: dept.regionId, fiscalYear: 2026, title: "广东省交通运输厅部门整体绩效目标", requestedAmount: "2000000000.00", state: "approved" })
    .returning();
  const [v] = await database.db.insert(objectiveVersions).values({ objectiveId: o.id, number: 1, requestedAmount: "2000000000.00", funding: [] }).returning();
  await database.db.update(objectives).set({ currentVersionId: v.id, approvedVersionId: v.id }).where(eq(objectives.id, o.id));
  await database.db.insert(objectiveIndicators).values([
    { versionId: v.id, ordinal: 1, level1: "output", level2: "quantity", name: "国省道改造里程", comparison: "gte", annualTarget: "2000", unit: "公里", weight: "30" },
    { versionId: v.id, ordinal: 2, level1: "output", level2: "timeliness", name: "重点项目按期完工率", comparison: "gte", annualTarget: "95", unit: "%", weight: "20" },
    { versionId: v.id, ordinal: 3, level1: "benefit", level2: "social", name: "交通事故死亡率", comparison: "lte", annualTarget: "2", unit: "人/万车" },
    { versionId: v.id, ordinal: 4, level1: "satisfaction", level2: "satisfaction", name: "群众出行满意度", comparison: "gte", annualTarget: "90", unit: "%" },
  ]);
  objectiveId = o.id;
});
afterAll(() => database.drop());

describe("department overall evaluation with the same machinery", () => {
  it("the department evaluates itself; it goes straight to finance, which accepts it", async () => {
    // A unit's filer cannot evaluate the department's objective.
    await signInAs(database, "filer");
    expect(await startSelfEvaluationAction({ objectiveId })).toMatchObject({ ok: false, code: "not_found" });

    await signInAs(database, "dept");
    const started = await startSelfEvaluationAction({ objectiveId });
    const id = (started as { data: { id: number } }).data.id;
    const saved = await saveSelfEvaluationAction({
      selfEvaluationId: id,
      version: 1,
      executedAmount: "1900000000.00",
      executionExplanation: null,
      summary: "全年目标基本完成",
      actuals: [
        { ordinal: 1, actual: "1800", deviation: "两条路段因汛期顺延" },
        { ordinal: 2, actual: "95", deviation: null },
        { ordinal: 3, actual: "2.5", deviation: "冬季事故多发" },
        { ordinal: 4, actual: "92", deviation: null },
      ],
    });
    // Execution 95% → 9.50. Output 50 split 30:20 by declared weights → 30.00 × 1800/2000 = 27.00, 20.00 full.
    // Benefit 30 × (1 − 0.5/2) = 22.50. Satisfaction 10 full. Total 89.00 → 良.
    expect(saved).toMatchObject({ ok: true, data: { total: "89.00", grade: "good" } });
    const [se] = await database.db.select().from(selfEvaluations).where(eq(selfEvaluations.id, id));
    expect(await submitSelfEvaluation({ selfEvaluationId: id, version: se.version })).toMatchObject({ ok: true, data: { state: "finance_review" } });
    // There is no department stage for a department's own evaluation.
    expect(await reviewSelfEvaluationDepartment({ selfEvaluationId: id, version: se.version + 1, event: "dept_pass" })).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(database, "reviewer");
    expect(await reviewSelfEvaluationFinance({ selfEvaluationId: id, version: se.version + 1, event: "finance_accept" })).toMatchObject({ ok: true, data: { state: "accepted" } });
  });
});
