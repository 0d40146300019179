import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { auditLog, emailOutbox, objectives, users } from "@/db/schema";
import { setEmail } from "@/lib/actions/account/set-email";
import { createUser } from "@/lib/actions/admin/create-user";
import { setUserEmail } from "@/lib/actions/admin/set-user-email";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { deliverOutbox } from "@/lib/notify/mailer";
import { notifyZh } from "@/lib/i18n/sections/notify.zh";
import { createTestDatabase } from "../helpers/db";
import { orgByCode, userByName } from "../helpers/orgs";
import { auditCount, signInAs, useTestDatabase } from "../helpers/session";

/**
 * The notification e-mail address (issue 19): set by the user on the account page and by the
 * admin on the user form; a bad address refused on its field with nothing written; the saved
 * address is where the outbox sends a notification.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
});
afterAll(() => database.drop());
afterEach(() => {
  delete process.env.SMTP_URL;
});

const BAD = ["filer2", "filer2@", "@example.test", "filer 2@example.test", "王芳 <filer2@example.test>", "filer2@example", `${"a".repeat(64)}@${"b".repeat(187)}.cn`];

describe("one's own e-mail (account page)", () => {
  it("refuses a bad address on its field and writes nothing", async () => {
    await signInAs(database, "filer2");
    const before = await userByName(database, "filer2");
    const audits = await auditCount(database);
    for (const email of BAD) {
      const res = await setEmail({ email, version: before.version });
      expect(res.ok, email).toBe(false);
      if (res.ok) continue;
      expect(res.code).toBe("invalid_input");
      expect(res.fieldErrors?.email?.[0], email).toBe(email.length > 254 ? "不能超过 254 个字符" : notifyZh.emailInvalid);
    }
    const after = await userByName(database, "filer2");
    expect({ email: after.email, version: after.version }).toEqual({ email: before.email, version: before.version });
    expect(await auditCount(database)).toBe(audits);
  });

  it("saves a trimmed address with its audit row; a stale form is refused; empty clears it", async () => {
    await signInAs(database, "filer2");
    const u = await userByName(database, "filer2");
    const saved = await setEmail({ email: "  wang.fang@jy.example.cn ", version: u.version });
    expect(saved).toMatchObject({ ok: true, message: "邮箱已保存。" });
    expect((await userByName(database, "filer2")).email).toBe("wang.fang@jy.example.cn");
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "account.setEmail")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ objectId: String(u.id), before: { email: u.email }, after: { email: "wang.fang@jy.example.cn" } });

    const stale = await setEmail({ email: "other@jy.example.cn", version: u.version });
    expect(!stale.ok && stale.code).toBe("conflict");
    expect((await userByName(database, "filer2")).email).toBe("wang.fang@jy.example.cn");

    const cleared = await setEmail({ email: "", version: u.version + 1 });
    expect(cleared.ok).toBe(true);
    expect((await userByName(database, "filer2")).email).toBeNull();
  });
});

describe("a user's e-mail set by the admin", () => {
  it("on a new account and on an existing one; a bad address refused on its field, nothing written", async () => {
    await signInAs(database, "admin");
    const unit = await orgByCode(database, "440000-JY-KS");
    const bad = await createUser({ username: "ks.mail", displayName: "钱明", orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026", email: "qian ming@ks" });
    expect(!bad.ok && bad.fieldErrors?.email).toEqual([notifyZh.emailInvalid]);
    expect(await database.db.select().from(users).where(eq(users.username, "ks.mail"))).toHaveLength(0);

    const ok = await createUser({ username: "ks.mail", displayName: "钱明", orgId: unit.id, roles: ["unit_filer"], password: "Spring-Rain-2026", email: "qian.ming@ks.example.cn" });
    expect(ok.ok).toBe(true);
    expect((await userByName(database, "ks.mail")).email).toBe("qian.ming@ks.example.cn");

    const filer = await userByName(database, "filer");
    const audits = await auditCount(database);
    const refused = await setUserEmail({ userId: filer.id, email: "filer@", version: filer.version });
    expect(!refused.ok && refused.fieldErrors?.email).toEqual([notifyZh.emailInvalid]);
    expect(await auditCount(database)).toBe(audits);
    expect((await userByName(database, "filer")).version).toBe(filer.version);

    const set = await setUserEmail({ userId: filer.id, email: "li.na@jy.example.cn", version: filer.version });
    expect(set.ok).toBe(true);
    expect((await userByName(database, "filer")).email).toBe("li.na@jy.example.cn");
    expect(await auditCount(database, "user.setEmail")).toBe(1);
  });

  it("a user cannot set another's address through the admin action", async () => {
    await signInAs(database, "filer2");
    const filer = await userByName(database, "filer");
    const res = await setUserEmail({ userId: filer.id, email: "x@example.test", version: filer.version });
    expect(!res.ok && res.code).toBe("forbidden");
    expect((await userByName(database, "filer")).email).toBe("li.na@jy.example.cn");
  });
});

describe("the saved address is where notifications go", () => {
  it("a declaration returned to the unit is e-mailed to the address its filer set on the account page", async () => {
    const received: { to: string[] }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.server.address() as { port: number }).port;
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
      await database.db.update(users).set({ email: null });
      await signInAs(database, "filer");
      const me = await userByName(database, "filer");
      expect((await setEmail({ email: "li.na@jy.example.cn", version: me.version })).ok).toBe(true);

      const [o] = await database.db.select().from(objectives).where(eq(objectives.title, "普通国省道路面养护专项"));
      await signInAs(database, "dept");
      const res = await reviewObjective({ objectiveId: o.id, version: o.version, stage: "department", result: "return", reasons: "养护里程测算依据不足" });
      expect(res.ok, JSON.stringify(res)).toBe(true);
      const rows = await database.db.select().from(emailOutbox);
      expect(rows.map((r) => r.toAddress)).toEqual(["li.na@jy.example.cn"]);
      // The action kicked the delivery after its commit (lib/actions/define.ts): wait for it to mark the row sent.
      for (let i = 0; i < 100 && !(await database.db.select().from(emailOutbox))[0].sentAt; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await database.db.select().from(emailOutbox))[0].sentAt).not.toBeNull();
      expect(await deliverOutbox(database.db)).toBe(0);
      expect(received).toEqual([{ to: ["li.na@jy.example.cn"] }]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("the outbox sends each e-mail once", () => {
  it("a second delivery run that starts while the first is still sending leaves the row alone", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // A slow server: the message is accepted 400 ms after its data arrived.
      onData(stream, session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(","));
          setTimeout(() => callback(), 400);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.server.address() as { port: number }).port;
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
      await database.db.delete(emailOutbox);
      await database.db.insert(emailOutbox).values({ toAddress: "li.na@jy.example.cn", subject: "【预算绩效】测试", body: "一次" });
      const first = deliverOutbox(database.db);
      // Wait until the first run has claimed the row and is sending it.
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      const second = await deliverOutbox(database.db);
      expect(await first).toBe(1);
      expect(second).toBe(0);
      expect(received).toEqual(["li.na@jy.example.cn"]);
      const [row] = await database.db.select().from(emailOutbox);
      expect(row.sentAt).not.toBeNull();
      expect(row.attempts).toBe(1);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
