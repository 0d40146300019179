import type pg from "pg";

/** Further screens the benchmark measures, each found in the generated data. */
export async function extraScreens(_client: pg.Client, _base: string, _reviewerCookie: string): Promise<{ name: string; path: string; cookie?: string }[]> {
  return [];
}
