import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { indicators, type IndicatorLevel1, type IndicatorLevel2 } from "@/db/schema";
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

/** The sector filter's value for 共性 (common) indicators, which store no sector. */
export const COMMON_SECTOR = "共性";
const KIND_WORDS: Record<string, "common" | "sector"> = { 共性: "common", 共性指标: "common", 个性: "sector", 个性指标: "sector" };

/**
 * A query's words that name a kind (共性/个性) become a kind condition, since 共性 rows store no
 * sector to match the words against; the other words stay text.
 */
export function splitKindWords(text: string | undefined): { kind?: "common" | "sector"; text: string } {
  const words = (text ?? "").normalize("NFKC").trim().split(/\s+/).filter(Boolean);
  const kinds = words.filter((w) => w in KIND_WORDS).map((w) => KIND_WORDS[w]);
  return { kind: kinds[0], text: words.filter((w) => !(w in KIND_WORDS)).join(" ") };
}

/**
 * Searching the bank from inside the wizard: current, active indicators only. `sector` is a
 * sector's name, or 共性 for the common indicators; the unit's own sector comes first.
 */
export async function searchIndicators(
  db: DbOrTx,
  q: { text?: string; level1?: IndicatorLevel1; level2?: IndicatorLevel2; sector?: string; preferSector?: string; limit?: number },
) {
  const { kind, text } = splitKindWords(q.text);
  const sectorCond = !q.sector ? undefined : q.sector === COMMON_SECTOR ? eq(indicators.kind, "common") : and(eq(indicators.kind, "sector"), eq(indicators.sector, q.sector));
  return db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.isCurrent, true),
        eq(indicators.status, "active"),
        q.level1 ? eq(indicators.level1, q.level1) : undefined,
        q.level2 ? eq(indicators.level2, q.level2) : undefined,
        kind ? eq(indicators.kind, kind) : undefined,
        sectorCond,
        indicatorTextMatch(text),
      ),
    )
    .orderBy(
      sql`case when ${indicators.sector} = ${q.preferSector ?? ""} then 0 when ${indicators.kind} = 'common' then 2 else 1 end`,
      asc(indicators.code),
    )
    .limit(Math.min(q.limit ?? 20, 50));
}
