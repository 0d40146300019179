/**
 * The province-scale benchmark (issue #8; method and figures in docs/PERFORMANCE.md).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bpm_scale npm run gen -- --subjects 200000 --recreate
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bpm_scale npm run bench
 *
 * Starts the production build (building it first if there is none) against the database,
 * signs in, and for each main screen runs the load generator (scripts/bench/load.ts, autocannon)
 * as a separate process on 127.0.0.1 for a fixed time. In the same run it measures the floors:
 * an empty dynamic page of the same app (/floor), the same empty page in the signed-in shell
 * (/floor/signed-in: the session checked, the navigation rendered) and a bare Node HTTP server
 * running the review queue's main query on pg (scripts/bench/bare-server.ts). Prints req/s and
 * p50/p95/p99 for each, each screen's ratio to the floors, and the signed-in shell's JavaScript
 * (scripts/bench/js-size.ts); writes test-output/bench.json.
 * Each screen served from the cache (the portal's pages, the open-data API's list) is checked
 * against the goal of at least 2× the empty page of the same run. The app runs with the public
 * API's rate limit raised (PUBLIC_API_RATE_PER_MINUTE, unless set): the load generator is one
 * address, which the limit would otherwise answer 429 after 120 requests.
 * Options: --connections 10 --seconds 10 --port 3400 --build (rebuild first)
 *          --only <text>[,<text>…] (only the screens whose name contains one, with the two empty pages; no floor
 *          of bare pg, no concurrent submissions — for looking at one screen while working on it)
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { request } from "./bench/http";
import { signIn } from "./bench/sign-in";
import { extraScreens } from "./bench/screens";
import { kb, pageJs } from "./bench/js-size";
import { submitConcurrently } from "./bench/submit";
import { pageWeight } from "./bench/weight";

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const ONLY = argv.includes("--only") ? argv[argv.indexOf("--only") + 1].split(",") : undefined;
const CONNECTIONS = opt("connections", 10);
const SECONDS = opt("seconds", 10);
const PORT = opt("port", 3400);
const BARE_PORT = PORT + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const DB = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bpm_scale";
const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) {
    try {
      process.kill(-c.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  }
};
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

function runLoad(url: string, headers: Record<string, string>, seconds = SECONDS, connections = CONNECTIONS): LoadResult {
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/load.ts", JSON.stringify({ url, headers, seconds, connections })], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await request(url)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  if (argv.includes("--build") || !fs.existsSync(".next/BUILD_ID")) {
    console.log("building the production app (next build)…");
    execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
  }
  const client = new pg.Client({ connectionString: DB });
  await client.connect();
  const scale = (await client.query(`select (select count(*) from objectives)::int as objectives, (select count(*) from objective_indicators)::int as indicators`)).rows[0];
  console.log(`database: ${DB.replace(/\/\/[^@]*@/, "//")} — ${scale.objectives.toLocaleString("en")} objectives, ${scale.indicators.toLocaleString("en")} indicator rows`);

  for (const port of ONLY ? [PORT] : [PORT, BARE_PORT]) {
    const busy = await request(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (busy) throw new Error(`port ${port} is already in use: stop what runs there, or pass --port`);
  }
  const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: DB, NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production-0123456789", PUBLIC_API_RATE_PER_MINUTE: process.env.PUBLIC_API_RATE_PER_MINUTE ?? "1000000000" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(app);
  await waitFor(`${BASE}/api/health`);

  const reviewer = await signIn(BASE, "reviewer");
  const { rows: picked } = await client.query(
    `select o.id from objectives o join orgs u on u.id = o.owner_org_id where o.state = 'approved' and u.code like 'G%' order by o.id limit 1`,
  );
  const subjectId = picked[0]?.id ?? (await client.query(`select id from objectives where state = 'approved' order by id limit 1`)).rows[0].id;

  const screens: { name: string; path: string; cookie?: string }[] = [
    { name: "empty page (floor)", path: "/floor" },
    { name: "signed-in empty page (floor)", path: "/floor/signed-in", cookie: reviewer },
    { name: "finance review queue", path: "/review/finance", cookie: reviewer },
    // The landing page of finance and the readers: the province's year summed from the tallies the database keeps (lib/overview).
    { name: "year at a glance (overview)", path: "/overview", cookie: reviewer },
    { name: "declaration page", path: `/objectives/${subjectId}`, cookie: reviewer },
    { name: "indicator-bank search", path: `/indicators?q=${encodeURIComponent("公路")}`, cookie: reviewer },
  ];
  for (const extra of await extraScreens(client, BASE, reviewer)) screens.push(extra);
  if (ONLY) {
    const kept = screens.filter((s, i) => i < 2 || ONLY.some((part) => s.name.includes(part)));
    screens.splice(0, screens.length, ...kept);
  }

  const results: { name: string; path: string; result: LoadResult; weight?: { htmlKB: number; jsKB: number } }[] = [];
  for (const s of screens) {
    const headers: Record<string, string> = s.cookie ? { cookie: s.cookie } : {};
    const t0 = performance.now();
    const check = await request(`${BASE}${s.path}`, { headers });
    if (check.status !== 200) throw new Error(`${s.name}: ${s.path} answered ${check.status}, not 200`);
    // A cached page's first request builds its cache entry: what the first visitor after a disclosure waits.
    console.log(`  first request to ${s.name}: ${(performance.now() - t0).toFixed(0)} ms`);
    const weight = s.path.startsWith("/api/") ? undefined : await pageWeight(BASE, check.body);
    runLoad(`${BASE}${s.path}`, headers, 2); // warm-up
    const result = runLoad(`${BASE}${s.path}`, headers);
    results.push({ name: s.name, path: s.path, result, weight });
    console.log(`  measured ${s.name}: ${result.rps.toFixed(1)} req/s`);
  }
  let bareResult: LoadResult = { rps: NaN, p50: NaN, p95: NaN, p99: NaN, requests: 0, errors: 0, non2xx: 0 };
  if (!ONLY) {
    // The bare server needs a live session row for the same reviewer.
    const { rows: sess } = await client.query(
      `insert into auth_sessions (user_id, expires_at) select id, now() + interval '2 hours' from users where lower(username) = 'reviewer' returning id`,
    );
    // "react-server" makes the server-only guard of lib/ modules a no-op, as it is inside Next.
    const bare = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/bare-server.ts"], {
      env: { ...process.env, DATABASE_URL: DB, BENCH_SID: sess[0].id, PORT: String(BARE_PORT) },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    children.push(bare);
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
    runLoad(`http://127.0.0.1:${BARE_PORT}/`, {}, 2);
    bareResult = runLoad(`http://127.0.0.1:${BARE_PORT}/`, {});
    results.push({ name: "bare Node + pg, review-queue query (floor)", path: "(bare server)", result: bareResult });
  }

  const submit = ONLY ? "(submissions not measured with --only)" : await submitConcurrently(client, BASE, signIn);

  const floor = results[0].result.rps;
  const signedInFloor = results[1].result.rps;
  const ms = (n: number) => n.toFixed(1);
  const lines = [
    `| screen | req/s | p50 ms | p95 ms | p99 ms | errors | ÷ empty page | ÷ signed-in empty page | ÷ bare pg | HTML KB | JS KB gz |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...results.map(({ name, result: r, weight: w }) =>
      `| ${name} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors + r.non2xx} | ${(r.rps / floor).toFixed(2)} | ${(r.rps / signedInFloor).toFixed(2)} | ${(r.rps / bareResult.rps).toFixed(2)} | ${w ? w.htmlKB.toFixed(0) : ""} | ${w ? w.jsKB.toFixed(0) : ""} |`,
    ),
  ];
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, ${new Date().toISOString()}\n`);
  console.log(lines.join("\n"));
  // Issue 20's goal: the open-data API's list, answered from the cache, at least 2× the empty page of the same run, as the cached portal pages.
  for (const r of results.filter((x) => x.name.includes("(cached)"))) {
    const ratio = r.result.rps / floor;
    console.log(`${r.name}: ${ratio.toFixed(2)}× the empty page of this run (goal ≥ 2×: ${ratio >= 2 ? "met" : "MISSED"})`);
  }
  // Issue 15 item 5's goal: the overview at least as fast as the finance review queue of the same run.
  const queue = results.find((x) => x.name === "finance review queue");
  const overview = results.find((x) => x.name.startsWith("year at a glance"));
  if (queue && overview) {
    const ratio = overview.result.rps / queue.result.rps;
    console.log(`year at a glance: ${ratio.toFixed(2)}× the finance review queue of this run (goal ≥ 1×: ${ratio >= 1 ? "met" : "MISSED"})`);
  }
  console.log(`\n${submit}`);
  // What the signed-in shell makes the browser load (issue 18: at most 170 KB gzipped; printed, not asserted).
  const shellJs = await pageJs(BASE, "/floor/signed-in", reviewer);
  console.log(`signed-in shell JavaScript: ${kb(shellJs.gzip)} gzipped in ${shellJs.files.length} scripts (${kb(shellJs.raw)} raw; target ≤ 170 KB); its HTML ${kb(shellJs.html.gzip)} gzipped`);
  fs.mkdirSync("test-output", { recursive: true });
  if (!ONLY) fs.writeFileSync("test-output/bench.json", JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, scale, results, submit, shellJs: { gzip: shellJs.gzip, raw: shellJs.raw, html: shellJs.html } }, null, 2));
  await client.end();
  stopAll();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e, (e as { cause?: unknown }).cause ?? "");
  stopAll();
  process.exit(1);
});
