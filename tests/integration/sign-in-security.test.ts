import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, sql } from "drizzle-orm";
import { auditLog, authSessions, loginThrottle, orgs, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { queryRows } from "@/db/client";
import { changePassword } from "@/lib/actions/account/change-password";
import { createUser } from "@/lib/actions/admin/create-user";
import { resetPassword } from "@/lib/actions/admin/reset-password";
import { updateOrgProfile } from "@/lib/actions/admin/update-org-profile";
import { authenticate } from "@/lib/auth/authenticate";
import { getActor, requireActor } from "@/lib/auth/current-user";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { revokeSession } from "@/lib/auth/session";
import { createTestDatabase } from "../helpers/db";
import { orgByCode, userByName } from "../helpers/orgs";
import { auditCount, signInAs, signInFirstTime, useTestDatabase } from "../helpers/session";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const POLICY_MESSAGE = "密码至少 12 个字符，可使用任意字符（含空格和中文），不能是常见密码，也不能包含用户名";
const COMMON_MESSAGE = "这是常见或已泄露的密码，请换一个";
const HAS_NAME_MESSAGE = "密码不能包含用户名";
const MUST_CHANGE_MESSAGE = "管理员设置的初始密码须先修改：请在“个人设置”中修改密码后再继续。";

async function lastAuditId(): Promise<number> {
  const [r] = await queryRows<{ id: number | null }>(database.db, sql`select max(id)::int as id from audit_log`);
  return Number(r.id ?? 0);
}

async function auditSince(id: number, objectId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, id), eq(auditLog.objectId, objectId)))
    .orderBy(auditLog.id);
}

async function openSessions(username: string, since: Date) {
  const user = await userByName(database, username);
  return database.db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, user.id), gt(authSessions.createdAt, since)));
}

describe("a brute-force race on one account (issue 17, finding 1)", () => {
  it("40 parallel attempts, 39 wrong and the right one last: the right one is refused once locked, the lock is set once, no session opens", async () => {
    const since = new Date(Date.now() - 1000);
    const from = await lastAuditId();
    const ip = "203.0.113.40";
    // Issued in this order: every attempt reads "not locked" before any password check ends,
    // which is how the attack got the right password through.
    const attempts = [
      ...Array.from({ length: 39 }, () => authenticate(database.db, { username: "reviewer", password: "wrong-password-1", ip })),
      authenticate(database.db, { username: "reviewer", password: DEMO_PASSWORD, ip }),
    ];
    const results = await Promise.all(attempts);
    expect(results.at(-1)).toEqual({ ok: false, code: "locked" });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(await openSessions("reviewer", since)).toHaveLength(0);

    const rows = await auditSince(from, "reviewer");
    expect(rows.filter((r) => r.action === "auth.signin")).toHaveLength(0);
    const failed = rows.filter((r) => r.action === "auth.signin.failed").map((r) => r.after as { failedCount: number; locked: boolean; lockedUntil: string | null });
    const refused = rows.filter((r) => r.action === "auth.signin.locked");
    // Every attempt has its row; every counted failure has its own count, none lost or reset.
    expect(failed.length + refused.length).toBe(40);
    expect(failed.map((f) => f.failedCount).sort((a, b) => a - b)).toEqual(Array.from({ length: failed.length }, (_, i) => i + 1));
    expect(failed.length).toBeGreaterThanOrEqual(AUTH_POLICY.maxFailures);
    // Locked from the threshold on, and by one lock: set once, never cleared and set again.
    for (const f of failed) expect(f.locked).toBe(f.failedCount >= AUTH_POLICY.maxFailures);
    expect(new Set(failed.map((f) => f.lockedUntil).filter(Boolean)).size).toBe(1);
    const [pair] = await database.db
      .select()
      .from(loginThrottle)
      .where(and(eq(loginThrottle.username, "reviewer"), eq(loginThrottle.source, ip)));
    expect(pair.failedCount).toBe(failed.length);
    expect(pair.lockedUntil?.toISOString()).toBe(failed.find((f) => f.lockedUntil)?.lockedUntil);
  });

  it("a pair already at the threshold minus one: the parallel burst still cannot sign in", async () => {
    const since = new Date(Date.now() - 1000);
    const ip = "203.0.113.41";
    for (let i = 0; i < AUTH_POLICY.maxFailures - 1; i++) {
      expect(await authenticate(database.db, { username: "dept", password: "wrong-password-1", ip })).toEqual({ ok: false, code: "invalid" });
    }
    const results = await Promise.all([
      ...Array.from({ length: 39 }, () => authenticate(database.db, { username: "dept", password: "wrong-password-1", ip })),
      authenticate(database.db, { username: "dept", password: DEMO_PASSWORD, ip }),
    ]);
    expect(results.at(-1)).toEqual({ ok: false, code: "locked" });
    expect(await openSessions("dept", since)).toHaveLength(0);
  });
});

describe("throttling by user name and client address (finding 2)", () => {
  it("an attacker's failures at one address do not lock the user out at theirs", async () => {
    const attacker = "198.51.100.66";
    const user = "192.0.2.10";
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await authenticate(database.db, { username: "filer", password: "guess-guess-" + i, ip: attacker });
      codes.push(r.ok ? "ok" : r.code);
    }
    expect(codes).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked", "locked", "locked"]);
    // Even the right password does not get through the attacker's lock…
    expect(await authenticate(database.db, { username: "filer", password: DEMO_PASSWORD, ip: attacker })).toEqual({ ok: false, code: "locked" });
    // …but the user at their own address signs in, after a typo too.
    expect(await authenticate(database.db, { username: "filer", password: "a-typo-of-mine", ip: user })).toEqual({ ok: false, code: "invalid" });
    expect((await authenticate(database.db, { username: "filer", password: DEMO_PASSWORD, ip: user })).ok).toBe(true);
  });

  it("locks grow: 1 minute at the threshold, then doubling with each failure after a lock ends, up to the cap", async () => {
    const ip = "198.51.100.67";
    const t0 = new Date();
    const lockOf = async (at: Date) => {
      const from = await lastAuditId();
      const r = await authenticate(database.db, { username: "observer", password: "wrong-password-1", ip }, at);
      const [row] = await auditSince(from, "observer");
      const until = (row.after as { lockedUntil: string | null }).lockedUntil;
      return { code: r.ok ? "ok" : r.code, minutes: until ? (new Date(until).getTime() - at.getTime()) / 60_000 : 0 };
    };
    for (let i = 1; i < AUTH_POLICY.maxFailures; i++) expect(await lockOf(t0)).toEqual({ code: "invalid", minutes: 0 });
    let at = t0;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await lockOf(at);
      expect(r.code).toBe("locked");
      seen.push(r.minutes);
      at = new Date(at.getTime() + r.minutes * 60_000 + 1000);
    }
    expect(seen).toEqual([1, 2, 4, 8, AUTH_POLICY.lockMinutes, AUTH_POLICY.lockMinutes]);
    // While locked the pair's answer is "locked" without the password being checked.
    expect(await authenticate(database.db, { username: "observer", password: DEMO_PASSWORD, ip }, new Date(at.getTime() - 2000))).toEqual({ ok: false, code: "locked" });
  });

  it("a name attacked from many addresses: each new address gets one try, but a clean address still signs in", async () => {
    for (let i = 0; i < AUTH_POLICY.nameBudget; i++) {
      expect(await authenticate(database.db, { username: "evaluator", password: "spray-password-1", ip: `203.0.113.${100 + i}` })).toEqual({ ok: false, code: "invalid" });
    }
    // The budget is spent: one failure from a new address locks that address at once.
    expect(await authenticate(database.db, { username: "evaluator", password: "spray-password-1", ip: "203.0.113.200" })).toEqual({ ok: false, code: "locked" });
    // The right password from an address that has not failed is never refused.
    expect((await authenticate(database.db, { username: "evaluator", password: DEMO_PASSWORD, ip: "192.0.2.77" })).ok).toBe(true);
  });

  it("answers an unknown name exactly as a known one, and counts it the same way", async () => {
    const ip = "198.51.100.68";
    const run = async (username: string) => {
      const codes: string[] = [];
      for (let i = 0; i < AUTH_POLICY.maxFailures + 1; i++) {
        const r = await authenticate(database.db, { username, password: "wrong-password-1", ip });
        codes.push(r.ok ? "ok" : r.code);
      }
      const [pair] = await database.db.select().from(loginThrottle).where(and(eq(loginThrottle.username, username), eq(loginThrottle.source, ip)));
      return { codes, counted: pair.failedCount, locked: (pair.lockedUntil?.getTime() ?? 0) > Date.now() };
    };
    expect(await run("no-such-person")).toEqual(await run("admin"));
  });
});

describe("the password policy (finding 7), through the real actions", () => {
  const weak = ["password1", "qwerty123", "12345678a"];

  it("create-user refuses short, common and name-bearing passwords on the password field, and accepts a good one", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const users0 = await auditCount(database, "user.create");
    const create = (username: string, password: string) =>
      createUser({ username, displayName: "测试", orgId: unit.id, roles: ["unit_filer"], password });
    for (const pw of weak) {
      const r = await create("policy.a", pw);
      expect(r).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!r.ok && r.fieldErrors?.password, pw).toContain(POLICY_MESSAGE);
      expect(!r.ok && r.fieldErrors?.password, pw).toContain(COMMON_MESSAGE);
    }
    for (const pw of ["qwerty123456", "1qaz2wsx3edc", "Password1234"]) {
      const r = await create("policy.a", pw);
      expect(!r.ok && r.fieldErrors?.password, pw).toEqual([COMMON_MESSAGE]);
    }
    const named = await create("li.ming", "Li.Ming-spring-2026");
    expect(!named.ok && named.fieldErrors?.password).toEqual([HAS_NAME_MESSAGE]);
    const long = await create("policy.a", "x".repeat(129));
    expect(!long.ok && long.fieldErrors?.password).toEqual(["密码不能超过 128 个字符"]);
    expect(await auditCount(database, "user.create")).toBe(users0);
    // Any characters count, spaces and Chinese included; 12 of them is enough.
    expect((await create("policy.b", "晴川历历汉阳树 2026")).ok).toBe(true);
    expect((await authenticate(database.db, { username: "policy.b", password: "晴川历历汉阳树 2026" })).ok).toBe(true);
  });

  it("reset-password and change-password apply the same policy", async () => {
    await signInAs(database, "admin");
    const target = await userByName(database, "filer2");
    for (const pw of [...weak, "qwerty123456", "filer2-is-my-name"]) {
      const r = await resetPassword({ userId: target.id, password: pw, version: target.version });
      expect(r, pw).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!r.ok && r.fieldErrors?.password?.length, pw).toBeGreaterThan(0);
    }
    expect((await userByName(database, "filer2")).version).toBe(target.version);

    await signInAs(database, "dept");
    for (const pw of [...weak, "qwerty123456", "my-dept-password"]) {
      const r = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: pw, confirmPassword: pw });
      expect(r, pw).toMatchObject({ ok: false, code: "invalid_input" });
      expect(!r.ok && r.fieldErrors?.newPassword?.length, pw).toBeGreaterThan(0);
    }
    const named = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "DEPT-of-transport", confirmPassword: "DEPT-of-transport" });
    expect(!named.ok && named.fieldErrors?.newPassword).toEqual([HAS_NAME_MESSAGE]);
    const same = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD });
    expect(!same.ok && same.fieldErrors?.newPassword).toEqual(["新密码不能与当前密码相同"]);
    // Nothing changed: the demo password still signs in.
    expect((await authenticate(database.db, { username: "dept", password: DEMO_PASSWORD })).ok).toBe(true);
  });
});

describe("a password an administrator chose must be changed first", () => {
  it("a new user may sign in, but every action except the change is refused with a clear message until they change it", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    expect((await createUser({ username: "ks.newcomer", displayName: "新人", orgId: unit.id, roles: ["unit_filer"], password: "Autumn-Leaf-2026" })).ok).toBe(true);

    await signInAs(database, "ks.newcomer", "Autumn-Leaf-2026");
    const before = await auditCount(database);
    const profile = () => orgByCode(database, "440000-JY-KS");
    const edit = async () => updateOrgProfile({ orgId: unit.id, contactName: "新人", contactPhone: null, version: (await profile()).version });
    expect(await edit()).toEqual({ ok: false, code: "forbidden", message: MUST_CHANGE_MESSAGE });
    expect(await auditCount(database)).toBe(before);
    // Pages send them to the change-password screen; routes see no usable user.
    await expect(requireActor("inbox.view")).rejects.toMatchObject({ digest: expect.stringContaining(";/account;") });
    await expect(requireActor("account.edit", { passwordChange: true })).resolves.toMatchObject({ username: "ks.newcomer", mustChangePassword: true });
    expect(await getActor()).toBeNull();

    const changed = await changePassword({ currentPassword: "Autumn-Leaf-2026", newPassword: "Winter-Snow-2027", confirmPassword: "Winter-Snow-2027" });
    expect(changed.ok).toBe(true);
    expect((await userByName(database, "ks.newcomer")).mustChangePassword).toBe(false);
    await signInAs(database, "ks.newcomer", "Winter-Snow-2027");
    expect((await edit()).ok).toBe(true);
    await expect(requireActor("inbox.view")).resolves.toMatchObject({ username: "ks.newcomer" });
  });

  it("so must a user whose password an administrator reset; the demo accounts are not held", async () => {
    expect((await database.db.select().from(users).where(eq(users.mustChangePassword, true))).map((u) => u.username)).not.toContain("filer");
    await signInAs(database, "admin");
    const target = await userByName(database, "filer");
    expect((await resetPassword({ userId: target.id, password: "Reset-by-admin-2026", version: target.version })).ok).toBe(true);
    await signInAs(database, "filer", "Reset-by-admin-2026");
    const [unit] = await database.db.select().from(orgs).where(eq(orgs.id, target.orgId));
    expect(await updateOrgProfile({ orgId: unit.id, contactName: "某", contactPhone: null, version: unit.version })).toMatchObject({ ok: false, message: MUST_CHANGE_MESSAGE });
    await signInFirstTime(database, "filer", "Reset-by-admin-2026");
    expect((await updateOrgProfile({ orgId: unit.id, contactName: "某", contactPhone: null, version: unit.version })).ok).toBe(true);
    expect((await userByName(database, "filer")).mustChangePassword).toBe(false);
  });
});

describe("the sign-out row (finding 10)", () => {
  it("names the user, their organisation and the client's address", async () => {
    const sid = await signInAs(database, "reviewer");
    const reviewer = await userByName(database, "reviewer");
    await revokeSession(database.db, sid, "signout", "192.0.2.44");
    const [row] = await database.db.select().from(auditLog).where(and(eq(auditLog.objectId, sid), eq(auditLog.action, "auth.signout")));
    expect(row).toMatchObject({ actorUserId: reviewer.id, actorName: "reviewer", actorOrgId: reviewer.orgId, ip: "192.0.2.44" });
  });
});
