import type pg from "pg";
import type { BrowserContext } from "playwright-core";

/**
 * The public portal's cache across processes. Filled in when the disclosure portal lands:
 * warm the public list on both processes, disclose through one, read the list from the other.
 */
export async function publicCacheChecks(_args: { context: BrowserContext; client: pg.Client; ports: number[]; check: (ok: boolean, what: string, detail?: string) => void }) {}
