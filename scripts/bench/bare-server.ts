/**
 * The database's floor for the benchmark: a bare Node HTTP server (no framework) doing per
 * request what the finance review queue does — check the session row, then run the queue's
 * main query (lib/objective/queries.ts listObjectives) on a pg pool — and answering JSON.
 *
 *   DATABASE_URL=… BENCH_SID=<auth_sessions.id> PORT=3401 tsx scripts/bench/bare-server.ts
 */
import http from "node:http";
import { openDatabase } from "@/db/client";
import { checkSession } from "@/lib/auth/session";
import { objectiveListParams } from "@/lib/objective/params";
import { listObjectives } from "@/lib/objective/queries";

const database = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 10 });
const sid = process.env.BENCH_SID!;
const server = http.createServer(async (_req, res) => {
  try {
    const check = await checkSession(database.db, sid);
    if (!check.ok) throw new Error(`session ${check.reason}`);
    const page = await listObjectives(database.db, check.actor, { ...objectiveListParams.parse({}), queue: "finance" });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(page));
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
});
server.listen(Number(process.env.PORT ?? 3401), "127.0.0.1", () => console.log("ready"));
