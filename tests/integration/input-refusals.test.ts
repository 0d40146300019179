import { sql } from "drizzle-orm";
import { z } from "zod";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { createUser } from "@/lib/actions/admin/create-user";
import { defineAction } from "@/lib/actions/define";
import { createRectificationAction } from "@/lib/actions/evaluation/create-rectification";
import { disposeWarning } from "@/lib/actions/monitoring/dispose-warning";
import { openMonitoringPeriod } from "@/lib/actions/monitoring/open-period";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { describeError } from "@/lib/db-errors";
import { createTestDatabase } from "../helpers/db";
import { orgByCode } from "../helpers/orgs";
import { auditCount, signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad, trunkRoadIndicators } from "../helpers/trunk-road";

/** Issue 17, findings 4 and 6: input the database would refuse gets a message on its field; a database error is logged without its parameters. */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());
afterEach(() => vi.restoreAllMocks());

function captureLog() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(" "));
  vi.spyOn(console, "error").mockImplementation(keep);
  vi.spyOn(console, "warn").mockImplementation(keep);
  return lines;
}

const userCount = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users`))[0].n;

describe("text the database cannot store", () => {
  it.each([
    ["a NUL byte", "赵\u0000磊"],
    ["a lone high surrogate", "赵\uD800磊"],
    ["a lone low surrogate", "\uDC00赵磊"],
  ])("a display name with %s is refused on the field, nothing written, nothing logged", async (_, displayName) => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const log = captureLog();
    const [users, audit] = [await userCount(), await auditCount(database)];
    const res = await createUser({ username: "nul.user", displayName, orgId: unit.id, roles: ["unit_filer"], password: "Start2026x-Long-Enough", phone: "" });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    if (res.ok) return;
    expect(res.fieldErrors?.displayName?.join(" ")).toContain("无法保存的字符");
    expect(Object.keys(res.fieldErrors ?? {})).not.toContain("_form");
    expect([await userCount(), await auditCount(database)]).toEqual([users, audit]);
    expect(log).toEqual([]);
  });
});

describe("dates that match the pattern but do not exist", () => {
  it.each(["2027-02-30", "2027-02-29", "2027-13-01", "2027-04-31", "1899-12-31", "9999-12-31"])("a monitoring deadline of %s is refused on the field", async (deadline) => {
    await signInAs(database, "admin");
    const log = captureLog();
    const res = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 6, deadline });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!res.ok && res.fieldErrors?.deadline?.join(" ")).toContain("没有这一天");
    expect(log).toEqual([]);
  });

  it("a leap day that exists passes the date check (2028-02-29)", async () => {
    await signInAs(database, "admin");
    const res = await openMonitoringPeriod({ fiscalYear: 2027, throughMonth: 6, deadline: "2028-02-29" });
    expect(!res.ok && res.fieldErrors?.deadline).toBeFalsy();
  });

  it("a rectification deadline of 2027-02-30 is refused on the field", async () => {
    await signInAs(database, "admin");
    const res = await createRectificationAction({ selfEvaluationId: 1, requirement: "补充验收资料", deadline: "2027-02-30" });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!res.ok && res.fieldErrors?.deadline?.join(" ")).toContain("没有这一天");
  });

  it("a warning's rectification deadline of 2027-02-30 is refused on the field", async () => {
    await signInAs(database, "admin");
    const res = await disposeWarning({ warningId: 1, version: 1, kind: "rectify", comment: "限期整改", rectifyDeadline: "2027-02-30" });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!res.ok && res.fieldErrors?.rectifyDeadline?.join(" ")).toContain("没有这一天");
  });
});

describe("a reference to a row that does not exist", () => {
  it("a wizard indicator row naming an indicator the bank does not have gets a message on that row, and nothing is saved", async () => {
    await signInAs(database, "filer");
    const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2021 });
    const rows = await trunkRoadIndicators(database);
    const log = captureLog();
    const audit = await auditCount(database);
    const res = await saveDeclarationStep({
      step: 3,
      objectiveId,
      editVersion,
      data: { plan: [{ start: "2019", end: "2021", content: "建设" }], overallGoal: "目标", annualGoal: "目标", indicators: rows.map((r, i) => (i === 1 ? { ...r, indicatorId: 2_000_000_000 } : r)) },
    });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!res.ok && res.fieldErrors?.["data.indicators.1.indicatorId"]?.join(" ")).toContain("指标库中没有这个指标");
    expect(await auditCount(database)).toBe(audit);
    expect(log).toEqual([]);
  });
});

describe("database errors in the server log", () => {
  const SECRET = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$SECRET-HASH-VALUE";

  it("describeError keeps the code, the message and the query, never a parameter", async () => {
    const e = await database.db.execute(sql`select ${`${SECRET}\u0000`}::text as x`).catch((err: unknown) => err);
    const line = describeError(e);
    expect(line).toMatch(/database error (22021|22P05)/);
    expect(line).toContain("select");
    expect(line).not.toContain("SECRET-HASH-VALUE");
  });

  it("an action whose insert the database refuses answers invalid_input, and its one log line carries no parameter", async () => {
    await signInAs(database, "admin");
    const probe = defineAction({
      name: "test.leakProbe",
      permission: "user.manage",
      input: z.strictObject({}),
      run: ({ db }) => db.execute(sql`insert into users (username, display_name, org_id, password_hash) values ('probe', ${"名\u0000"}, 1, ${SECRET})`),
    });
    const log = captureLog();
    const res = await probe({});
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/\[action test\.leakProbe\] database refused input [0-9a-f]{8}: database error/);
    expect(log[0]).not.toContain("SECRET-HASH-VALUE");
    expect(log[0].length).toBeLessThan(1000);
  });

  it("an unexpected database error is internal, logged as one line without its parameters", async () => {
    await signInAs(database, "admin");
    const probe = defineAction({
      name: "test.internalProbe",
      permission: "user.manage",
      input: z.strictObject({}),
      run: ({ db }) => db.execute(sql`select * from no_such_table where secret = ${SECRET}`),
    });
    const log = captureLog();
    const res = await probe({});
    expect(res).toMatchObject({ ok: false, code: "internal" });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/\[action test\.internalProbe\] error [0-9a-f]{8}: database error 42P01/);
    expect(log[0]).not.toContain("SECRET-HASH-VALUE");
  });
});
