/**
 * Chinese has no spaces to split words on, so the bank is searched by character bigrams:
 * "公路养护" → 公路, 路养, 养护. A query matches an indicator holding all of the query's bigrams
 * (a GIN index on the array answers that); a substring check then confirms each word. Latin
 * letters and digits are left to the substring check.
 */
export function bigrams(text: string): string[] {
  const out = new Set<string>();
  for (const run of text.normalize("NFKC").match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return [...out];
}

/** What an indicator is found by: its name, explanation, formula and sector. */
export function indicatorGrams(i: { name: string; explanation?: string | null; formula?: string | null; sector?: string | null }): string[] {
  return bigrams([i.name, i.explanation, i.formula, i.sector].filter(Boolean).join(" "));
}

/** A query's words (split on spaces) and the bigrams all of them need. */
export function parseQuery(q: string): { words: string[]; grams: string[] } {
  const words = q.normalize("NFKC").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return { words, grams: bigrams(words.join(" ")) };
}
