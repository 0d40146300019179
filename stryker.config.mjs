// Mutation testing of the rule modules (issue 22; docs/TESTING.md): `npm run test:mutation`.
// Stryker changes each rule one small step at a time (a comparison flipped, a bound dropped, a
// branch removed) and runs the unit tests against every change; a change no test notices survives.

/** The rule modules: scoring and rule sets, monitoring rules, completeness and quality warnings, permissions and scope, the workflows, weights, money. */
export const RULE_MODULES = [
  "lib/evaluation/scoring.ts",
  "lib/evaluation/rules.ts",
  "lib/monitoring/rules.ts",
  "lib/monitoring/completeness.ts",
  "lib/monitoring/workflow.ts",
  "lib/objective/completeness.ts",
  "lib/objective/weights.ts",
  "lib/auth/permissions.ts",
  "lib/auth/scope.ts",
  "lib/workflow/*.ts",
  "lib/money.ts",
];

// STRYKER_MUTATE="a.ts,b.ts" narrows the run to some modules (CI: those a change touched).
const only = process.env.STRYKER_MUTATE?.split(",").map((s) => s.trim()).filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: only?.length ? only : RULE_MODULES,
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants: the permission matrix, the transition tables) are
  // covered by tests that read the tables through the public functions.
  ignoreStatic: false,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ["clear-text", "json", "progress"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: ".stryker-tmp",
  // Not needed by the unit tests; keeps the sandbox copy small.
  ignorePatterns: [".next", ".data", "test-output", "coverage", "tests/e2e", "tests/integration", "tests/fixtures"],
  incremental: false,
  cleanTempDir: true,
};
