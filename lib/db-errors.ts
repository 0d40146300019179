import { msg } from "@/lib/i18n/core";
/** True when a database error (possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: string }).code === "23505") return true;
  }
  return false;
}

/** A PostgreSQL error as the drivers throw it (pg's DatabaseError, PGlite's), found under Drizzle's wrapper. */
interface PgError {
  code: string;
  message: string;
}

function pgErrorOf(e: unknown): PgError | null {
  for (let cur: unknown = e; cur && typeof cur === "object"; cur = (cur as { cause?: unknown }).cause) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof message === "string") return { code, message };
  }
  return null;
}

/** The SQLSTATE of a database error (possibly wrapped by Drizzle), or undefined. */
export function pgErrorCode(e: unknown): string | undefined {
  return pgErrorOf(e)?.code;
}

/**
 * SQLSTATEs that input the schemas should have refused can still cause: the caller's request was
 * bad, not the server. 22021/22P05 a NUL or an untranslatable character, 22007/22008 a date that
 * does not exist, 22001 too long, 22P02/22003 not a number or out of range, 23503 a reference to
 * a row that does not exist (23505, a duplicate, is a conflict).
 */
const INPUT_ERRORS: Record<string, "invalid_input" | "conflict"> = {
  "22021": "invalid_input",
  "22P05": "invalid_input",
  "22007": "invalid_input",
  "22008": "invalid_input",
  "22001": "invalid_input",
  "22P02": "invalid_input",
  "22003": "invalid_input",
  "23503": "invalid_input",
  "23505": "conflict",
};
export function inputErrorCode(e: unknown): "invalid_input" | "conflict" | null {
  const code = pgErrorCode(e);
  return (code && INPUT_ERRORS[code]) || null;
}

/** What the form says about such an error (a message reference, lib/i18n/core msg()). */
export function inputErrorMessage(e: unknown): string {
  const code = pgErrorCode(e);
  if (code === "23503") return msg("rules.dbMissingRef");
  if (code === "23505") return msg("rules.dbDuplicate");
  return msg("rules.dbUnstorable");
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

/**
 * One line for the server log about an error, never the values a query carried: for a database
 * error its SQLSTATE, its message (cut short) and the query text; not Drizzle's message (which
 * lists the parameters: a password hash, whatever a user typed), not the server's `detail`
 * (which quotes the offending values). Any other error: its name and message, cut short, and the
 * first frames of its stack.
 */
export function describeError(e: unknown): string {
  const pg = pgErrorOf(e);
  if (pg) {
    const query = (e as { query?: unknown }).query;
    // The server's message may end by quoting the value it refused (`…: "2027-02-30"`): dropped.
    const message = pg.message.replace(/\s+/g, " ").replace(/: ".*"$/, ': "…"');
    return `database error ${pg.code}: ${cut(message, 200)}${typeof query === "string" ? ` | query: ${cut(query.replace(/\s+/g, " "), 500)}` : ""}`;
  }
  if (e instanceof Error) {
    // Drizzle's wrapper without a driver error under it still lists the parameters in its message.
    const query = (e as { query?: unknown }).query;
    if (typeof query === "string") return `database error: query: ${cut(query.replace(/\s+/g, " "), 500)}`;
    const frames = (e.stack ?? "").split("\n").slice(1, 9).join("\n");
    return `${e.name}: ${cut(e.message.replace(/\s+/g, " "), 300)}${frames ? `\n${frames}` : ""}`;
  }
  return cut(String(e).replace(/\s+/g, " "), 300);
}
