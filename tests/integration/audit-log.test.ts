import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { queryRows } from "@/db/client";
import { auditLogExposure, roleStanding } from "@/db/migrate";
import { auditLog } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { createTestDatabase } from "../helpers/db";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("the audit log, from the application's own connection", () => {
  it("takes new rows", async () => {
    await writeAudit(database.db, { userId: null, username: "test" }, { action: "seed.demo", objectType: "database", objectId: "test-write", after: { a: 1 } });
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.objectId, "test-write"));
    expect(rows).toHaveLength(1);
  });

  it("refuses UPDATE", async () => {
    await expect(database.db.update(auditLog).set({ action: "rewritten" })).rejects.toThrow();
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "rewritten"))).toEqual([]);
  });

  it("refuses DELETE", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(database.db.delete(auditLog).where(eq(auditLog.objectId, "test-write"))).rejects.toThrow();
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBe(before[0].n);
  });

  it("refuses TRUNCATE", async () => {
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBeGreaterThan(0);
  });

  it("rolls back with the change it records", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await writeAudit(tx, { userId: null }, { action: "seed.demo", objectType: "database", objectId: "test-rolledback" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.select().from(auditLog).where(eq(auditLog.objectId, "test-rolledback"))).toEqual([]);
  });
});

/** The database's own words for a refused statement (Drizzle wraps the driver's error). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (e) {
    const messages: string[] = [];
    for (let cur: unknown = e; cur; cur = (cur as { cause?: unknown }).cause) messages.push(String((cur as Error).message));
    return messages.join(" | ");
  }
  return "accepted";
}

/**
 * The app's connection is the runtime role, which owns nothing: the append-only triggers cannot be
 * lifted from it (ASVS 5.0 V16.4.2). On the server it logs in as a member of bpm_runtime; on
 * PGlite it is the same role by SET ROLE (db/migrate.ts, enterRuntimeRole).
 */
describe("the runtime role and the audit log", () => {
  it("is neither a superuser nor the owner, so the app starts without the warning", async () => {
    const standing = await roleStanding(database.db);
    expect(standing).toMatchObject({ superuser: false, owner: false });
    expect(auditLogExposure(standing)).toBeNull();
    expect(auditLogExposure({ ...standing, role: "postgres", superuser: true })).toContain("DATABASE_OWNER_URL");
  });

  it("may INSERT and SELECT", async () => {
    await database.db.insert(auditLog).values({ action: "test.runtime", objectType: "test" });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "test.runtime"))).toHaveLength(1);
  });

  it("is refused UPDATE, DELETE and TRUNCATE by privilege, before any trigger", async () => {
    expect(await refusal(database.db.execute(sql`update audit_log set action = 'rewritten'`))).toMatch(/permission denied for table audit_log/);
    expect(await refusal(database.db.execute(sql`delete from audit_log`))).toMatch(/permission denied for table audit_log/);
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toMatch(/permission denied for table audit_log/);
  });

  it("cannot disable, drop or skip the triggers", async () => {
    expect(await refusal(database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`))).toMatch(/must be owner of table audit_log/);
    expect(await refusal(database.db.execute(sql`alter table audit_log disable trigger all`))).toMatch(/must be owner of table audit_log/);
    expect(await refusal(database.db.execute(sql`drop trigger audit_log_no_truncate on audit_log`))).toMatch(/must be owner of (table|relation) audit_log/);
    expect(await refusal(database.db.execute(sql`set session_replication_role = replica`))).toMatch(/permission denied to set parameter "session_replication_role"/);
    expect(await refusal(database.db.execute(sql`alter table audit_log owner to current_user`))).toMatch(/must be owner of table audit_log/);
    const triggers = await queryRows<{ name: string; enabled: string }>(
      database.db,
      sql`select tgname as name, tgenabled as enabled from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal order by tgname`,
    );
    expect(triggers).toEqual([
      { name: "audit_log_no_truncate", enabled: "O" },
      { name: "audit_log_no_update_delete", enabled: "O" },
    ]);
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where action = 'test.runtime'`);
    expect(n).toBe(1);
  });

  it("and the owner, who could lift them, is still refused by the triggers", async () => {
    if (database.ownerUrl) {
      const owner = new pg.Client({ connectionString: database.ownerUrl });
      await owner.connect();
      try {
        expect(await refusal(owner.query("update audit_log set action = 'rewritten'"))).toMatch(/append-only: UPDATE refused/);
        expect(await refusal(owner.query("truncate audit_log"))).toMatch(/append-only: TRUNCATE refused/);
      } finally {
        await owner.end();
      }
    } else {
      // PGlite: the session's user is the bootstrap superuser, the owner; SET LOCAL ROLE lasts for the transaction.
      const asOwner = database.db.transaction(async (tx) => {
        await tx.execute(sql`set local role postgres`);
        await tx.execute(sql`update audit_log set action = 'rewritten'`);
      });
      expect(await refusal(asOwner)).toMatch(/append-only: UPDATE refused/);
      expect((await roleStanding(database.db)).superuser).toBe(false);
    }
  });
});
