import { asc, count, desc } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";

/**
 * Paging shared by every list: the page clamped to the last page, totals counted only up to a
 * cap, and LIKE patterns that match user input literally.
 */

/** Escapes LIKE wildcards so that user input matches literally. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Lists over a province's whole scope count at most this many rows. Counting 20,000 matches
 * exactly costs more than the page itself (docs/PERFORMANCE.md); past this the pager says
 * "more than 2,000" and the user narrows the filters, as with any search.
 */
export const COUNT_CAP = 2000;

/** A total that may have stopped at COUNT_CAP: `capped` says there are more. */
export interface BoundedTotal {
  total: number;
  capped: boolean;
}

export function bounded(n: number): BoundedTotal {
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}

/** The page number clamped to the last page of `total` rows. */
export function clampPage(page: number, pageSize: number, total: number): number {
  return Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
}

/** One page of a list: the page clamped to the last page, and the LIMIT/OFFSET that read it. */
export interface PageWindow {
  page: number;
  limit: number;
  offset: number;
}

/** THE window of every paged list: `page` clamped to the last page of `total` rows, `pageSize` rows from there. */
export function pageWindow(page: number, pageSize: number, total: number): PageWindow {
  const p = clampPage(page, pageSize, total);
  return { page: p, limit: pageSize, offset: (p - 1) * pageSize };
}

/**
 * Counts the rows a select matches (`db.select({ one: sql\`1\` }).from(…).where(…).$dynamic()`).
 * Capped (the default): a limited subquery, so the count stops at COUNT_CAP + 1 and says `capped`;
 * `{ cap: false }` counts exactly, for lists whose scope is small by nature (a user's own objects).
 */
export async function countRows(db: DbOrTx, matches: PgSelect, opts: { cap?: boolean } = {}): Promise<BoundedTotal> {
  const cap = opts.cap !== false;
  const [r] = await db.select({ n: count() }).from((cap ? matches.limit(COUNT_CAP + 1) : matches).as("matches"));
  return cap ? bounded(Number(r.n)) : { total: Number(r.n), capped: false };
}

/** A list's sort direction as drizzle's order function: "desc" descending, anything else ascending. */
export function direction(dir: string | undefined): typeof asc {
  return dir === "desc" ? desc : asc;
}
