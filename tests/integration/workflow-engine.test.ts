import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { auditLog, orgs, projects, regions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-user";
import { ActionError } from "@/lib/errors";
import { projectWorkflow, type ProjectRef } from "@/lib/workflow/machines";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/*
 * The engine's writer on the real database (PGlite, or the server with DATABASE_URL): the
 * conditional update on state and version, and the audit row in the caller's transaction.
 * Driven through the project pool's machine, fired by a provincial finance reviewer.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let reviewer: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  await signInAs(database, "reviewer");
  reviewer = (await getActor())!;
});
afterAll(() => database.drop());

/** A project of the reviewer's region not yet withdrawn, as the loaders hand it to the engine. */
async function someProject(skip: number[] = []): Promise<ProjectRef> {
  const rows = await database.db
    .select({ p: projects, orgPath: orgs.path, regionPath: regions.path })
    .from(projects)
    .innerJoin(orgs, eq(orgs.id, projects.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(and(ne(projects.state, "withdrawn"), eq(regions.path, reviewer.regionPath)))
    .orderBy(projects.id);
  const row = rows.find((r) => !skip.includes(r.p.id))!;
  return { id: row.p.id, state: row.p.state, version: row.p.version, orgPath: row.orgPath, regionPath: row.regionPath };
}
const stored = async (id: number) => (await database.db.select().from(projects).where(eq(projects.id, id)))[0];
const auditsOf = async (id: number) =>
  database.db.select().from(auditLog).where(and(eq(auditLog.objectType, "project"), eq(auditLog.objectId, String(id)), eq(auditLog.action, "project.withdraw")));
async function refusal(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    return { code: e.code, fieldErrors: e.fieldErrors };
  }
}

describe("defineWorkflow's fire", () => {
  it("moves the state, bumps the version and writes its audit row", async () => {
    const ref = await someProject();
    const result = await database.db.transaction((tx) => projectWorkflow.fire(tx, reviewer, ref, "withdraw", ref.version, { audit: { reason: "测试退出" } }));
    expect(result).toMatchObject({ to: "withdrawn", version: ref.version + 1 });
    expect(await stored(ref.id)).toMatchObject({ state: "withdrawn", version: ref.version + 1 });
    const [audit] = await auditsOf(ref.id);
    expect(audit).toMatchObject({
      actorUserId: reviewer.userId,
      before: { state: ref.state, version: ref.version },
      after: { state: "withdrawn", version: ref.version + 1, reason: "测试退出" },
    });
  });

  it("a stale version is a conflict and writes nothing", async () => {
    const ref = await someProject();
    expect(await refusal(database.db.transaction((tx) => projectWorkflow.fire(tx, reviewer, ref, "withdraw", ref.version - 1)))).toMatchObject({ code: "conflict" });
    expect(await stored(ref.id)).toMatchObject({ state: ref.state, version: ref.version });
    expect(await auditsOf(ref.id)).toHaveLength(0);
  });

  it("of two people firing from the same version, the second is told of the conflict (the update is conditional)", async () => {
    const ref = await someProject();
    await database.db.transaction((tx) => projectWorkflow.fire(tx, reviewer, ref, "withdraw", ref.version));
    // The second still holds the page it loaded before: same state, same version.
    expect(await refusal(database.db.transaction((tx) => projectWorkflow.fire(tx, reviewer, ref, "withdraw", ref.version)))).toMatchObject({ code: "conflict" });
    expect(await auditsOf(ref.id)).toHaveLength(1);
    expect((await stored(ref.id)).version).toBe(ref.version + 1);
  });

  it("runs in the caller's transaction: when the caller fails afterwards, state and audit row roll back together", async () => {
    const ref = await someProject();
    const failed = await refusal(
      database.db.transaction(async (tx) => {
        await projectWorkflow.fire(tx, reviewer, ref, "withdraw", ref.version);
        throw new ActionError("invalid_input", { _form: "later step failed" });
      }),
    );
    expect(failed).toMatchObject({ code: "invalid_input" });
    expect(await stored(ref.id)).toMatchObject({ state: ref.state, version: ref.version });
    expect(await auditsOf(ref.id)).toHaveLength(0);
  });

  it("refuses an actor out of role, and a transition the table does not have, writing nothing", async () => {
    const ref = await someProject();
    await signInAs(database, "filer");
    const filer = (await getActor())!;
    expect(await refusal(database.db.transaction((tx) => projectWorkflow.fire(tx, filer, ref, "withdraw", ref.version)))).toMatchObject({ code: "forbidden" });
    const executing = { ...ref, state: "completed" as const };
    expect(await refusal(database.db.transaction((tx) => projectWorkflow.fire(tx, reviewer, executing, "withdraw", ref.version)))).toEqual({
      code: "forbidden",
      fieldErrors: { _form: "workflow.notNow" },
    });
    expect(await stored(ref.id)).toMatchObject({ state: ref.state, version: ref.version });
    expect(await auditsOf(ref.id)).toHaveLength(0);
  });

  it("a failing precondition is the user's message (无目标不入库)", async () => {
    const ref = { ...(await someProject()), state: "reserve" as const };
    const facts = { hasApprovedObjective: false, appraisalRequired: false, appraisal: null };
    expect(await refusal(database.db.transaction((tx) => projectWorkflow.fire(tx, reviewer, ref, "admit", ref.version, { facts })))).toEqual({
      code: "invalid_input",
      fieldErrors: { _form: "workflow.guard.objectiveApproved" },
    });
  });
});
