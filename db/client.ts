import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/**
 * One Drizzle schema, two drivers. Everything above db/ sees only `Db` / `Tx` and never
 * learns which driver is underneath:
 *   - DATABASE_URL set   → node-postgres pool
 *   - DATABASE_URL unset → PGlite (embedded PostgreSQL in WASM), data in .data/pglite
 */
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries take either, so they compose into a caller's transaction. */
export type DbOrTx = Db | Tx;

export type Driver = "pg" | "pglite";

export interface Database {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL → node-postgres. */
  url?: string;
  /** PGlite data folder; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pg = (await import("pg")).default;
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server closes (restart, dropped database) must not crash the
    // process: the pool discards it and opens a new one on the next query.
    pool.on("error", (err) => console.warn(`[db] idle connection closed by the server: ${err.message}`));
    pool.on("connect", (client) => prepareRepeatedSelects(client));
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, driver: "pg", close: () => pool.end() };
  }
  const dataDir = opts.dataDir ?? defaultDataDir();
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  if (!dataDir.startsWith("memory://")) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function defaultDataDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

/**
 * PGlite is a single-process database: two processes opening one folder corrupt it.
 * A lock file holding the owner's pid guards it; a stale lock (dead pid) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/\/$/, "")}.lock`;
  try {
    const owner = Number(fs.readFileSync(lockFile, "utf8"));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner}. ` +
          `Only one process may open it: stop that process, or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** Statements a connection keeps prepared at most; past it, new texts run unnamed as before. */
const PREPARED_PER_CONNECTION = 300;

/**
 * Names each SELECT by a hash of its text, so that PostgreSQL parses it once per connection
 * instead of on every request, and may settle on a generic plan after a few runs instead of
 * planning again (it plans a list page's query in 3–7 ms, more than it takes to run it:
 * docs/PERFORMANCE.md). The app's statements are few shapes run many times; a cap per connection
 * bounds the odd one-off (an IN list of varying length). Not for a transaction-pooling proxy
 * (PgBouncer), which cannot keep a statement on one connection.
 */
function prepareRepeatedSelects(client: import("pg").PoolClient) {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (config && typeof config === "object" && !("name" in config && config.name) && "text" in config && typeof config.text === "string") {
      const text = config.text;
      let name = names.get(text);
      if (!name && names.size < PREPARED_PER_CONNECTION && /^\s*select\b/i.test(text)) {
        name = `s_${createHash("sha1").update(text).digest("base64url").slice(0, 24)}`;
        names.set(text, name);
      }
      if (name) return query({ ...config, name }, ...rest);
    }
    return query(config, ...rest);
  };
}
