import path from "node:path";
import type { Database } from "./client";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
/** Arbitrary constant: the advisory lock that serialises migrations across app processes. */
const MIGRATION_LOCK_KEY = 7_310_240_501;

/**
 * Applies the committed migrations. On a server, two app processes starting at once
 * take a PostgreSQL advisory lock on one dedicated connection, so one migrates and the
 * other waits and then finds nothing left to do.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(database.db as any, { migrationsFolder: MIGRATIONS });
    return;
  }
  if (!url) throw new Error("migrateDatabase: a server database needs its URL");
  const pg = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new pg.Client({ connectionString: url });
  client.on("error", (err) => console.warn(`[db] migration connection error: ${err.message}`));
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
