import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`, stryker.config.mjs): the
 * fast unit tests only — pure functions on made inputs, no database. Every rule module listed in
 * stryker.config.mjs is reached from these; the integration tests (PGlite/PostgreSQL) stay in `npm test`.
 * Modules stay loaded between runs (isolate: false): Stryker switches mutants at run time, so a
 * test file need not re-import the app's modules for every mutant (most of a run's time otherwise).
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/unit/**/*.test.ts"], isolate: false },
});
