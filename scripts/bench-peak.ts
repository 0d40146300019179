/**
 * The deadline peak (issue 18; method and figures in docs/PERFORMANCE.md):
 *
 *   npm run bench:peak                       (needs the production build and nginx; builds if there is none)
 *   npm run bench:peak -- --filers 150 --think 2000 --ramp 10 --step-up
 *
 * The day before a declaration deadline, many unit filers work at once. This starts two app
 * processes (`next start` on two ports, one PostgreSQL database) behind nginx (round robin, no
 * sticky sessions; its configuration is written to a temporary folder, it runs in the foreground
 * and is stopped with the script), and simulates N filers, each a different unit's filer account
 * with a draft declaration of its own. Each filer, starting at a random moment of the ramp, does
 * what the browser does, with a think time between the steps:
 *
 *   1. opens the inbox (GET /inbox)
 *   2. opens the declaration wizard (GET /objectives/{id}/edit?step=2)
 *   3. saves step 2 (the saveDeclarationStep server action, as the wizard posts it)
 *   4. submits (the submitObjective server action)
 *
 * Prints p50/p95/p99 per step, the errors, and whether anything was lost: afterwards the database
 * must show every declaration in department review with exactly one submit audit row and its edit
 * counter up by exactly one. With --step-up, it then sends growing numbers of fresh filers to ONE
 * process directly (10, 25, 50, 100, …) until a step's p99 reaches 1 s: how many filers one process
 * carries.
 *
 * Data: a throwaway database (default bpm_peak, dropped and created again) with the demo seed plus
 * a generated province (`npm run gen`), whose units each have a filer account (gf…) and draft
 * declarations; --reuse keeps a database generated before (its drafts are used up as they are
 * submitted). Options: --filers 150 --think 2000 (mean ms between a filer's steps, uniform ±50 %)
 * --ramp 10 (s over which the filers start) --subjects 20000 (generated) --db bpm_peak
 * --ports 3308,3318 --lb 3328 --step-up --max-step 500.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { nginxConf } from "./bench/nginx";
import { actionId, type Draft } from "./bench/submit";
import { signIn } from "./bench/sign-in";

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const FILERS = Number(opt("filers", "150"));
const THINK = Number(opt("think", "2000"));
const RAMP = Number(opt("ramp", "10")) * 1000;
const SUBJECTS = Number(opt("subjects", "20000"));
const MAX_STEP = Number(opt("max-step", "500"));
const STEP_UP = argv.includes("--step-up");
const REUSE = argv.includes("--reuse");
const DB_NAME = opt("db", "bpm_peak");
if (!/^[a-z0-9_]+$/.test(DB_NAME)) throw new Error(`refusing a database named ${DB_NAME}`);
const PORTS = opt("ports", "3308,3318").split(",").map(Number);
const LB = Number(opt("lb", "3328"));
const SERVER = process.env.PG_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432";
const DB = `${SERVER}/${DB_NAME}`;
const LB_BASE = `http://127.0.0.1:${LB}`;
const SECRET = process.env.NEXTAUTH_SECRET ?? "bench-peak-secret-not-for-production-0123456789";
const STEPS = ["open inbox", "open wizard", "save step 2", "submit"] as const;
type Step = (typeof STEPS)[number];

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

/** Like a browser: kept-alive connections; a request that takes more than a minute is an error. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 60 s")));
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

async function up(url: string): Promise<boolean> {
  return send(url).then((r) => r.status === 200, () => false);
}
async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await up(url)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** Draft declarations of generated units, one per unit (so one per filer account), not yet taken. */
async function takeDrafts(client: pg.Client, n: number, taken: Set<number>): Promise<Draft[]> {
  const { rows } = await client.query<Draft>(
    `select distinct on (o.owner_org_id) o.id, o.version, u.username, v.edit_version as "editVersion",
            v.requested_amount as "requestedAmount", v.funding, v.fund_uses as "fundUses"
       from objectives o join orgs g on g.id = o.owner_org_id and g.code like 'G%' and g.kind = 'unit'
       join users u on u.org_id = g.id and u.username like 'gf%'
       join objective_versions v on v.id = o.current_version_id
      where o.state = 'draft' and o.subject_kind = 'project' and not (o.owner_org_id = any($1::int[]))
      order by o.owner_org_id, o.id limit $2`,
    [[...taken], n],
  );
  return rows;
}

/** Units whose filer already took part: a unit's filer works on one draft per run. */
async function ownersOf(client: pg.Client, drafts: Draft[]): Promise<number[]> {
  const { rows } = await client.query<{ o: number }>(`select owner_org_id as o from objectives where id = any($1)`, [drafts.map((d) => d.id)]);
  return rows.map((r) => r.o);
}

async function pool<T>(items: T[], width: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (i < items.length) await fn(items[i++]);
    }),
  );
}

function pct(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface RunResult {
  filers: number;
  wallMs: number;
  steps: Record<Step, { times: number[]; errors: number; firstError?: string }>;
  submitsOk: number;
  /** lost: told "submitted" but not in review; landedUntold: in review though the answer was an error (a timeout, a 502). */
  check: { inReview: number; submitAuditOnce: number; submitAuditMore: number; editedOnce: number; lost: number; landedUntold: number };
}

/**
 * N filers on `base`: each signs in first (not measured: a sign-in is an argon2 hash, not part of
 * the peak's work), then starts at a random moment of the ramp and walks the four steps with a
 * think time between them. Then the database is checked.
 */
async function run(client: pg.Client, base: string, drafts: Draft[], ids: { save: string; submit: string }): Promise<RunResult> {
  const cookies = new Map<number, string>();
  await pool(drafts, 4, async (d) => {
    cookies.set(d.id, await signIn(base, d.username));
  });
  const steps = Object.fromEntries(STEPS.map((s) => [s, { times: [] as number[], errors: 0 }])) as RunResult["steps"];
  const think = () => new Promise((r) => setTimeout(r, THINK * (0.5 + Math.random())));
  const action = (page: string, id: string, cookie: string, input: unknown) =>
    send(`${base}${page}`, {
      method: "POST",
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base, cookie },
      body: JSON.stringify([input]),
    });
  const submittedOk = new Set<number>();
  const timed = async (step: Step, fn: () => Promise<{ status: number; body: string }>, ok: (r: { status: number; body: string }) => boolean) => {
    const t0 = performance.now();
    let good = false;
    let detail = "";
    try {
      const r = await fn();
      good = ok(r);
      if (!good) detail = `${r.status} ${r.body.slice(0, 200)}`;
    } catch (e) {
      detail = e instanceof Error ? e.message : String(e);
    }
    steps[step].times.push(performance.now() - t0);
    if (!good) {
      steps[step].errors++;
      steps[step].firstError ??= detail;
    }
    return good;
  };
  const started = performance.now();
  await Promise.all(
    drafts.map(async (d) => {
      const cookie = cookies.get(d.id)!;
      await new Promise((r) => setTimeout(r, Math.random() * RAMP));
      await timed("open inbox", () => send(`${base}/inbox`, { headers: { cookie } }), (r) => r.status === 200 && r.body.includes("</html>"));
      await think();
      await timed("open wizard", () => send(`${base}/objectives/${d.id}/edit?step=2`, { headers: { cookie } }), (r) => r.status === 200 && r.body.includes("</html>"));
      await think();
      await timed(
        "save step 2",
        () => action(`/objectives/${d.id}/edit`, ids.save, cookie, { step: 2, objectiveId: d.id, editVersion: d.editVersion, data: { requestedAmount: d.requestedAmount, rows: d.funding, fundUses: d.fundUses ?? "" } }),
        (r) => r.status === 200 && r.body.includes('"ok":true'),
      );
      await think();
      const ok = await timed("submit", () => action(`/objectives/${d.id}`, ids.submit, cookie, { objectiveId: d.id, version: d.version }), (r) => r.status === 200 && r.body.includes('"ok":true'));
      if (ok) submittedOk.add(d.id);
    }),
  );
  const wallMs = performance.now() - started;
  for (const s of STEPS) steps[s].times.sort((a, b) => a - b);

  const objectiveIds = drafts.map((d) => d.id);
  const reviewed = new Set((await client.query<{ id: number }>(`select id from objectives where id = any($1) and state = 'dept_review'`, [objectiveIds])).rows.map((r) => r.id));
  const inReview = reviewed.size;
  const lost = [...submittedOk].filter((id) => !reviewed.has(id)).length;
  const landedUntold = [...reviewed].filter((id) => !submittedOk.has(id)).length;
  const audit = (
    await client.query<{ once: number; more: number }>(
      `select count(*) filter (where c = 1)::int as once, count(*) filter (where c > 1)::int as more from (
         select object_id, count(*) as c from audit_log where action = 'objective.submit' and object_type = 'objective' and object_id = any($1::text[]) group by object_id) x`,
      [objectiveIds.map(String)],
    )
  ).rows[0];
  const { rows: after } = await client.query<{ id: number; editVersion: number }>(
    `select o.id, v.edit_version as "editVersion" from objectives o join objective_versions v on v.id = o.current_version_id where o.id = any($1)`,
    [objectiveIds],
  );
  const before = new Map(drafts.map((d) => [d.id, d.editVersion]));
  const editedOnce = after.filter((r) => r.editVersion === before.get(r.id)! + 1).length;
  return { filers: drafts.length, wallMs, steps, submitsOk: submittedOk.size, check: { inReview, submitAuditOnce: audit.once, submitAuditMore: audit.more, editedOnce, lost, landedUntold } };
}

const ms = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : "—");
const worstP99 = (r: RunResult) => Math.max(...STEPS.map((s) => pct(r.steps[s].times, 0.99)));
const errorsOf = (r: RunResult) => STEPS.reduce((n, s) => n + r.steps[s].errors, 0);

function report(title: string, r: RunResult): string[] {
  const lines = [
    `${title}: ${r.filers} filers, think ${THINK} ms ±50 %, ramp ${RAMP / 1000} s, ${(r.wallMs / 1000).toFixed(1)} s in all`,
    "| step | requests | p50 ms | p95 ms | p99 ms | max ms | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...STEPS.map((s) => {
      const t = r.steps[s].times;
      return `| ${s} | ${t.length} | ${ms(pct(t, 0.5))} | ${ms(pct(t, 0.95))} | ${ms(pct(t, 0.99))} | ${ms(t.at(-1) ?? NaN)} | ${r.steps[s].errors} |`;
    }),
    `submits answered ok: ${r.submitsOk}/${r.filers}; in department review: ${r.check.inReview}/${r.filers}; ` +
      `exactly one submit audit row: ${r.check.submitAuditOnce}/${r.filers} (more than one: ${r.check.submitAuditMore}); ` +
      `edit counter up by exactly one: ${r.check.editedOnce}/${r.filers}`,
    `every submit landed exactly once: ${r.check.inReview === r.filers && r.check.submitAuditOnce === r.filers && r.check.submitAuditMore === 0 ? "yes" : "no"}; ` +
      `lost (told "submitted", not in review): ${r.check.lost}; doubled: ${r.check.submitAuditMore}; ` +
      `refused and not applied: ${r.filers - r.submitsOk - r.check.landedUntold}; landed though the answer was an error: ${r.check.landedUntold}`,
  ];
  for (const s of STEPS) if (r.steps[s].firstError) lines.push(`first error of "${s}": ${r.steps[s].firstError}`);
  return lines;
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("building the production app (next build)…");
    execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
  }
  for (const port of [...PORTS, LB]) if (await send(`http://127.0.0.1:${port}/`).then(() => true, () => false)) throw new Error(`port ${port} is in use: pass --ports / --lb`);

  const genStarted = Date.now();
  if (!REUSE) {
    console.log(`generating ${DB_NAME}: the demo seed plus a province of ${SUBJECTS} subjects (npm run gen)…`);
    execFileSync(process.execPath, ["--import", "tsx", "scripts/gen.ts", "--subjects", String(SUBJECTS), "--years", "1", "--recreate"], {
      env: { ...process.env, DATABASE_URL: DB, DATABASE_OWNER_URL: "" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    console.log(`generated in ${((Date.now() - genStarted) / 1000).toFixed(0)} s`);
  }
  const client = new pg.Client({ connectionString: DB });
  client.on("error", () => {});
  await client.connect();
  const available = (await client.query(
    `select count(distinct o.owner_org_id)::int as n from objectives o join orgs g on g.id = o.owner_org_id and g.code like 'G%' and g.kind = 'unit'
      join users u on u.org_id = g.id and u.username like 'gf%' where o.state = 'draft' and o.subject_kind = 'project'`,
  )).rows[0].n as number;
  console.log(`units with a generated filer and a draft declaration: ${available}`);
  if (available < FILERS) throw new Error(`only ${available} units have a draft; generate more (--subjects)`);

  for (const port of PORTS) {
    children.push(
      spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
        env: { ...process.env, DATABASE_URL: DB, NEXTAUTH_URL: LB_BASE, NEXTAUTH_SECRET: SECRET, TRUSTED_PROXIES: "127.0.0.1" },
        stdio: ["ignore", "ignore", "inherit"],
        detached: true,
      }),
    );
  }
  await Promise.all(PORTS.map((p) => waitFor(`http://127.0.0.1:${p}/api/health`)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-peak-nginx-"));
  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConf(dir, { ports: PORTS, listen: LB, workerConnections: 4096 }));
  const nginxBin = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  children.push(spawn(nginxBin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"], detached: true }));
  await waitFor(`${LB_BASE}/api/health`);
  const ids = { save: actionId("saveDeclarationStep"), submit: actionId("submitObjective") };

  // Warm both processes' routes (a first request compiles nothing in production, but fills caches and pools).
  const taken = new Set<number>();
  const warm = await takeDrafts(client, 2, taken);
  for (const o of await ownersOf(client, warm)) taken.add(o);
  for (const port of PORTS) {
    const c = await signIn(`http://127.0.0.1:${port}`, warm[0].username);
    for (const p of ["/inbox", `/objectives/${warm[0].id}/edit?step=2`]) await send(`http://127.0.0.1:${port}${p}`, { headers: { cookie: c } });
  }

  const out: string[] = [];
  const say = (lines: string[]) => {
    for (const l of lines) console.log(l);
    out.push(...lines, "");
  };
  const load = (await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(", ");
  say([`machine: ${os.cpus().length} cores, load average ${load} at the start`]);

  const drafts = await takeDrafts(client, FILERS, taken);
  for (const o of await ownersOf(client, drafts)) taken.add(o);
  const two = await run(client, LB_BASE, drafts, ids);
  say(report(`two processes behind nginx (:${LB} → :${PORTS.join(", :")})`, two));

  if (STEP_UP) {
    const one = `http://127.0.0.1:${PORTS[0]}`;
    const ladder = [10, 25, 50, 100, 150, 200, 300, 400, 500].filter((n) => n <= MAX_STEP);
    let carried = 0;
    const rows = ["| filers on one process | p99 of the slowest step, ms | errors | submits landed once |", "| ---: | ---: | ---: | ---: |"];
    for (const n of ladder) {
      const batch = await takeDrafts(client, n, taken);
      if (batch.length < n) {
        rows.push(`| ${n} | (only ${batch.length} drafts left: generate more) | | |`);
        break;
      }
      for (const o of await ownersOf(client, batch)) taken.add(o);
      const r = await run(client, one, batch, ids);
      const p99 = worstP99(r);
      rows.push(`| ${n} | ${ms(p99)} | ${errorsOf(r)} | ${r.check.submitAuditOnce}/${n} |`);
      console.log(`  one process, ${n} filers: slowest step's p99 ${ms(p99)} ms, ${errorsOf(r)} errors`);
      if (p99 >= 1000 || errorsOf(r) > 0) break;
      carried = n;
    }
    say([`one process (:${PORTS[0]}) stepped up until a step's p99 reached 1 s:`, ...rows, carried ? `one process carries ${carried} filers with every step's p99 under 1 s (the next step did not)` : `one process did not carry even ${ladder[0]} filers with every step's p99 under 1 s`]);
  }
  say([`machine: load average ${os.loadavg().map((x) => x.toFixed(2)).join(", ")} at the end`]);
  fs.mkdirSync("test-output", { recursive: true });
  fs.writeFileSync("test-output/bench-peak.md", out.join("\n"));
  await client.end();
  agent.destroy();
}

main().then(
  () => {
    stopAll();
    process.exit(0);
  },
  (e) => {
    console.error(e);
    stopAll();
    process.exit(1);
  },
);
