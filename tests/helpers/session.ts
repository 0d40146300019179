import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed";
import { changePassword } from "@/lib/actions/account/change-password";
import { authenticate } from "@/lib/auth/authenticate";
import { useDatabaseForTests } from "@/lib/db";

const current = globalThis as { __testSessionId?: string | null; __testSessionScope?: AsyncLocalStorage<string> };
current.__testSessionScope ??= new AsyncLocalStorage<string>();
const scope = current.__testSessionScope;

/**
 * Runs one call as this session, whatever other calls in flight do: what two people acting at the
 * same moment need. (actAsSession sets one id for every call, read when each reaches its session
 * check — after an await, so a second actAsSession before it would change the first call's user.)
 */
export function asSession<T>(sessionId: string, call: () => Promise<T>): Promise<T> {
  return scope.run(sessionId, call);
}

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

/**
 * Signs in a user whose password an administrator chose (who must change it first), changes it
 * through the real action, and signs in again with the new one, which it returns.
 */
export async function signInFirstTime(database: Database, username: string, password: string, newPassword = `${password}-own`): Promise<string> {
  await signInAs(database, username, password);
  const changed = await changePassword({ currentPassword: password, newPassword, confirmPassword: newPassword });
  if (!changed.ok) throw new Error(`first password change of ${username} failed: ${changed.message}`);
  await signInAs(database, username, newPassword);
  return newPassword;
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
