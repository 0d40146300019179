import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { indicators } from "@/db/schema";

export interface BankRef {
  code: string;
  version: number;
  /** The bank's reference (standard) value, as a decimal string or text; null if none. */
  reference: string | null;
}

/**
 * The bank indicators an objective's rows were picked from: their code (shown as the row's
 * source) and reference value (a hint beside the target, and the "far from the reference"
 * quality warning). The bank is shared reading, so no scope applies.
 */
export async function bankRefs(db: DbOrTx, ids: readonly (number | null | undefined)[]): Promise<Record<number, BankRef>> {
  const wanted = [...new Set(ids.filter((v): v is number => typeof v === "number"))];
  if (!wanted.length) return {};
  const rows = await db
    .select({ id: indicators.id, code: indicators.code, version: indicators.version, referenceValues: indicators.referenceValues })
    .from(indicators)
    .where(inArray(indicators.id, wanted));
  return Object.fromEntries(
    rows.map((r) => [r.id, { code: r.code, version: r.version, reference: (r.referenceValues as { standard?: string } | null)?.standard ?? null }]),
  );
}
