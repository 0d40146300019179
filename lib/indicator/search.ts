import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { indicators, type IndicatorLevel1 } from "@/db/schema";
import { parseQuery } from "./grams";

/** The condition for "matches these words": all their bigrams (GIN index), then each word as a substring. */
export function indicatorTextMatch(q: string | undefined): SQL | undefined {
  const { words, grams } = parseQuery(q ?? "");
  if (!words.length) return undefined;
  const haystack = sql`(${indicators.code} || ' ' || ${indicators.name} || ' ' || coalesce(${indicators.explanation}, '') || ' ' || coalesce(${indicators.formula}, '') || ' ' || coalesce(${indicators.sector}, ''))`;
  const parts: SQL[] = words.map((w) => sql`${haystack} ilike ${`%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  if (grams.length) parts.unshift(sql`${indicators.searchGrams} @> ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`);
  return and(...parts);
}

/** Searching the bank from inside the wizard: current, active indicators only. */
export async function searchIndicators(db: DbOrTx, q: { text?: string; level1?: IndicatorLevel1; limit?: number }) {
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.isCurrent, true), eq(indicators.status, "active"), q.level1 ? eq(indicators.level1, q.level1) : undefined, indicatorTextMatch(q.text)))
    .orderBy(sql`case when ${indicators.kind} = 'common' then 1 else 0 end`, asc(indicators.code))
    .limit(Math.min(q.limit ?? 20, 50));
}
