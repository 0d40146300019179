/**
 * The import's limits, on their own so the browser's import panel can read them without
 * bringing in the columns' validation (zod, and the password rules behind lib/validation):
 * that cost the indicator bank 280 KB of gzipped JavaScript (docs/PERFORMANCE.md).
 */
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** What the preview returns of each list at most (the plan itself, and its hash, cover everything). */
export const PREVIEW_LIMIT = 1_000;
