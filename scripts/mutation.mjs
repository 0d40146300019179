#!/usr/bin/env node
// Mutation testing of the rule modules (issue 22; docs/TESTING.md).
//
//   npm run test:mutation                  every rule module (stryker.config.mjs RULE_MODULES)
//   npm run test:mutation -- lib/money.ts  the modules named
//   npm run test:mutation -- --changed     the rule modules changed since the commit in
//                                          .ci/mutation-base (CI); all of them when that commit
//                                          is not in the clone or the mutation set-up changed
//
// Stryker runs the unit tests against every mutant; then each module's score is checked against
// the target (90 % killed), module by module — Stryker's own break threshold sees only the total.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPORTS, RULE_MODULES } from "../stryker.config.mjs";

const TARGET = 90;
const REPORT = `${REPORTS}/mutation/mutation.json`;
/** A change to one of these can change every module's result. */
const SETUP = ["stryker.config.mjs", "vitest.mutation.config.ts", "vitest.config.ts", "scripts/mutation.mjs"];

/** RULE_MODULES with their globs (only `dir/*.ts`) expanded to the files that exist. */
function ruleFiles() {
  return RULE_MODULES.flatMap((m) => {
    if (!m.includes("*")) return fs.existsSync(m) ? [m] : [];
    const dir = path.dirname(m);
    const ext = path.basename(m).replace("*", "");
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => `${dir}/${f}`) : [];
  });
}

function git(...args) {
  // CI runs as root in a clone it may not own: name this directory safe for these reads.
  return execFileSync("git", ["-c", `safe.directory=${process.cwd()}`, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
}

/** The rule modules a change touched since the recorded base commit; null means all of them. */
function changedModules() {
  const base = fs.readFileSync(".ci/mutation-base", "utf8").split("\n").find((l) => /^[0-9a-f]{40}$/.test(l.trim()))?.trim();
  let changed;
  try {
    git("cat-file", "-e", `${base}^{commit}`);
    changed = git("diff", "--name-only", base, "HEAD").split("\n").filter(Boolean);
  } catch {
    console.log(`mutation: base commit ${base ?? "(none)"} is not in this clone — testing every rule module`);
    return null;
  }
  if (changed.some((f) => SETUP.includes(f))) {
    console.log("mutation: the mutation set-up changed — testing every rule module");
    return null;
  }
  // Only the modules themselves: a test change can only be seen by re-running the modules it
  // covers, which the full run (by hand, or nightly) does.
  return ruleFiles().filter((f) => changed.includes(f));
}

const args = process.argv.slice(2);
let modules;
if (args.includes("--changed")) {
  const c = changedModules();
  modules = c ?? ruleFiles();
  if (c && c.length === 0) {
    console.log("mutation: no rule module changed since the base commit — nothing to test");
    process.exit(0);
  }
} else {
  modules = args.filter((a) => !a.startsWith("--"));
  if (modules.length === 0) modules = ruleFiles();
}

console.log(`mutation: ${modules.length} module(s): ${modules.join(", ")}`);
fs.rmSync(REPORT, { force: true });
const started = Date.now();
const run = spawnSync("npx", ["stryker", "run"], { stdio: "inherit", env: { ...process.env, STRYKER_MUTATE: modules.join(",") } });
const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (!fs.existsSync(REPORT)) {
  console.error("mutation: Stryker wrote no report");
  process.exit(run.status || 1);
}

// Per-module score: killed (and timed out) ÷ (those + survived + not covered); ignored mutants
// (Stryker disable comments, static mutants) do not count.
const report = JSON.parse(fs.readFileSync(REPORT, "utf8"));
const rows = Object.entries(report.files)
  .filter(([file]) => modules.includes(file))
  .map(([file, { mutants }]) => {
    const n = (s) => mutants.filter((m) => s.includes(m.status)).length;
    const killed = n(["Killed", "Timeout"]);
    const missed = n(["Survived", "NoCoverage"]);
    const score = killed + missed === 0 ? 100 : (100 * killed) / (killed + missed);
    return { file, mutants: killed + missed, killed, survived: n(["Survived"]), noCoverage: n(["NoCoverage"]), ignored: n(["Ignored"]), score };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

console.log(`\n| module | mutants | killed | survived | no coverage | ignored | score |\n|---|---:|---:|---:|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.file} | ${r.mutants} | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.score.toFixed(1)} % |`);
console.log(`\nmutation: ${minutes} min`);
const below = rows.filter((r) => r.score < TARGET);
if (below.length) {
  console.error(`mutation: below the ${TARGET} % target: ${below.map((r) => `${r.file} ${r.score.toFixed(1)} %`).join(", ")}`);
  process.exit(1);
}
console.log(`mutation: every module at or above ${TARGET} %`);
process.exit(run.status ?? 1);
