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
