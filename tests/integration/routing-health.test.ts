import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectives, objectiveVersions, users } from "@/db/schema";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { getActor } from "@/lib/auth/current-user";
import { listOrgsLackingReviewer } from "@/lib/objective/routing";
import { createTestDatabase } from "../helpers/db";
import { auditCount, signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const setActive = (username: string, active: boolean) => database.db.update(users).set({ active }).where(eq(users.username, username));
async function lacking() {
  await signInAs(database, "admin");
  return listOrgsLackingReviewer(database.db, (await getActor())!);
}

describe("routing health: no declaration goes into a queue nobody owns", () => {
  it("the demo data has a reviewer for every department whose units declare; the admin sees the ones without", async () => {
    const list = await lacking();
    const names = list.map((o) => o.name);
    expect(names).not.toContain("广东省交通运输厅");
    expect(names).not.toContain("广东省卫生健康委员会");
    expect(list).toContainEqual(expect.objectContaining({ name: "广东省教育厅", role: "dept_reviewer" }));
    // Every region is reached by the provincial finance reviewers.
    expect(list.filter((o) => o.role === "finance_reviewer")).toEqual([]);
  });

  it("a unit's declaration is refused, naming the department to ask, while it has no active reviewer; nothing is written", async () => {
    await signInAs(database, "filer");
    const { objectiveId } = await declareTrunkRoad(database);
    await setActive("dept", false);
    try {
      expect((await lacking())).toContainEqual(expect.objectContaining({ name: "广东省交通运输厅", role: "dept_reviewer" }));

      await signInAs(database, "filer");
      const [before] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
      const audits = await auditCount(database);
      const refused = await submitObjective({ objectiveId, version: before.version });
      expect(refused.ok).toBe(false);
      const message = !refused.ok ? refused.fieldErrors?._form?.[0] : undefined;
      expect(message).toContain("广东省交通运输厅");
      expect(message).toContain("请联系广东省交通运输厅管理员设置审核人");
      const [after] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
      expect(after).toMatchObject({ state: "draft", version: before.version });
      const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.id, after.currentVersionId!));
      expect(v.submittedAt).toBeNull();
      expect(await auditCount(database)).toBe(audits);
    } finally {
      await setActive("dept", true);
    }

    // With the reviewer back, the same submission goes through and the admin's list clears.
    await signInAs(database, "filer");
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    expect(await submitObjective({ objectiveId, version: o.version })).toMatchObject({ ok: true, data: { state: "dept_review" } });
    expect((await lacking()).map((x) => x.name)).not.toContain("广东省交通运输厅");
  });

  it("a finance region no active finance reviewer reaches is listed", async () => {
    await Promise.all(["admin", "reviewer", "gz.reviewer"].map((u) => setActive(u, false)));
    try {
      await signInAs(database, "observer");
      const list = await listOrgsLackingReviewer(database.db, (await getActor())!);
      expect(list).toContainEqual(expect.objectContaining({ name: "广东省财政厅", role: "finance_reviewer" }));
      expect(list).toContainEqual(expect.objectContaining({ name: "仁化县财政局", role: "finance_reviewer" }));
    } finally {
      await Promise.all(["admin", "reviewer", "gz.reviewer"].map((u) => setActive(u, true)));
    }
  });
});
