/**
 * Two app processes behind nginx, no sticky sessions (issue #8, docs/PERFORMANCE.md):
 *
 *   npm run cluster            (needs the production build, nginx and chromium from Debian)
 *
 * Creates a fresh database on the PostgreSQL server, starts two `next start` processes against it
 * at the same moment (both apply migrations: the advisory lock lets one do it), loads the demo
 * data, and puts nginx in front of them on 127.0.0.1 with plain round-robin. Then a browser signs
 * in through nginx and works a draft declaration — every request may land on either process —
 * and the script checks each process directly: the same session is valid on both, the saved
 * draft and the uploaded file are served by both, signing out ends the session on both, and a
 * cached public page changes on both at once when finance discloses. Prints one line per check;
 * exits 1 if any fails.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "playwright-core";
import { DEMO_PASSWORD } from "@/db/seed";
import { request } from "./bench/http";
import { nginxConf } from "./bench/nginx";
import { publicCacheChecks } from "./cluster-public";

const SERVER = process.env.PG_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432";
const DB_NAME = "bpm_cluster";
const DB = `${SERVER}/${DB_NAME}`;
const PORTS = [3410, 3411];
const LB = 3420;
const BASE = `http://127.0.0.1:${LB}`;
const SECRET = "cluster-check-secret-not-for-production-0123456789";
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

let failures = 0;
function check(ok: boolean, what: string, detail = "") {
  if (!ok) failures++;
  console.log(`${ok ? "✓" : "✗"} ${what}${detail ? ` — ${detail}` : ""}`);
}

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await request(url).then((r) => r.status, () => 0)) === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  for (const port of [...PORTS, LB]) {
    if (await request(`http://127.0.0.1:${port}/`).then(() => true, () => false)) throw new Error(`port ${port} is in use`);
  }
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  admin.on("error", () => {});
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();

  // Both processes start at once on the empty database.
  for (const port of PORTS) {
    const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
      // nginx on 127.0.0.1 appends the client's address to X-Forwarded-For (lib/auth/client-ip.ts).
      env: { ...process.env, DATABASE_URL: DB, NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: SECRET, TRUSTED_PROXIES: "127.0.0.1" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    children.push(app);
  }
  await Promise.all(PORTS.map((p) => waitFor(`http://127.0.0.1:${p}/api/health`)));
  execFileSync(process.execPath, ["--import", "tsx", "db/cli/seed.ts"], { env: { ...process.env, DATABASE_URL: DB }, stdio: "inherit" });
  const client = new pg.Client({ connectionString: DB });
  client.on("error", () => {});
  await client.connect();
  const migrations = (await client.query(`select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations`)).rows[0];
  check(migrations.n === migrations.d && migrations.n > 0, "two processes starting at once applied each migration once", `${migrations.n} migrations`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpm-nginx-"));
  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConf(dir, { ports: PORTS, listen: LB, accessLog: true, upstreamHeader: true }));
  const nginx = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(nginx);
  await waitFor(`${BASE}/api/health`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const upstreams = new Map<string, number>();
    page.on("response", (r) => {
      const u = r.headers()["x-upstream"];
      if (u) upstreams.set(u, (upstreams.get(u) ?? 0) + 1);
    });

    // Sign-in through the balancer: the CSRF token, the credentials POST and the redirect can each land on either process.
    await page.goto(`${BASE}/login`);
    await page.fill("#username", "filer");
    await page.fill("#password", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.getByRole("heading", { name: "待办事项" }).first().waitFor();
    check(true, "signed in as filer through nginx");

    const direct = (port: number, p: string) => context.request.get(`http://127.0.0.1:${port}${p}`, { maxRedirects: 0 });
    for (const port of PORTS) {
      const r = await direct(port, "/inbox");
      check(r.status() === 200, `the session is valid on the process at :${port}`, `GET /inbox → ${r.status()}`);
    }

    // A draft saved through the balancer, then read from each process.
    const { rows } = await client.query<{ id: number }>(
      `select o.id from objectives o join users u on u.org_id = o.owner_org_id where u.username = 'filer' and o.state = 'draft' order by o.id limit 1`,
    );
    const id = rows[0].id;
    const contact = `联系人${Date.now() % 100000}`;
    await page.goto(`${BASE}/objectives/${id}/edit?step=1`);
    const step1 = page.getByRole("form", { name: "项目基本信息" });
    await step1.locator('[name="contactName"]').fill(contact);
    await page.getByRole("button", { name: "保存并下一步" }).click();
    await page.getByRole("status").filter({ hasText: "上一步已保存" }).waitFor();
    for (const port of PORTS) {
      const html = await (await direct(port, `/objectives/${id}/edit?step=1`)).text();
      check(html.includes(contact), `the saved draft is served by :${port}`, `contact ${contact}`);
    }

    // An upload through the balancer, downloaded from each process.
    await page.goto(`${BASE}/objectives/${id}/edit?step=4`);
    const pdf = path.join(dir, "可行性研究报告.pdf");
    const pdfBytes = Buffer.from(
      ["%PDF-1.4", "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj", "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj", "trailer << /Root 1 0 R >>", "%%EOF", ""].join("\n"),
      "latin1",
    );
    fs.writeFileSync(pdf, pdfBytes);
    const upload = page.getByRole("form", { name: "上传附件" });
    await upload.getByLabel("附件类型").selectOption({ label: "可行性研究报告" });
    await upload.getByLabel("选择文件").setInputFiles(pdf);
    await upload.getByRole("button", { name: "上传", exact: true }).click();
    await page.getByText("附件已上传").waitFor();
    const att = (await client.query<{ id: number }>(`select a.id from attachments a join objectives o on o.current_version_id = a.version_id where o.id = $1 order by a.id desc limit 1`, [id])).rows[0];
    for (const port of PORTS) {
      const r = await direct(port, `/api/attachments/${att.id}`);
      const body = await r.body();
      check(r.status() === 200 && body.equals(pdfBytes), `the uploaded file is served by :${port}`, `${r.status()}, ${body.length} bytes`);
    }

    await publicCacheChecks({ context, client, ports: PORTS, check });

    // Sign-out through the balancer ends the session on both processes.
    await page.goto(`${BASE}/inbox`);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    for (const port of PORTS) {
      const r = await direct(port, "/inbox");
      check(r.status() >= 300 && r.status() < 400 && (r.headers().location ?? "").includes("/login"), `after sign-out the process at :${port} sends to sign-in`, `GET /inbox → ${r.status()}`);
    }
    const spread = [...upstreams].map(([u, n]) => `${u} ${n}`).join(", ");
    check(upstreams.size === PORTS.length, "nginx spread the browser's requests over both processes", spread);
  } finally {
    await browser.close();
    await client.end();
  }
  console.log(failures ? `\n${failures} check(s) failed` : "\nall checks passed");
  stopAll();
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  stopAll();
  process.exit(1);
});
