// Browser tests: starts the production build (`next build` first) on a fresh embedded database,
// drives Debian's chromium with playwright-core, saves screenshots under test-output/e2e/,
// and prints "N passed, N failed". Usage: npm run test:e2e
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { specs } from "./specs.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("test-output/e2e");
fs.mkdirSync(OUT, { recursive: true });

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bpm-e2e-")), "pglite");
const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(PORT)], {
  env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir, NEXTAUTH_URL: BASE, PORT: String(PORT) },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const stopServer = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* gone */
  }
};
process.on("exit", stopServer);

async function waitReady() {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not become ready:\n${serverLog}`);
}

let passed = 0;
let failed = 0;
try {
  await waitReady();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  // E2E_ONLY=name,name runs those specs alone (while working on them; CI runs all, in order).
  const only = process.env.E2E_ONLY?.split(",");
  for (const spec of specs.filter((s) => !only || only.includes(s.name))) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const shot = (name) => page.screenshot({ path: path.join(OUT, `${spec.name}-${name}.png`), fullPage: true });
    try {
      await spec.run({ page, base: BASE, shot, log: () => serverLog });
      passed++;
      console.log(`✓ ${spec.name}`);
    } catch (e) {
      failed++;
      console.log(`✗ ${spec.name}\n  ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n  ")}`);
      await shot("failure").catch(() => {});
    }
    await context.close();
  }
  await browser.close();
} catch (e) {
  failed++;
  console.log(`✗ set-up: ${e?.message ?? e}`);
} finally {
  stopServer();
}
if (failed) console.log(serverLog.split("\n").slice(-40).join("\n"));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
