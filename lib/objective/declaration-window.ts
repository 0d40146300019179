import { and, eq, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { fiscalYears } from "@/db/schema";
import { chinaDate, isPastDeadline } from "@/lib/format";

/**
 * The declaration period (目标申报期) an objective falls in: its province's fiscal year, once the
 * period has opened. `late` when its last day has passed in China time (after 00:00 China time on
 * the day after the end): a submission is then still accepted but recorded as late, and the wizard
 * says so before the filer submits. Null when the province has no such year on record.
 */
export async function declarationWindow(db: DbOrTx, regionPath: string, fiscalYear: number, now = new Date()): Promise<{ end: string; late: boolean } | null> {
  const provinceId = Number(regionPath.split("/")[1]);
  const [fy] = await db
    .select({ end: fiscalYears.declarationEnd })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, fiscalYear), lte(fiscalYears.declarationStart, chinaDate(now))));
  return fy ? { end: fy.end, late: isPastDeadline(now, fy.end) } : null;
}
