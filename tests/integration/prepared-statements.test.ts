import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createTestDatabase } from "../helpers/db";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/**
 * On a PostgreSQL server the pool names each SELECT by its text (db/client.ts), so the server
 * parses it once per connection and can keep its plan. Writes stay unnamed.
 */
describe.runIf(process.env.DATABASE_URL)("repeated selects are prepared once per connection", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it("keeps a select prepared on its connection and runs it again by name; a write is not kept", async () => {
    await t.db.transaction(async (tx) => {
      // One connection for the whole transaction: what it has prepared is visible to it.
      for (let i = 0; i < 3; i++) await queryRows(tx, sql`select id from regions where id > ${i} order by id limit 1`);
      await tx.execute(sql`update regions set name = name where id = -1`);
      const prepared = await queryRows<{ statement: string; calls: number }>(
        tx,
        sql`select statement, coalesce(generic_plans + custom_plans, 0)::int as calls from pg_prepared_statements where statement like 'select id from regions where id >%'`,
      );
      expect(prepared).toHaveLength(1);
      expect(prepared[0].calls).toBe(3);
      const writes = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements where statement like 'update regions%'`);
      expect(writes[0].n).toBe(0);
    });
  });
});
