import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";

/**
 * A throwaway database for one test file, on whichever driver this run uses:
 * DATABASE_URL set → a fresh database created on that server (dropped afterwards);
 * unset → an in-memory PGlite. Migrated, and seeded with the demo data unless told not to.
 */
export async function createTestDatabase(opts: { seed?: boolean } = {}): Promise<Database & { url?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    if (opts.seed !== false) await seedDemoData(database.db);
    return { ...database, drop: () => database.close() };
  }
  const name = `bpm_test_${randomBytes(6).toString("hex")}`;
  const admin = await serverAdmin(serverUrl);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrateDatabase(database, url.toString());
  if (opts.seed !== false) await seedDemoData(database.db);
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const a = await serverAdmin(serverUrl);
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A maintenance connection to the server; a connection error is reported, never an unhandled event. */
export async function serverAdmin(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", (err) => console.warn(`[test-db] admin connection error: ${err.message}`));
  await client.connect();
  return client;
}
