import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed";
import { authenticate } from "@/lib/auth/authenticate";
import { useDatabaseForTests } from "@/lib/db";

const current = globalThis as { __testSessionId?: string | null };

/** Makes the next action calls come from this session (see tests/helpers/setup.ts). */
export function actAsSession(sessionId: string | null) {
  current.__testSessionId = sessionId;
}

/** Signs in through the real credential check and makes the next action calls come from that session. */
export async function signInAs(database: Database, username: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await authenticate(database.db, { username, password });
  if (!result.ok) throw new Error(`sign-in as ${username} failed: ${result.code}`);
  current.__testSessionId = result.sessionId;
  return result.sessionId;
}

export function useTestDatabase(database: Database) {
  useDatabaseForTests(database);
}

export async function auditCount(database: Database, action?: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    database.db,
    action ? sql`select count(*)::int as n from audit_log where action = ${action}` : sql`select count(*)::int as n from audit_log`,
  );
  return Number(rows[0].n);
}
