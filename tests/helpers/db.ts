import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/db/client";
import { enterRuntimeRole, migrateDatabase, RUNTIME_ROLE } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";

/** The login role the tests' connections use on a server: a member of the runtime group role, like the app's. */
export const TEST_RUNTIME_LOGIN = "bpm_test_app";

export type TestDatabase = Database & {
  /** The runtime role's URL (server only): what the app's own processes would connect as. */
  url?: string;
  /** The owner's URL (server only): migrations and bulk loads (the generator). */
  ownerUrl?: string;
  drop(): Promise<void>;
};

/**
 * A throwaway database for one test file, on whichever driver this run uses:
 * DATABASE_URL set → a fresh database created on that server (dropped afterwards), migrated by
 * its owner, and `db` connected as a member of the runtime role, as the app runs in production;
 * unset → an in-memory PGlite, migrated, then SET ROLE to the runtime role as the app does.
 * Seeded with the demo data unless told not to. Either way the tests' queries run under the
 * runtime role's grants (they may not change the audit log).
 */
export async function createTestDatabase(opts: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    if (opts.seed !== false) await seedDemoData(database.db);
    await enterRuntimeRole(database);
    return { ...database, drop: () => database.close() };
  }
  const name = `bpm_test_${randomBytes(6).toString("hex")}`;
  const admin = await serverAdmin(serverUrl);
  await admin.query(`create database ${name}`);
  const owner = new URL(serverUrl);
  owner.pathname = `/${name}`;
  let database: Database | undefined;
  try {
    const runtime = new URL(owner);
    runtime.username = TEST_RUNTIME_LOGIN;
    runtime.password = "";
    database = await openDatabase({ url: runtime.toString(), poolSize: 5 }); // connects on its first query
    // The owner (the server's URL: a superuser here) migrates; migration 0018 creates the group role.
    await migrateDatabase(database, owner.toString());
    await ensureRuntimeLogin(admin);
    if (opts.seed !== false) await seedDemoData(database.db);
    const opened = database;
    return {
      ...opened,
      url: runtime.toString(),
      ownerUrl: owner.toString(),
      drop: async () => {
        await opened.close();
        const a = await serverAdmin(serverUrl);
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  } catch (e) {
    await database?.close().catch(() => {});
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    throw e;
  } finally {
    await admin.end();
  }
}

/**
 * Creates the tests' login role once per server. Test files run in parallel and roles belong to
 * the whole server, so two may try at once: the loser's duplicate is not an error.
 */
async function ensureRuntimeLogin(admin: pg.Client) {
  const { rows } = await admin.query("select 1 from pg_roles where rolname = $1", [TEST_RUNTIME_LOGIN]);
  if (rows.length) return;
  try {
    await admin.query(`create role ${TEST_RUNTIME_LOGIN} login in role ${RUNTIME_ROLE}`);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "42710" && code !== "23505") throw e; // duplicate_object, unique_violation
  }
}

/** A maintenance connection to the server; a connection error is reported, never an unhandled event. */
export async function serverAdmin(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", (err) => console.warn(`[test-db] admin connection error: ${err.message}`));
  await client.connect();
  return client;
}
