import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
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
