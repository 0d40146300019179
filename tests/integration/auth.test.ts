import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, authSessions, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { authenticate } from "@/lib/auth/authenticate";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { checkSession, revokeSession } from "@/lib/auth/session";
import { createTestDatabase } from "../helpers/db";
import { actAsSession, signInAs, useTestDatabase } from "../helpers/session";
import { userByName } from "../helpers/orgs";
import { setUserActive } from "@/lib/actions/admin/set-user-active";
import { resetPassword } from "@/lib/actions/admin/reset-password";
import { changePassword } from "@/lib/actions/account/change-password";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());

const minutes = (n: number) => n * 60_000;

async function auditOf(objectId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.objectId, objectId)).orderBy(auditLog.id);
}

describe("signing in", () => {
  it("opens a session on the right password and audits it", async () => {
    const r = await authenticate(database.db, { username: "filer", password: DEMO_PASSWORD, ip: "127.0.0.9" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const check = await checkSession(database.db, r.sessionId);
    expect(check.ok && check.actor.username).toBe("filer");
    expect(check.ok && check.actor.roles).toEqual(["unit_filer"]);
    const [row] = await auditOf(r.sessionId);
    expect(row).toMatchObject({ action: "auth.signin", actorName: "filer", ip: "127.0.0.9" });
  });

  it("accepts the user name in any case", async () => {
    expect((await authenticate(database.db, { username: " Filer ", password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("refuses a wrong password and an unknown account with the same answer, and audits both", async () => {
    const wrong = await authenticate(database.db, { username: "dept", password: "nope-nope-1" });
    const unknown = await authenticate(database.db, { username: "nobody-here", password: "nope-nope-1" });
    expect(wrong).toEqual({ ok: false, code: "invalid" });
    expect(unknown).toEqual({ ok: false, code: "invalid" });
    const [w] = await auditOf("dept");
    const [u] = await auditOf("nobody-here");
    expect(w).toMatchObject({ action: "auth.signin.failed", after: { reason: "wrong_password", failedCount: 1 } });
    expect(u).toMatchObject({ action: "auth.signin.failed", actorUserId: null, after: { reason: "unknown_account", failedCount: 1 } });
  });

  it("locks a user name after repeated failures, existing or not, even against the right password", async () => {
    for (const name of ["observer", "ghost-account"]) {
      const codes: string[] = [];
      for (let i = 0; i < AUTH_POLICY.maxFailures; i++) {
        codes.push((await authenticate(database.db, { username: name, password: "wrong-password-1" })).ok ? "ok" : "x");
      }
      const last = await authenticate(database.db, { username: name, password: "wrong-password-1" });
      expect(last).toEqual({ ok: false, code: "locked" });
      // The right password does not get through a lock.
      const right = await authenticate(database.db, { username: name, password: DEMO_PASSWORD });
      expect(right).toEqual({ ok: false, code: "locked" });
    }
    // After the lock time the right password works again and the counter starts afresh.
    const later = new Date(Date.now() + minutes(AUTH_POLICY.lockMinutes + 1));
    expect((await authenticate(database.db, { username: "observer", password: DEMO_PASSWORD }, later)).ok).toBe(true);
    expect(await authenticate(database.db, { username: "observer", password: "wrong-password-1" }, later)).toEqual({ ok: false, code: "invalid" });
  });

  it("refuses a disabled account only after the right password", async () => {
    await database.db.update(users).set({ active: false }).where(eq(users.username, "filer2"));
    expect(await authenticate(database.db, { username: "filer2", password: "wrong-password-1" })).toEqual({ ok: false, code: "invalid" });
    expect(await authenticate(database.db, { username: "filer2", password: DEMO_PASSWORD })).toEqual({ ok: false, code: "disabled" });
    await database.db.update(users).set({ active: true }).where(eq(users.username, "filer2"));
  });
});

describe("sessions", () => {
  it("end after the idle time, and stay alive while used", async () => {
    const t0 = new Date();
    const r = await authenticate(database.db, { username: "reviewer", password: DEMO_PASSWORD }, t0);
    if (!r.ok) throw new Error("sign-in failed");
    const idle = AUTH_POLICY.idleMinutes;
    // Used just before the idle limit: still valid, and the use pushes the limit on.
    const t1 = new Date(t0.getTime() + minutes(idle - 1));
    expect((await checkSession(database.db, r.sessionId, t1)).ok).toBe(true);
    const t2 = new Date(t1.getTime() + minutes(idle - 1));
    expect((await checkSession(database.db, r.sessionId, t2)).ok).toBe(true);
    const t3 = new Date(t2.getTime() + minutes(idle));
    expect(await checkSession(database.db, r.sessionId, t3)).toEqual({ ok: false, reason: "idle" });
  });

  it("end at the absolute limit however busy", async () => {
    const t0 = new Date();
    const r = await authenticate(database.db, { username: "reviewer", password: DEMO_PASSWORD }, t0);
    if (!r.ok) throw new Error("sign-in failed");
    const step = minutes(AUTH_POLICY.idleMinutes - 1);
    let t = t0.getTime();
    const end = t0.getTime() + AUTH_POLICY.absoluteHours * 3_600_000;
    while (t + step < end) {
      t += step;
      expect((await checkSession(database.db, r.sessionId, new Date(t))).ok).toBe(true);
    }
    expect(await checkSession(database.db, r.sessionId, new Date(end))).toEqual({ ok: false, reason: "expired" });
  });

  it("end on sign-out", async () => {
    const sid = await signInAs(database, "dept");
    await revokeSession(database.db, sid, "signout");
    expect(await checkSession(database.db, sid)).toEqual({ ok: false, reason: "revoked" });
    expect((await auditOf(sid)).map((a) => a.action)).toEqual(["auth.signin", "auth.signout"]);
  });

  it("refuse a forged or unknown session id", async () => {
    expect(await checkSession(database.db, "not-a-uuid")).toEqual({ ok: false, reason: "missing" });
    expect(await checkSession(database.db, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, reason: "missing" });
  });

  it("all end at once when an admin disables the account; the old session can no longer act", async () => {
    const s1 = await signInAs(database, "filer2");
    const s2 = await signInAs(database, "filer2");
    await signInAs(database, "admin");
    const target = await userByName(database, "filer2");
    const res = await setUserActive(undefined, { userId: target.id, active: false, version: target.version });
    expect(res.ok).toBe(true);
    expect(await checkSession(database.db, s1)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkSession(database.db, s2)).toEqual({ ok: false, reason: "revoked" });
    actAsSession(s1);
    const after = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "Another-2027-xyz", confirmPassword: "Another-2027-xyz" });
    expect(after).toMatchObject({ ok: false, code: "unauthenticated" });
    // Re-enabled, the account can sign in again, but the old sessions stay dead.
    await signInAs(database, "admin");
    const again = await userByName(database, "filer2");
    expect((await setUserActive(undefined, { userId: again.id, active: true, version: again.version })).ok).toBe(true);
    expect((await checkSession(database.db, s1)).ok).toBe(false);
    expect((await authenticate(database.db, { username: "filer2", password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("all end when the password is changed by its owner or reset by an admin", async () => {
    const other = await signInAs(database, "evaluator");
    const mine = await signInAs(database, "evaluator");
    const changed = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "New-Pass-2027!", confirmPassword: "New-Pass-2027!" });
    expect(changed.ok).toBe(true);
    expect((await checkSession(database.db, other)).ok).toBe(false);
    expect((await checkSession(database.db, mine)).ok).toBe(false);
    expect((await authenticate(database.db, { username: "evaluator", password: DEMO_PASSWORD })).ok).toBe(false);
    const fresh = await signInAs(database, "evaluator", "New-Pass-2027!");

    await signInAs(database, "admin");
    const target = await userByName(database, "evaluator");
    expect((await resetPassword(undefined, { userId: target.id, password: "Reset-2027-xyz", version: target.version })).ok).toBe(true);
    expect((await checkSession(database.db, fresh)).ok).toBe(false);
    expect((await authenticate(database.db, { username: "evaluator", password: "Reset-2027-xyz" })).ok).toBe(true);
    const open = await database.db.select().from(authSessions).where(eq(authSessions.id, fresh));
    expect(open[0].revokedReason).toBe("password_reset");
  });

  it("changing a password needs the current one, and says so on that field", async () => {
    await signInAs(database, "dept");
    const r = await changePassword({ currentPassword: "wrong-one-1", newPassword: "New-Pass-2027!", confirmPassword: "New-Pass-2027!" });
    expect(r).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!r.ok && r.fieldErrors?.currentPassword?.[0]).toBe("当前密码不正确");
    const mismatch = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "New-Pass-2027!", confirmPassword: "New-Pass-2028!" });
    expect(!mismatch.ok && mismatch.fieldErrors?.confirmPassword?.[0]).toBe("两次输入的新密码不一致");
    const weak = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "short", confirmPassword: "short" });
    expect(!weak.ok && weak.fieldErrors?.newPassword).toContain("密码至少 12 个字符，可使用任意字符（含空格和中文），不能是常见密码，也不能包含用户名");
  });
});
