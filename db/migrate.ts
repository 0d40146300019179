import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type DbOrTx } from "./client";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
/** Arbitrary constant: the advisory lock that serialises migrations across app processes. */
const MIGRATION_LOCK_KEY = 7_310_240_501;

/**
 * The group role the application runs as (migration 0018): DML on the app's tables, only INSERT
 * and SELECT on audit_log, owner of nothing. Its name is fixed because migrations are plain SQL.
 */
export const RUNTIME_ROLE = "bpm_runtime";

/**
 * Applies the committed migrations. On a server, two app processes starting at once
 * take a PostgreSQL advisory lock on one dedicated connection, so one migrates and the
 * other waits and then finds nothing left to do. `url` is the role that migrates: the owner of
 * the tables (DATABASE_OWNER_URL), which need not be the role the app's queries run as.
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

/** What the connection's role is to the audit log: may it lift the log's protection? */
export interface RoleStanding {
  role: string;
  superuser: boolean;
  /** Owns audit_log or may become its owner (SET ROLE): may disable or drop its triggers. */
  owner: boolean;
  /** The schema is not there yet: nothing is migrated. */
  empty: boolean;
}

export async function roleStanding(db: DbOrTx): Promise<RoleStanding> {
  const [row] = await queryRows<RoleStanding>(
    db,
    sql`select current_user::text as role, r.rolsuper as superuser,
               coalesce(pg_has_role(current_user, c.relowner, 'MEMBER'), false) as owner,
               c.oid is null as empty
          from pg_roles r left join pg_class c on c.oid = to_regclass('public.audit_log')
         where r.rolname = current_user`,
  );
  return row;
}

/** The warning for a role that could lift the audit log's protection; null when it cannot. */
export function auditLogExposure(s: RoleStanding): string | null {
  if (!s.superuser && !s.owner) return null;
  return (
    `[db] The app runs as ${s.role}, ${s.superuser ? "a superuser" : "the owner of its tables"}: it could disable the audit log's ` +
    `append-only triggers. Set DATABASE_URL to a member of ${RUNTIME_ROLE} and DATABASE_OWNER_URL to the owner ` +
    `(README, "Two database roles").`
  );
}

/**
 * For an app given only the runtime role, which may not migrate: the committed migrations the
 * database has not applied yet (the runtime role may read drizzle's table, migration 0018).
 */
export async function pendingMigrations(db: DbOrTx): Promise<number> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
  const [last] = await queryRows<{ at: string | null }>(db, sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
  const applied = Number(last?.at ?? 0);
  return files.filter((f) => f.folderMillis > applied).length;
}

/**
 * On the embedded database (PGlite), after migrating as its bootstrap superuser: the app's own
 * queries run as the runtime role from here on, under the same grants as on a server.
 * It is not a wall: PGlite is single-user PostgreSQL, so the session's user stays the superuser
 * and SQL the process itself sends could RESET ROLE (the process also owns the data files).
 */
export async function enterRuntimeRole(database: Database): Promise<void> {
  if (database.driver !== "pglite") throw new Error("enterRuntimeRole: a server connection logs in as the runtime role instead");
  await database.db.execute(sql.raw(`set role ${RUNTIME_ROLE}`));
}
