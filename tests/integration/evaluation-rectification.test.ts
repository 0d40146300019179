import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectives, rectificationTasks, selfEvaluations } from "@/db/schema";
import { createRectificationAction } from "@/lib/actions/evaluation/create-rectification";
import { decideRectificationAction } from "@/lib/actions/evaluation/decide-rectification";
import { submitRectificationAction } from "@/lib/actions/evaluation/submit-rectification";
import { getActor } from "@/lib/auth/current-user";
import { evaluationInboxCounts } from "@/lib/evaluation/queries";
import { listRectifications } from "@/lib/evaluation/rectification";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const seOf = async (title: string) =>
  (await database.db.select({ se: selfEvaluations }).from(selfEvaluations).innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId)).where(eq(objectives.title, title)))[0].se;
const task = async (id: number) => (await database.db.select().from(rectificationTasks).where(eq(rectificationTasks.id, id)))[0];

describe("rectification tasks", () => {
  it("finance sets one with a deadline; the unit reports with evidence; finance closes it; overdue ones are flagged", async () => {
    const health = await seOf("重点传染病防控项目");
    await signInAs(database, "reviewer");
    // Only after acceptance: the trunk road is still being filled.
    const road = await seOf("普通国省道改造");
    expect(await createRectificationAction({ selfEvaluationId: road.id, requirement: "补充验收资料", deadline: "2027-06-30" })).toMatchObject({ ok: false, code: "invalid_input" });
    const created = await createRectificationAction({ selfEvaluationId: health.id, requirement: "加快基层筛查点建设，完善输入性病例监测", deadline: "2027-06-30" });
    const id = (created as { data: { id: number } }).data.id;
    expect(await task(id)).toMatchObject({ state: "open", deadline: "2027-06-30" });

    // Another unit's filer does not see or reach it; the owning unit's filer does.
    await signInAs(database, "filer");
    expect(await listRectifications(database.db, (await getActor())!)).toHaveLength(0);
    expect(await submitRectificationAction({ taskId: id, version: 1, evidence: "已建成筛查点12个" })).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(database, "filer2");
    const mine = await listRectifications(database.db, (await getActor())!, "2027-07-01");
    expect(mine).toEqual([expect.objectContaining({ overdue: true })]);
    expect((await listRectifications(database.db, (await getActor())!, "2027-06-30"))[0].overdue).toBe(false);
    // The inbox: 免疫规划项目 (approved for 2027) awaits its self-evaluation; one rectification is open, overdue after its deadline.
    expect(await evaluationInboxCounts(database.db, (await getActor())!, "2027-07-01")).toEqual({
      awaiting: 1,
      returned: 0,
      deptReview: null,
      financeReview: null,
      rectifications: 1,
      overdueRectifications: 1,
    });
    const noEvidence = await submitRectificationAction({ taskId: id, version: 1 });
    expect(!noEvidence.ok && noEvidence.fieldErrors?.evidence?.[0]).toContain("佐证");
    expect(await submitRectificationAction({ taskId: id, version: 1, evidence: "已新建基层筛查点12个，见验收报告" })).toMatchObject({ ok: true, data: { state: "submitted" } });

    await signInAs(database, "reviewer");
    expect(await decideRectificationAction({ taskId: id, version: 2, move: "close" })).toMatchObject({ ok: true, data: { state: "closed" } });
    expect((await listRectifications(database.db, (await getActor())!, "2027-07-01"))[0].overdue).toBe(false);
  });
});
