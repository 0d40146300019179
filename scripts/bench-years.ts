/**
 * Ten years against one (issue 21 item 2, item 4's start time; figures in docs/PERFORMANCE.md).
 *
 *   npx tsx scripts/bench-years.ts --ten bpm_ten --one bpm_scale [--demo bpm_years_demo] [--seconds 10] [--connections 10] [--only <text>,…]
 *
 * Starts the production build (`next build` first) twice, one process on each database (ports
 * 3400 and 3402), and for every screen runs the load generator (scripts/bench/load.ts) against
 * the one-year database and then the ten-year one, back to back, so both figures come from the
 * same minute of the same machine. Each screen's ratio is its req/s ÷ the empty page's req/s of
 * the same database's process; the last column is the ten-year ratio ÷ the one-year ratio
 * (goal: ≥ 0.90). With --demo, it first times the app's start — `next start` spawned to the first
 * 200 from /api/health — three times on each database (the demo one created, migrated and seeded
 * if missing; --starts-only stops there). Databases are names on DATABASE_URL's server (default 127.0.0.1:5432, user postgres).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { portalHref } from "@/lib/disclosure/portal-path";
import { request } from "./bench/http";
import { signIn } from "./bench/sign-in";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const SECONDS = Number(arg("seconds") ?? 10);
const CONNECTIONS = Number(arg("connections") ?? 10);
const ONLY = arg("only")?.split(",");
const server = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const urlOf = (db: string) => {
  const u = new URL(server);
  u.pathname = `/${db}`;
  return u.toString();
};
const TEN = arg("ten") ?? "bpm_ten";
const ONE = arg("one") ?? "bpm_scale";
const DEMO = arg("demo");
const SECRET = process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production-0123456789";

const children: ChildProcess[] = [];
const stop = (c: ChildProcess) => {
  try {
    process.kill(-c.pid!, "SIGTERM");
  } catch {
    /* gone */
  }
};
process.on("exit", () => children.forEach(stop));
process.on("SIGINT", () => process.exit(130));

interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}
function runLoad(url: string, headers: Record<string, string>, seconds = SECONDS): Load {
  const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/load.ts", JSON.stringify({ url, headers, seconds, connections: CONNECTIONS })], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** Spawns `next start` on a database and waits for /api/health to answer 200: returns the process and the milliseconds it took. */
async function start(db: string, port: number): Promise<{ app: ChildProcess; ms: number }> {
  const base = `http://127.0.0.1:${port}`;
  if (await request(`${base}/`).then(() => true, () => false)) throw new Error(`port ${port} is in use`);
  const t0 = performance.now();
  const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: urlOf(db), NEXTAUTH_URL: base, NEXTAUTH_SECRET: SECRET, PUBLIC_API_RATE_PER_MINUTE: "1000000000" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(app);
  for (const until = Date.now() + 300_000; Date.now() < until; ) {
    const ok = await request(`${base}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) return { app, ms: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${db}: /api/health did not answer 200 within 300 s`);
}
async function halt(app: ChildProcess) {
  stop(app);
  await new Promise((r) => setTimeout(r, 1500));
}

async function screensOf(db: string, base: string) {
  const client = new pg.Client({ connectionString: urlOf(db) });
  await client.connect();
  try {
    const scale = (
      await client.query(`select (select count(*) from objectives)::int as objectives, (select count(*) from objective_indicators)::int as indicators,
                                 (select count(*) from monitoring_report_indicators)::int as lines, (select count(*) from audit_log)::int as audit,
                                 (select count(distinct fiscal_year) from objectives)::int as years, pg_size_pretty(pg_database_size(current_database())) as size`)
    ).rows[0];
    // The newest year's first approved generated objective: what a reviewer opens today.
    const subject = (
      await client.query(`select o.id from objectives o join orgs u on u.id = o.owner_org_id where o.state = 'approved' and u.code like 'G%' order by o.fiscal_year desc, o.id limit 1`)
    ).rows[0].id;
    const { rows } = await client.query(
      `select d.id, g.region_id, o.fiscal_year from disclosures d join orgs g on g.id = d.owner_org_id join objectives o on o.id = d.objective_id
        where d.withdrawn_at is null and g.code like 'G%' order by o.fiscal_year desc, d.id limit 1`,
    );
    const reviewer = await signIn(base, "reviewer");
    const admin = await signIn(base, "admin");
    const screens: { name: string; path: string; cookie?: string }[] = [
      { name: "empty page (floor)", path: "/floor" },
      { name: "signed-in empty page (floor)", path: "/floor/signed-in", cookie: reviewer },
      { name: "finance review queue", path: "/review/finance", cookie: reviewer },
      { name: "declaration page", path: `/objectives/${subject}`, cookie: reviewer },
      { name: "indicator-bank search", path: `/indicators?q=${encodeURIComponent("公路")}`, cookie: reviewer },
      { name: "projects list", path: "/projects", cookie: reviewer },
      { name: "monitoring reports", path: "/monitoring", cookie: reviewer },
      { name: "monitoring warnings table", path: "/warnings", cookie: reviewer },
      { name: "warnings charts (counts)", path: "/warnings/charts", cookie: reviewer },
      { name: "audit log (admin)", path: "/admin/audit", cookie: admin },
      { name: "public landing page (cached)", path: "/portal" },
      { name: "public list (cached)", path: "/portal/objectives" },
      { name: "public API list (cached)", path: "/api/public/v1/objectives?limit=20" },
      { name: "public downloads page 数据下载 (cached)", path: "/portal/data" },
    ];
    if (rows[0]) {
      screens.push({ name: "public list, filtered (cached)", path: portalHref("list", { year: String(rows[0].fiscal_year), regionId: String(rows[0].region_id), page: "2" }) });
      screens.push({ name: "public objective page (cached)", path: `/portal/objectives/${rows[0].id}` });
    }
    return { scale, screens: ONLY ? screens.filter((s, i) => i < 2 || ONLY.some((o) => s.name.includes(o))) : screens };
  } finally {
    await client.end();
  }
}

async function main() {
  if (argv.includes("--build") || !fs.existsSync(".next/BUILD_ID")) {
    console.log("building the production app (next build)…");
    execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
  }

  // ── Start time: spawn to the first 200 from /api/health, three times on each database ──
  if (DEMO) {
    const admin = new pg.Client({ connectionString: urlOf("postgres") });
    await admin.connect();
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [DEMO])).rowCount;
    if (!exists) await admin.query(`create database ${DEMO.replace(/[^a-z0-9_]/g, "")}`);
    await admin.end();
    const starts: string[] = [];
    // The first start on the demo database migrates and seeds it; only the later ones are the start time.
    if (!exists) await halt((await start(DEMO, 3400)).app);
    for (const db of [DEMO, ONE, TEN]) {
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = await start(db, 3400);
        ms.push(s.ms);
        await halt(s.app);
      }
      starts.push(`| ${db} | ${ms.map((m) => (m / 1000).toFixed(2)).join(" / ")} | ${(ms.sort((a, b) => a - b)[1] / 1000).toFixed(2)} |`);
      console.log(`  start on ${db}: ${ms.map((m) => m.toFixed(0)).join(", ")} ms`);
    }
    console.log(`\n| database | next start → first /api/health 200, s (three starts) | median s |\n| --- | --- | ---: |\n${starts.join("\n")}\n`);
  }

  if (argv.includes("--starts-only")) return;
  // ── Screens: the one-year and the ten-year process side by side ──
  const one = await start(ONE, 3400);
  const ten = await start(TEN, 3402);
  const targets = [
    { db: ONE, base: "http://127.0.0.1:3400", ...(await screensOf(ONE, "http://127.0.0.1:3400")) },
    { db: TEN, base: "http://127.0.0.1:3402", ...(await screensOf(TEN, "http://127.0.0.1:3402")) },
  ];
  for (const t of targets) {
    const s = t.scale;
    console.log(`${t.db}: ${s.years} fiscal years, ${s.objectives.toLocaleString("en")} objectives, ${s.indicators.toLocaleString("en")} indicator rows, ${s.lines.toLocaleString("en")} monitoring lines, ${s.audit.toLocaleString("en")} audit rows, ${s.size}`);
  }
  const results: { name: string; one: Load; ten: Load }[] = [];
  for (let i = 0; i < targets[0].screens.length; i++) {
    const got: Load[] = [];
    for (const t of targets) {
      const s = t.screens.find((x) => x.name === targets[0].screens[i].name)!;
      const headers: Record<string, string> = s.cookie ? { cookie: s.cookie } : {};
      const t0 = performance.now();
      const check = await request(`${t.base}${s.path}`, { headers });
      if (check.status !== 200) throw new Error(`${t.db} ${s.name}: ${s.path} answered ${check.status}, not 200`);
      const first = performance.now() - t0;
      runLoad(`${t.base}${s.path}`, headers, 2); // warm-up
      got.push(runLoad(`${t.base}${s.path}`, headers));
      console.log(`  ${t.db} ${s.name}: first request ${first.toFixed(0)} ms, ${got[got.length - 1].rps.toFixed(1)} req/s`);
    }
    results.push({ name: targets[0].screens[i].name, one: got[0], ten: got[1] });
  }
  await halt(one.app);
  await halt(ten.app);

  const floorOne = results[0].one.rps;
  const floorTen = results[0].ten.rps;
  const f = (n: number) => n.toFixed(1);
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per screen and database, ${new Date().toISOString()}\n`);
  console.log(`| screen | one year req/s | p50 / p99 ms | ÷ empty page | ten years req/s | p50 / p99 ms | ÷ empty page | ten ÷ one (ratios) | errors |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const r of results) {
    const a = r.one.rps / floorOne;
    const b = r.ten.rps / floorTen;
    console.log(
      `| ${r.name} | ${f(r.one.rps)} | ${f(r.one.p50)} / ${f(r.one.p99)} | ${a.toFixed(2)} | ${f(r.ten.rps)} | ${f(r.ten.p50)} / ${f(r.ten.p99)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)}${b / a < 0.9 ? " ✗" : ""} | ${r.one.errors + r.one.non2xx} / ${r.ten.errors + r.ten.non2xx} |`,
    );
  }
  fs.mkdirSync("test-output", { recursive: true });
  fs.writeFileSync("test-output/bench-years.json", JSON.stringify({ at: new Date().toISOString(), targets: targets.map((t) => ({ db: t.db, scale: t.scale })), results }, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  children.forEach(stop);
  process.exit(1);
});
