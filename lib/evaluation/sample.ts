/**
 * Reproducible random sampling for re-evaluation (DESIGN §3.7): a small seeded generator
 * (mulberry32) drives a partial Fisher–Yates shuffle of the candidates sorted by id, so the same
 * candidates and seed always give the same sample, on any machine.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `n` a percentage samples: rounded up, at least one when there is any candidate. */
export function sampleSize(n: number, percent: string): number {
  if (n === 0) return 0;
  const [int, frac = ""] = percent.split(".");
  const hundredths = Number(int) * 100 + Number(frac.padEnd(2, "0").slice(0, 2));
  return Math.min(n, Math.max(1, Math.ceil((n * hundredths) / 10000)));
}

/** The sampled ids, in draw order. */
export function drawSample(candidateIds: readonly number[], seed: number, percent: string): number[] {
  const ids = [...candidateIds].sort((a, b) => a - b);
  const k = sampleSize(ids.length, percent);
  const rnd = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rnd() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids.slice(0, k);
}
