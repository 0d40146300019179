import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import { auditLog, objectiveIndicators, objectives, objectiveVersions } from "@/db/schema";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import type { ActionResult } from "@/lib/actions/result";
import { createTestDatabase } from "../helpers/db";
import { addColleague } from "../helpers/people";
import { asSession, signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad } from "../helpers/trunk-road";

/**
 * Issue 17, finding 12: a wizard save and a submission of the same declaration by two people at
 * the same moment (two issuances of a transfer payment: tests/integration/transfer-issue.test.ts). On the PostgreSQL server the
 * interleavings are forced: a third connection holds the objective's row lock while both calls
 * queue behind it in a chosen order. PGlite is one connection, on which nothing can wait on a row
 * lock, so there only the unforced races run (the same invariants).
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let filer: string; // 刘芳, the unit's filer
let colleague: string; // a second filer of the same unit
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  await addColleague(database, "filer", "filer.b", ["unit_filer"]);
  colleague = await signInAs(database, "filer.b");
  filer = await signInAs(database, "filer");
});
afterAll(() => database.drop());

const onServer = !!process.env.DATABASE_URL;
const objective = async (id: number) => (await database.db.select().from(objectives).where(eq(objectives.id, id)))[0];
const versionOf = async (id: number) => (await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.objectiveId, id)))[0];
const indicatorCount = async (versionId: number) =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(objectiveIndicators).where(eq(objectiveIndicators.versionId, versionId)))[0].n;

/** A declaration ready to submit, by the filer; its fiscal year is unique per call. */
let round = 0;
async function ready() {
  await signInAs(database, "filer");
  const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2019 + (round++ % 3) });
  return { objectiveId, editVersion, version: (await objective(objectiveId)).version };
}

/** Step 1 with another name: visible in the content if it landed. */
const renamed = (objectiveId: number, editVersion: number) =>
  saveDeclarationStep({
    step: 1,
    objectiveId,
    editVersion,
    data: { name: "改过的名称", category: "special_fund", startYear: 2019, endYear: 2021, contactName: "刘芳", contactPhone: null, policyBasis: null, servesPublic: false },
  });
/** Step 3 emptied of indicators: a submission of this content would break the completeness rules. */
const emptied = (objectiveId: number, editVersion: number) =>
  saveDeclarationStep({ step: 3, objectiveId, editVersion, data: { plan: [], overallGoal: "目标", annualGoal: "目标", indicators: [] } });

/**
 * A third connection holding an objective's row lock while `race` runs: calls started meanwhile
 * queue behind it, in the order they reach it; `queued(n)` waits until n of them do, `release()`
 * lets them go (and is done anyway at the end, so a failed test never leaves them hanging).
 */
async function withRowHeld<T>(objectiveId: number, race: (row: { queued(n: number): Promise<void>; release(): Promise<void> }) => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: database.url });
  const watcher = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await watcher.connect();
  let held = true;
  const release = async () => {
    if (held) await holder.query("commit");
    held = false;
  };
  try {
    await holder.query("begin");
    await holder.query("select id from objectives where id = $1 for update", [objectiveId]);
    return await race({
      async queued(n) {
        for (let i = 0; i < 1000; i++) {
          // The first waits for the holder, the next for the first: every one waits on a lock.
          const { rows } = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
          if (rows[0].n >= n) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`expected ${n} transactions waiting for the row`);
      },
      release,
    });
  } finally {
    await release().catch(() => {});
    await holder.end();
    await watcher.end();
  }
}

/** Audit rows of an objective in the order they were written. */
const trail = async (objectiveId: number) =>
  (await database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.objectType, "objective"), eq(auditLog.objectId, String(objectiveId)))).orderBy(asc(auditLog.id))).map(
    (r) => r.action,
  );

/** No save after the submission, in the audit log, and the submitted content is complete. */
async function neverSavedAfterSubmission(objectiveId: number) {
  const actions = await trail(objectiveId);
  const submittedAt = actions.indexOf("objective.submit");
  if (submittedAt >= 0) expect(actions.slice(submittedAt + 1)).not.toContain("objective.saveStep");
  const o = await objective(objectiveId);
  if (o.state !== "draft") expect(await indicatorCount(o.currentVersionId!)).toBeGreaterThan(0);
}

describe("a wizard save and a submission of the same declaration", () => {
  it("one after the other, submission first: the save is refused and the submitted version keeps its content", async () => {
    const d = await ready();
    expect(await asSession(colleague, () => submitObjective({ objectiveId: d.objectiveId, version: d.version }))).toMatchObject({ ok: true, data: { state: "dept_review" } });
    const late = await asSession(filer, () => renamed(d.objectiveId, d.editVersion));
    expect(late).toMatchObject({ ok: false });
    expect(!late.ok && late.fieldErrors?._form?.[0]).toContain("不能修改");
    expect(((await versionOf(d.objectiveId)).basic as { name: string }).name).not.toBe("改过的名称");
    await neverSavedAfterSubmission(d.objectiveId);
  });

  it("one after the other, save first: the submission checks the saved content", async () => {
    const d = await ready();
    expect((await asSession(filer, () => emptied(d.objectiveId, d.editVersion))).ok).toBe(true);
    const refused = await asSession(colleague, () => submitObjective({ objectiveId: d.objectiveId, version: d.version }));
    expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await objective(d.objectiveId)).state).toBe("draft");
  });

  it.runIf(onServer)("submission first, the save already past its first check: the save waits, then is told the declaration is no longer editable", async () => {
    const d = await ready();
    const [submitted, saved] = await withRowHeld(d.objectiveId, async (row) => {
      const submitting = asSession(colleague, () => submitObjective({ objectiveId: d.objectiveId, version: d.version }));
      await row.queued(1);
      // The save reads the objective as a draft (the submission has not committed) and queues behind it.
      const saving = asSession(filer, () => renamed(d.objectiveId, d.editVersion));
      await row.queued(2);
      await row.release();
      return Promise.all([submitting, saving]);
    });
    expect(submitted).toMatchObject({ ok: true, data: { state: "dept_review" } });
    expect(saved).toMatchObject({ ok: false, code: "conflict" });
    expect(!saved.ok && saved.fieldErrors?._form?.[0]).toContain("该申报已提交或已批复");
    const v = await versionOf(d.objectiveId);
    expect((v.basic as { name: string }).name).not.toBe("改过的名称");
    expect(v.editVersion).toBe(d.editVersion);
    expect((await objective(d.objectiveId)).title).not.toBe("改过的名称");
    await neverSavedAfterSubmission(d.objectiveId);
  });

  it.runIf(onServer)("save first, the submission already past its completeness check: the submission gets a conflict, not the unchecked content", async () => {
    const d = await ready();
    const [saved, submitted] = await withRowHeld(d.objectiveId, async (row) => {
      const saving = asSession(filer, () => emptied(d.objectiveId, d.editVersion));
      await row.queued(1);
      // The submission checked the complete content; the save that empties it commits first.
      const submitting = asSession(colleague, () => submitObjective({ objectiveId: d.objectiveId, version: d.version }));
      await row.queued(2);
      await row.release();
      return Promise.all([saving, submitting]);
    });
    expect(saved.ok).toBe(true);
    expect(submitted).toMatchObject({ ok: false, code: "conflict" });
    const o = await objective(d.objectiveId);
    expect(o.state).toBe("draft");
    expect(await indicatorCount(o.currentVersionId!)).toBe(0);
    await neverSavedAfterSubmission(d.objectiveId);
  });

  it("truly at once, in both orders: exactly one lands, the other is told why, and a save never lands on a submitted version", async () => {
    const rounds = onServer ? 6 : 2;
    for (let i = 0; i < rounds; i++) {
      const d = await ready();
      const save = () => asSession(filer, () => emptied(d.objectiveId, d.editVersion));
      const submit = () => asSession(colleague, () => submitObjective({ objectiveId: d.objectiveId, version: d.version }));
      const [saved, submitted] = (i % 2 ? await Promise.all([save(), submit()]) : (await Promise.all([submit(), save()])).reverse()) as ActionResult[];
      expect([saved.ok, submitted.ok].filter(Boolean)).toHaveLength(1);
      const loser = saved.ok ? submitted : saved;
      expect(["conflict", "forbidden", "invalid_input"]).toContain((loser as { code: string }).code);
      await neverSavedAfterSubmission(d.objectiveId);
      expect((await objective(d.objectiveId)).state).toBe(saved.ok ? "draft" : "dept_review");
    }
  });
});
