import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, isNull } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { emailOutbox, fiscalYears, monitoringReports, notifications, objectives, users } from "@/db/schema";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/actions/notify/mark-read";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { checkSession } from "@/lib/auth/session";
import { deliverOutbox } from "@/lib/notify/mailer";
import { unreadCount } from "@/lib/notify/queries";
import { syncDeadlineReminders } from "@/lib/notify/reminders";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";

/**
 * Notifications (issue 19): written in the transaction of the event that causes them (returned,
 * approved, warned), deadline reminders written once per task and deadline, the bell's unread
 * count, reading them, and the e-mail sent after the commit through the SMTP server of SMTP_URL —
 * a catcher started here — and never without SMTP_URL or after a rollback.
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

async function user(username: string) {
  const [u] = await database.db.select().from(users).where(eq(users.username, username));
  return u;
}
async function actorOf(username: string): Promise<Actor> {
  const check = await checkSession(database.db, await signInAs(database, username));
  if (!check.ok) throw new Error("session");
  return check.actor;
}
async function inbox(username: string) {
  const u = await user(username);
  return database.db.select().from(notifications).where(eq(notifications.userId, u.id)).orderBy(desc(notifications.id));
}
async function objective(title: string) {
  const [o] = await database.db.select().from(objectives).where(eq(objectives.title, title));
  return o;
}

/** A local SMTP catcher: every message it receives, with its envelope recipients and raw text. */
async function smtpCatcher() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The subject of a raw message, its RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const header = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const line = header.split(/\r?\n/).find((l) => l.toLowerCase().startsWith("subject:"))!.slice(8).trim();
  return line.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeURIComponent(text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, "%$1")),
  );
}

describe("notifications written with their event", () => {
  it("returned: the department returns a unit's declaration → the unit's filer is told why, with the link; the reviewer is not", async () => {
    const o = await objective("普通国省道路面养护专项");
    await signInAs(database, "dept");
    const r = await reviewObjective({ objectiveId: o.id, version: o.version, stage: "department", result: "return", reasons: "养护里程测算依据不足" });
    expect(r.ok).toBe(true);
    const [n] = await inbox("filer");
    expect(n).toMatchObject({ kind: "returned", title: "普通国省道路面养护专项", href: `/objectives/${o.id}`, note: "养护里程测算依据不足", actorName: "dept", readAt: null });
    expect((await inbox("dept")).filter((x) => x.source === "objective.dept_return")).toHaveLength(0);
    expect((await inbox("filer2")).filter((x) => x.source === "objective.dept_return")).toHaveLength(0);
    expect(await unreadCount(database.db, (await user("filer")).id)).toBe(1);
  });

  it("approved: finance approves a department's own declaration → the department (its filer) is told", async () => {
    const o = await objective("交通运输综合执法能力建设");
    await signInAs(database, "reviewer");
    const r = await reviewObjective({ objectiveId: o.id, version: o.version, stage: "finance", result: "pass", grade: "excellent", score: "92" });
    expect(r.ok).toBe(true);
    const [n] = await inbox("dept");
    expect(n).toMatchObject({ kind: "approved", title: "交通运输综合执法能力建设", href: `/objectives/${o.id}` });
    expect((await inbox("filer")).some((x) => x.kind === "approved")).toBe(false);
  });

  it("warned: a monitoring submission that raised a red light tells finance over the region and the unit; a yellow one tells nobody", async () => {
    const filer = await user("filer");
    const [report] = await database.db.select().from(monitoringReports).where(eq(monitoringReports.ownerOrgId, filer.orgId)).limit(1);
    const actor = await actorOf("filer");
    await database.db.transaction((tx) =>
      writeAudit(tx, actor, { action: "monitoring_report.submit", objectType: "monitoring_report", objectId: report.id, after: { state: "accepted", warnings: ["execution:yellow"] } }),
    );
    expect((await inbox("reviewer")).filter((n) => n.kind === "warned")).toHaveLength(0);
    await database.db.transaction((tx) =>
      writeAudit(tx, actor, { action: "monitoring_report.submit", objectType: "monitoring_report", objectId: report.id, after: { state: "accepted", warnings: ["execution:red", "target:yellow"] } }),
    );
    for (const who of ["reviewer", "admin"]) {
      const warned = (await inbox(who)).filter((n) => n.kind === "warned");
      expect(warned, who).toHaveLength(1);
      expect(warned[0]).toMatchObject({ href: `/monitoring/reports/${report.id}`, note: "execution" });
    }
    // The unit's filer submitted it: not told of its own act. A city's finance is not over the province's unit.
    expect((await inbox("filer")).filter((n) => n.kind === "warned")).toHaveLength(0);
    expect((await inbox("gz.reviewer")).filter((n) => n.kind === "warned")).toHaveLength(0);
  });

  it("nothing is written when the event's transaction rolls back", async () => {
    const o = await objective("传染病监测预警项目");
    const actor = await actorOf("reviewer");
    const before = await database.db.select().from(notifications);
    await expect(
      database.db.transaction(async (tx) => {
        await writeAudit(tx, actor, { action: "objective.finance_return", objectType: "objective", objectId: o.id, after: { reasons: "回滚" } });
        throw new Error("the event failed after its audit row");
      }),
    ).rejects.toThrow("the event failed");
    expect(await database.db.select().from(notifications)).toHaveLength(before.length);
  });
});

describe("deadline reminders", () => {
  it("due in 3 days, then overdue, each once per task and deadline", async () => {
    const actor = await actorOf("filer");
    const o = await objective("农村公路安全生命防护工程"); // a draft: declarations end 2026-11-30
    expect(await syncDeadlineReminders(database.db, actor, new Date("2026-11-28T09:00:00+08:00"))).toBeGreaterThan(0);
    const soon = (await inbox("filer")).filter((n) => n.kind === "due_soon" && n.href === `/objectives/${o.id}`);
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({ dueDate: "2026-11-30", title: "农村公路安全生命防护工程" });
    // Loading again writes nothing new.
    const count = (await inbox("filer")).length;
    await syncDeadlineReminders(database.db, actor, new Date("2026-11-29T09:00:00+08:00"));
    expect((await inbox("filer")).filter((n) => n.kind === "due_soon" && n.href === `/objectives/${o.id}`)).toHaveLength(1);
    expect((await inbox("filer")).length).toBeGreaterThanOrEqual(count);
    // After the deadline (China time: 00:30 on 1 December is late), overdue — once.
    await syncDeadlineReminders(database.db, actor, new Date("2026-12-01T00:30:00+08:00"));
    await syncDeadlineReminders(database.db, actor, new Date("2026-12-02T00:30:00+08:00"));
    expect((await inbox("filer")).filter((n) => n.kind === "overdue" && n.href === `/objectives/${o.id}`)).toHaveLength(1);
  });

  it("a closed year's task never reminds", async () => {
    const actor = await actorOf("filer2");
    await database.db.update(fiscalYears).set({ status: "closed" }).where(eq(fiscalYears.year, 2027));
    try {
      await syncDeadlineReminders(database.db, actor, new Date("2026-12-05T09:00:00+08:00"));
      expect((await inbox("filer2")).filter((n) => n.kind === "overdue" || n.kind === "due_soon")).toHaveLength(0);
    } finally {
      await database.db.update(fiscalYears).set({ status: "open" }).where(eq(fiscalYears.year, 2027));
    }
  });
});

describe("reading notifications (no audit row: it changes only the reader's own marks)", () => {
  it("marks one's own read; another user's id changes nothing; all read up to the newest shown", async () => {
    const filer = await user("filer");
    const mine = await inbox("filer");
    const other = await inbox("reviewer");
    expect(mine.length).toBeGreaterThan(1);
    await signInAs(database, "filer");
    expect(await markNotificationsRead({ ids: [mine[0].id, other[0].id] })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect((await inbox("reviewer")).find((n) => n.id === other[0].id)!.readAt).toBeNull();
    expect(await unreadCount(database.db, filer.id)).toBe(mine.length - 1);
    // "All read" up to the second newest: the newest stays as it was, the rest are read.
    const upTo = mine[1].id;
    expect((await markAllNotificationsRead({ upToId: upTo })).ok).toBe(true);
    const unread = await database.db.select().from(notifications).where(and(eq(notifications.userId, filer.id), isNull(notifications.readAt)));
    expect(unread.every((n) => n.id > upTo)).toBe(true);
    // Bad input is refused on its field.
    const bad = await markNotificationsRead({ ids: ["x"] });
    expect(bad.ok).toBe(false);
  });
});

describe("e-mail (SMTP_URL)", () => {
  it("sent after the commit to the recipient's address, in Chinese; nothing without SMTP_URL or after a rollback", async () => {
    const catcher = await smtpCatcher();
    try {
      await database.db.update(users).set({ email: "filer2@example.test" }).where(eq(users.username, "filer2"));
      const o = await objective("传染病监测预警项目");
      const reviewer = await actorOf("reviewer");
      const returnIt = (reason: string) =>
        database.db.transaction((tx) => writeAudit(tx, reviewer, { action: "objective.finance_return", objectType: "objective", objectId: o.id, after: { reasons: reason } }));

      // Without SMTP_URL: the notification, no e-mail queued, nothing sent.
      await returnIt("第一次退回");
      expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
      expect(await deliverOutbox(database.db)).toBe(0);

      process.env.SMTP_URL = catcher.url;
      // Rolled back: neither the notification nor its e-mail.
      await expect(
        database.db.transaction(async (tx) => {
          await writeAudit(tx, reviewer, { action: "objective.finance_return", objectType: "objective", objectId: o.id, after: { reasons: "回滚" } });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await database.db.select().from(emailOutbox)).toHaveLength(0);

      // Committed: one e-mail to filer2 (the only one of its unit with an address), sent and marked.
      await returnIt("缺少效益指标");
      expect(await deliverOutbox(database.db)).toBe(1);
      expect(catcher.received).toHaveLength(1);
      expect(catcher.received[0].to).toEqual(["filer2@example.test"]);
      expect(subjectOf(catcher.received[0].raw)).toBe("【预算绩效】被退回：传染病监测预警项目");
      const [row] = await database.db.select().from(emailOutbox);
      expect(row.sentAt).not.toBeNull();
      // Sent once: a second run has nothing to send.
      expect(await deliverOutbox(database.db)).toBe(0);
      expect(catcher.received).toHaveLength(1);
    } finally {
      await catcher.close();
    }
  });
});
