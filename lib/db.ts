import { openDatabase, type Database, type Db } from "@/db/client";
import { auditLogExposure, enterRuntimeRole, migrateDatabase, pendingMigrations, roleStanding } from "@/db/migrate";

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

/**
 * DATABASE_URL is the role the app's queries run as; DATABASE_OWNER_URL, if set, the owner of the
 * tables that migrates (README, "Two database roles"). Without it the app migrates as
 * DATABASE_URL when that role may (and warns once that it could lift the audit log's protection),
 * or, as the runtime role, only checks that the owner has migrated.
 */
async function start(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const ownerUrl = process.env.DATABASE_OWNER_URL || undefined;
  if (ownerUrl && !url) throw new Error("DATABASE_OWNER_URL is set without DATABASE_URL: set DATABASE_URL to the role the app runs as.");
  const database = await openDatabase({ url });
  if (database.driver === "pglite") {
    await migrateDatabase(database);
    const { seedDemoData } = await import("@/db/seed");
    await seedDemoData(database.db, { onlyIfEmpty: true });
    await enterRuntimeRole(database);
    return database;
  }
  const standing = await roleStanding(database.db);
  if (ownerUrl) await migrateDatabase(database, ownerUrl);
  else if (standing.superuser || standing.owner || standing.empty) {
    await migrateDatabase(database, url).catch(async (e) => {
      await database.close();
      if (!isInsufficientPrivilege(e)) throw e;
      throw new Error(`${standing.role} may not create the schema: set DATABASE_OWNER_URL to the owner that migrates (README, "Two database roles").`, { cause: e });
    });
  }
  else {
    const pending = await pendingMigrations(database.db);
    if (pending) {
      await database.close();
      throw new Error(
        `${pending} migration(s) are not applied and ${standing.role} may not apply them: run \`npm run db:migrate\` with ` +
          `DATABASE_OWNER_URL set to the owner, or set it for the app (README, "Two database roles").`,
      );
    }
  }
  const warning = auditLogExposure(await roleStanding(database.db));
  if (warning) console.warn(warning);
  return database;
}

function isInsufficientPrivilege(e: unknown): boolean {
  for (let cur: unknown = e; cur; cur = (cur as { cause?: unknown }).cause) if ((cur as { code?: string }).code === "42501") return true;
  return false;
}

/** Tests point the application at their own throwaway database. */
export function useDatabaseForTests(database: Database): void {
  g.__bpmDatabase = Promise.resolve(database);
}
