/**
 * Benchmark: indicator-bank search and list at 10,000 and 50,000 indicators.
 * Prints median and p95 latency of each query (milliseconds), measured around the query call
 * as the page makes it (lib/indicator/queries.ts), plus the plan of the search query.
 *
 *   npm run bench:indicators                       # PostgreSQL server at DATABASE_URL (or 127.0.0.1:5432)
 *   BENCH_DRIVER=pglite npm run bench:indicators   # the embedded database
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { BANK_INDICATORS } from "../db/seed-indicator-bank";
import { indicators } from "../db/schema";
import { indicatorGrams } from "../lib/indicator/grams";
import { listIndicators, type IndicatorListParams } from "../lib/indicator/queries";

const SIZES = (process.env.BENCH_SIZES ?? "10000,50000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const driver = process.env.BENCH_DRIVER === "pglite" ? "pglite" : "pg";
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const QUALIFIERS = ["", "（省级）", "（市县）", "（农村）", "（城区）", "（重点领域）", "（年度）", "（试点）", "（专项）", "（补助）"];

async function fill(database: Database, n: number) {
  const batch: (typeof indicators.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    const [code, name, level1, level2, kind, sector, unit, comparison, formula, reference] = BANK_INDICATORS[i % BANK_INDICATORS.length];
    const round = Math.floor(i / BANK_INDICATORS.length);
    const variant = `${name}${QUALIFIERS[round % QUALIFIERS.length]}${round >= QUALIFIERS.length ? round : ""}`;
    batch.push({
      code: round ? `${code}-${round}` : code,
      name: variant,
      level1,
      level2,
      kind,
      sector,
      unit,
      comparison,
      formula,
      referenceValues: reference ? { standard: reference } : null,
      status: i % 23 === 0 ? "retired" : "active",
      searchGrams: indicatorGrams({ name: variant, formula, sector }),
    });
    if (batch.length === 1000) await database.db.insert(indicators).values(batch.splice(0));
  }
  if (batch.length) await database.db.insert(indicators).values(batch);
  await database.db.execute(sql`analyze indicators`);
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: at(0.5), p95: at(0.95) };
}

const CASES: [string, IndicatorListParams][] = [
  ["list, first page (sorted by code)", { pageSize: 20 }],
  ["list, page 40 sorted by name", { page: 40, pageSize: 20, sort: "name" }],
  ["filter: sector 交通运输 + 产出", { sector: "交通运输", level1: "output" }],
  ["search: 公路", { q: "公路" }],
  ["search: 满意度", { q: "满意度" }],
  ["search: 两词 农村 公路", { q: "农村 公路" }],
  ["search + filter: 率 in 卫生健康", { q: "覆盖率", sector: "卫生健康" }],
];

async function main() {
  console.log(`indicator bank benchmark · driver ${driver} · ${RUNS} runs per query · ${new Date().toISOString()}`);
  for (const n of SIZES) {
    let database: Database;
    let drop = async () => {};
    if (driver === "pg") {
      const name = `bpm_bench_${n}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(server);
      url.pathname = `/${name}`;
      database = await openDatabase({ url: url.toString(), poolSize: 2 });
      await migrateDatabase(database, url.toString());
      drop = async () => {
        await database.close();
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    } else {
      database = await openDatabase({ dataDir: "memory://" });
      await migrateDatabase(database);
      drop = () => database.close();
    }
    const t0 = performance.now();
    await fill(database, n);
    console.log(`\n${n.toLocaleString("en")} indicators (loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    console.log("query".padEnd(40) + "rows".padStart(8) + "median ms".padStart(12) + "p95 ms".padStart(10));
    for (const [label, params] of CASES) {
      const samples: number[] = [];
      let total = 0;
      for (let r = 0; r < RUNS + 5; r++) {
        const a = performance.now();
        const res = await listIndicators(database.db, params);
        if (r >= 5) samples.push(performance.now() - a);
        total = res.total;
      }
      const { median, p95 } = stats(samples);
      console.log(label.padEnd(40) + String(total).padStart(8) + median.toFixed(2).padStart(12) + p95.toFixed(2).padStart(10));
    }
    const plan = await queryRows<{ "QUERY PLAN": string }>(
      database.db,
      sql`explain select id from indicators where is_current and search_grams @> array['公路']::text[] and name ilike '%公路%' limit 20`,
    );
    console.log("plan of the search:", plan.map((p) => p["QUERY PLAN"].trim()).slice(0, 4).join(" | "));
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
