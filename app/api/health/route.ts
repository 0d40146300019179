import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** How long the database has to answer `select 1` (opening it included) before the check says no. */
const TIMEOUT_MS = 3000;

let lastDown = false;

/**
 * Readiness: 200 once the database is open, migrated and answers `select 1` within a few
 * seconds; 503 with a short reason when it cannot (still opening, unreachable, closed, or too
 * slow). A load balancer and the browser tests (tests/e2e/run.mjs) wait on it. The reason never
 * carries the driver's message (host, user); the server log gets it once per outage.
 */
export async function GET() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), TIMEOUT_MS);
  });
  const probe = (async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return "ok" as const;
  })();
  let outcome: "ok" | "timeout" | "error";
  try {
    outcome = await Promise.race([probe, timeout]);
  } catch (e) {
    outcome = "error";
    // The driver's own error (Drizzle wraps it with the query and its parameters: never logged).
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    if (!lastDown) console.warn(`[health] database check failed: ${cause instanceof Error ? cause.message.slice(0, 200) : "unknown error"}`);
  } finally {
    clearTimeout(timer);
  }
  // A probe that loses the race must not end as an unhandled rejection.
  probe.catch(() => {});
  const headers = { "Cache-Control": "no-store" };
  if (outcome === "ok") {
    lastDown = false;
    return Response.json({ ok: true }, { headers });
  }
  if (outcome === "timeout" && !lastDown) console.warn(`[health] the database did not answer within ${TIMEOUT_MS} ms`);
  lastDown = true;
  const reason = outcome === "timeout" ? "database did not answer in time" : "database unavailable";
  return Response.json({ ok: false, reason }, { status: 503, headers });
}
