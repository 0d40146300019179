/**
 * Benchmark: computing an assessment round (绩效管理工作考核) over every assessed organisation of a
 * province — one grouped query per (kind, indicator) — on whatever database DATABASE_URL points at
 * (the generator's province: 200,000 subjects, 2,088 departments, 133 regions), or, without it, on
 * a fresh embedded database with the demo data. Writes nothing: the figures are computed in memory
 * exactly as a round computes them (lib/assessment/rounds.ts computeFigures), under the default
 * framework. Prints the time of each query and the total.
 *
 *   DATABASE_URL=postgres://… npm run bench:assessment [-- --year 2026]
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemoData } from "../db/seed";
import { DEFAULT_FRAMEWORK } from "../lib/assessment/framework";
import { computeFigures } from "../lib/assessment/rounds";

async function main() {
  const url = process.env.DATABASE_URL;
  const database = url ? await openDatabase({ url, poolSize: 2 }) : await openDatabase({ dataDir: "memory://" });
  if (!url) {
    await migrateDatabase(database);
    await seedDemoData(database.db);
  }
  const db = database.db;
  const [province] = await queryRows<{ id: number; path: string; name: string }>(
    db,
    sql`select r.id, r.path, r.name from regions r where r.parent_id is null order by (select count(*) from orgs o where o.region_id = r.id) desc limit 1`,
  );
  const yearArg = process.argv.indexOf("--year");
  const [{ year }] = await queryRows<{ year: number }>(db, sql`select coalesce(max(fiscal_year), extract(year from now())::int) as year from objectives`);
  const fiscalYear = yearArg > 0 ? Number(process.argv[yearArg + 1]) : Number(year);
  const [counts] = await queryRows<{ objectives: number; departments: number; regions: number }>(
    db,
    sql`select (select count(*) from objectives where fiscal_year = ${fiscalYear})::int as objectives,
               (select count(*) from orgs where kind = 'department' and region_id = ${province.id})::int as departments,
               (select count(*) from regions)::int as regions`,
  );
  console.log(`database: ${url ? url.replace(/\/\/[^@]*@/, "//…@") : "embedded PGlite with the demo data (no DATABASE_URL)"}`);
  console.log(`province ${province.name}, fiscal year ${fiscalYear}: ${counts.objectives} objectives, ${counts.departments} departments of the province, ${counts.regions} regions`);
  for (let run = 1; run <= 2; run++) {
    const started = performance.now();
    let last = started;
    const steps: string[] = [];
    const results = await computeFigures(db, DEFAULT_FRAMEWORK, { regionId: province.id, regionPath: province.path, fiscalYear }, new Map(), async (done, total) => {
      const now = performance.now();
      if (done > 0) steps.push(`${done}/${total} ${(now - last).toFixed(0)} ms`);
      last = now;
    });
    const ms = performance.now() - started;
    console.log(`run ${run}: ${results.length} assessed organisations, ${steps.length} grouped queries, total ${ms.toFixed(0)} ms`);
    console.log(`  per query: ${steps.join(" · ")}`);
  }
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
