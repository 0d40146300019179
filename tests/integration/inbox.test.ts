import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSession } from "@/lib/auth/session";
import { inboxCounts } from "@/lib/objective/queries";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

async function inboxOf(username: string, now: Date) {
  const check = await checkSession(database.db, await signInAs(database, username));
  if (!check.ok) throw new Error("session");
  return inboxCounts(database.db, check.actor, 8, now);
}

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe("the task inbox (demo data, fiscal year 2027: declarations until 2026-11-30, review until 2026-12-31)", () => {
  it("shows a unit filer its own drafts, not another unit's returns", async () => {
    const inbox = await inboxOf("filer", new Date());
    expect(titles(inbox.drafts.items)).toEqual(["农村公路安全生命防护工程"]);
    expect(inbox.drafts.items[0]).toMatchObject({ due: "2026-11-30" });
    expect(inbox.returned.total).toBe(0);
    expect(inbox.toReview.total).toBe(0);
  });

  it("shows the other unit its returned declaration with who returned it and why", async () => {
    const inbox = await inboxOf("filer2", new Date());
    expect(titles(inbox.returned.items)).toEqual(["传染病监测预警项目"]);
    expect(inbox.returned.items[0]).toMatchObject({ returnStage: "finance", returnReasons: expect.stringContaining("缺少效益指标") });
  });

  it("shows reviewers their queues, and marks items overdue after the deadline", async () => {
    const dept = await inboxOf("dept", new Date("2026-11-22T10:00:00+08:00"));
    expect(titles(dept.toReview.department!.items)).toEqual(["普通国省道路面养护专项"]);
    expect(dept.toReview.department!.items[0].overdue).toBe(false);
    const finance = await inboxOf("reviewer", new Date("2027-01-05T10:00:00+08:00"));
    expect(titles(finance.toReview.finance!.items)).toEqual(["交通运输综合执法能力建设"]);
    expect(finance.toReview.finance!.items[0]).toMatchObject({ due: "2026-12-31", overdue: true });
    expect(finance.toReview.department).toBeNull();
    // A city reviewer's queue holds nothing of the province.
    const city = await inboxOf("gz.reviewer", new Date());
    expect(city.toReview.total).toBe(0);
  });
});
