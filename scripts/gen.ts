/**
 * Province-scale data generator (issue #8, DESIGN §6).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bpm_scale npm run gen -- --subjects 200000 --years 1
 *
 * Fills a PostgreSQL database with a realistic province on top of the demo data (so every demo
 * account still signs in): 19 more cities with counties, their finance bureaus, line departments
 * and units, a filer / reviewer per organisation, projects across tiers and categories, and per
 * fiscal year an objective per subject with a 6–14 row indicator table taken from the bank, in
 * every workflow state, with the reviews that got it there. Deterministic from --seed. Rows are
 * written in bulk (one `insert … select unnest(…)` per 5,000 rows) with explicit ids, inside one
 * transaction, with a progress bar. `--recreate` drops and recreates the database first.
 *
 * `--subjects` counts the subjects of one year; `--years N` writes N fiscal years up to
 * `--last-year` as one history, oldest first — each year's declarations and reviews, then its
 * monitoring and the audit rows of both — with projects that run their span and are replaced,
 * departments every year, budgets and grades drifting (scripts/gen/province.ts). At the end it
 * prints the counts, the time and the database's size. Ten years: docs/PERFORMANCE.md.
 */
import pg from "pg";
import cliProgress from "cli-progress";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { checkIntegrity } from "@/lib/integrity";
import { generateInYear } from "./gen/in-year";
import { generateProvince, type GenOptions } from "./gen/province";

function parseArgs(argv: string[]): GenOptions & { recreate: boolean } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    subjects: Number(get("subjects") ?? 200_000),
    years: Number(get("years") ?? 1),
    seed: Number(get("seed") ?? 20261122),
    lastYear: Number(get("last-year") ?? 2027),
    recreate: argv.includes("--recreate"),
  };
}

async function main() {
  // A bulk load with explicit ids and setval: as the owner of the tables when there are two roles.
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("npm run gen needs DATABASE_URL (a PostgreSQL server database).");
  const opts = parseArgs(process.argv.slice(2));
  if (!(opts.subjects > 0) || !(opts.years > 0)) throw new Error("--subjects and --years must be positive numbers");
  const started = Date.now();

  if (opts.recreate) {
    const target = new URL(url);
    const name = target.pathname.slice(1);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to recreate a database named ${name}`);
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
    await c.end();
  }

  const database = await openDatabase({ url, poolSize: 2 });
  await migrateDatabase(database, url);
  await seedDemoData(database.db, { onlyIfEmpty: true });

  const client = new pg.Client({ connectionString: url });
  client.on("error", (e) => console.error(e.message));
  await client.connect();
  const { rows } = await client.query("select count(*)::int as n from orgs where code like 'G%'");
  if (rows[0].n > 0) throw new Error("This database already holds generated data; use --recreate to start again.");

  const bar = new cliProgress.SingleBar(
    { format: "{stage} |{bar}| {percentage}% · {value}/{total} rows · {duration_formatted}", hideCursor: true, fps: 5, noTTYOutput: true, notTTYSchedule: 10_000 },
    cliProgress.Presets.shades_classic,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await client.query("begin");
  await client.query("set local synchronous_commit = off");
  // Year by year, oldest first: the year's declarations and reviews, then its monitoring — so ids and the audit log run in time order.
  const inYear: Record<string, number> = {};
  const counts: Record<string, number> = {
    ...(await generateProvince(client, opts, passwordHash, bar, {
      afterYear: async (year) => {
        for (const [k, v] of Object.entries(await generateInYear(client, opts, bar, { years: [year], disclose: false }))) inYear[k] = (inYear[k] ?? 0) + v;
      },
    })),
  };
  const auditRows = (counts["audit rows"] ?? 0) + (inYear["audit rows"] ?? 0);
  const { disclosures } = await generateInYear(client, opts, bar, { years: [] }); // every year's approved subjects, half of them
  Object.assign(counts, inYear, { disclosures, "audit rows": auditRows });
  await client.query("commit");
  bar.stop();
  const loaded = ((Date.now() - started) / 1000).toFixed(1);
  await client.query("analyze");
  const size = (await client.query("select pg_size_pretty(pg_database_size(current_database())) as s")).rows[0].s;
  await client.end();

  const findings = await checkIntegrity(database.db);
  await database.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nGenerated ${opts.years} year(s) of ${opts.subjects.toLocaleString("en")} subjects in ${seconds} s (rows written in ${loaded} s, then analyze and the integrity checks; seed ${opts.seed}); database size ${size}:`);
  for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(22)} ${v.toLocaleString("en")}`);
  const broken = findings.filter((f) => f.violations > 0);
  console.log(`Integrity: ${findings.length - broken.length}/${findings.length} checks hold`);
  for (const f of broken) console.log(`  ✗ ${f.check}: ${f.violations} (e.g. ${f.sample.join(", ")}) — ${f.description}`);
  if (broken.length) process.exit(1);
}

main().catch((e) => {
  console.error(e instanceof Error ? `${e.message}${(e as { detail?: string }).detail ? ` — ${(e as { detail?: string }).detail}` : ""}` : e);
  process.exit(1);
});
