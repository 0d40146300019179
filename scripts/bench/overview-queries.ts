/**
 * The year at a glance's database cost beside the finance review queue's (issue 15 item 5), in one
 * process on one pg pool, signed in as the provincial finance reviewer:
 *   - the overview's figures as the page reads them (lib/overview/figures.ts: the tallies);
 *   - the finance review queue's page and capped count (lib/objective/queries.ts listObjectives);
 *   - for scale, the same figures counted live from the objectives, disclosures, warnings and
 *     self-evaluations (the recount of lib/overview/verify.ts) — what the page would cost without
 *     the tallies.
 * Prints median and p95 of 40 runs after 5 warm-ups; the EXPLAIN ANALYZE of the overview's
 * by-region sum. Run with `--conditions=react-server` (lib/ modules are server-only):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bpm_scale node --conditions=react-server --import tsx scripts/bench/overview-queries.ts
 */
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { checkSession } from "@/lib/auth/session";
import { objectiveListParams } from "@/lib/objective/params";
import { listObjectives } from "@/lib/objective/queries";
import { overviewFigures, overviewYears } from "@/lib/overview/figures";
import { overviewRecount } from "@/lib/overview/verify";

const database = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 4 });
const db = database.db;
const [u] = await queryRows<{ id: number }>(db, sql`select id from users where lower(username) = 'reviewer'`);
const [s] = await queryRows<{ id: string }>(db, sql`insert into auth_sessions (user_id, expires_at) values (${u.id}, now() + interval '1 hour') returning id`);
const check = await checkSession(db, s.id);
if (!check.ok) throw new Error("session");
const actor = check.actor;
const { current } = await overviewYears(db, actor);
const year = current ?? new Date().getFullYear();
const scale = (await queryRows<{ o: number; t: number }>(db, sql`select (select count(*) from objectives)::int as o, (select count(*) from overview_tallies)::int as t`))[0];
console.log(`${scale.o.toLocaleString("en")} objectives, ${scale.t.toLocaleString("en")} tally rows; fiscal year ${year}; reader ${actor.username} (${actor.regionName})`);

async function time(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`| ${name} | ${ms[20].toFixed(2)} | ${ms[38].toFixed(2)} |`);
}
console.log("| query | median ms | p95 ms |\n| --- | ---: | ---: |");
await time("overview figures (tallies)", () => overviewFigures(db, actor, year));
await time("finance review queue (page + capped count)", () => listObjectives(db, actor, { ...objectiveListParams.parse({}), queue: "finance" }));
await time("the same figures counted live (recount)", () => queryRows(db, sql`select count(*) from (${overviewRecount()}) q`));

const plan = await queryRows<{ "QUERY PLAN": string }>(
  db,
  sql`explain (analyze, buffers off, timing on) select case when t.region_id = ${actor.regionId} then ${actor.regionId} else split_part(substr(r.path, ${actor.regionPath.length + 1}), '/', 1)::int end as bucket,
        sum(t.n_approved), sum(t.amount_approved) from overview_tallies t join regions r on r.id = t.region_id
       where t.fiscal_year = ${year} and r.path like ${`${actor.regionPath}%`} group by 1`,
);
console.log(`\nEXPLAIN ANALYZE, the by-region sum:\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
await queryRows(db, sql`delete from auth_sessions where id = ${s.id}`);
await database.close();
