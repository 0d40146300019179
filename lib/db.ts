import { openDatabase, type Database, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * The application's database, opened once per process on first use: migrations are applied
 * then (never during `next build`), and an empty embedded database gets the demo data.
 * Kept on globalThis so that dev-mode module reloads reuse the one PGlite instance.
 */
const g = globalThis as unknown as { __bpmDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  g.__bpmDatabase ??= start().catch((e) => {
    g.__bpmDatabase = undefined;
    throw e;
  });
  return g.__bpmDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

async function start(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const database = await openDatabase({ url });
  await migrateDatabase(database, url);
  if (database.driver === "pglite") {
    const { seedDemoData } = await import("@/db/seed");
    await seedDemoData(database.db, { onlyIfEmpty: true });
  }
  return database;
}

/** Tests point the application at their own throwaway database. */
export function useDatabaseForTests(database: Database): void {
  g.__bpmDatabase = Promise.resolve(database);
}
