// Mutation testing of the rule modules (issue 22; docs/TESTING.md): `npm run test:mutation`.
// Stryker changes each rule one small step at a time (a comparison flipped, a bound dropped, a
// branch removed) and runs the unit tests against every change; a change no test notices survives.

/** The rule modules: scoring and rule sets, monitoring rules, completeness and quality warnings, permissions and scope, the workflows, weights, money. */
export const RULE_MODULES = [
  "lib/evaluation/scoring.ts",
  "lib/evaluation/rules.ts",
  "lib/monitoring/rules.ts",
  "lib/monitoring/completeness.ts",
  "lib/monitoring/workflow.ts", // who may edit a report's figures (mayEditReport, from the report machine)
  "lib/objective/completeness.ts",
  "lib/objective/weights.ts",
  "lib/auth/permissions.ts",
  "lib/auth/scope.ts",
  // The engine (define.ts), the eleven machines (machines.ts), each workflow's table and guards, the diagrams.
  "lib/workflow/*.ts",
  "lib/money.ts",
];

// STRYKER_MUTATE="a.ts,b.ts" narrows the run to some modules (CI: those a change touched).
// STRYKER_REPORTS puts reports and the incremental file elsewhere than reports/ (two runs at once).
export const REPORTS = process.env.STRYKER_REPORTS || "reports";
const only = process.env.STRYKER_MUTATE?.split(",").map((s) => s.trim()).filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: only?.length ? only : RULE_MODULES,
  coverageAnalysis: "perTest",
  // Static mutants — changes to module-level data: the permission matrix, the transition tables —
  // need every module reloaded and every related test re-run (about two thirds of the whole time).
  // Those tables are pinned row by row by hand-written truth tables instead (tests/unit/
  // permissions*.test.ts, objective-workflow.test.ts, workflows.mutation.test.ts); STRYKER_STATIC=1
  // mutates them too.
  ignoreStatic: process.env.STRYKER_STATIC !== "1",
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ["clear-text", "json", "progress"],
  jsonReporter: { fileName: `${REPORTS}/mutation/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false },
  // Two test runners by default (CI); STRYKER_CONCURRENCY to change it.
  concurrency: Number(process.env.STRYKER_CONCURRENCY) || 2,
  timeoutMS: 20000,
  tempDirName: REPORTS === "reports" ? ".stryker-tmp" : `${REPORTS}/.stryker-tmp`,
  // Not needed by the unit tests; keeps the sandbox copy small.
  ignorePatterns: ["/reports", ".next", ".data", "test-output", "coverage", "tests/e2e", "tests/integration", "tests/fixtures"],
  // Results are kept in reports/ (not committed): a second run re-tests only the mutants whose
  // code or covering tests changed.
  incremental: true,
  incrementalFile: `${REPORTS}/stryker-incremental.json`,
  cleanTempDir: true,
};

export default config;
