import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orgs, sectors } from "@/db/schema";

/**
 * A unit's own 行业领域, read from its organisation code: codes are <region>-<sector>[-<unit>]
 * ("440000-JT-GL" → JT → 交通运输; "G440224-WJ-3" → WJ). Returns the sector's name, or null
 * when the code names no known sector (finance, agencies: the picker then starts on all sectors).
 */
export function sectorOfOrgCode(code: string, known: readonly { code: string; name: string }[]): string | null {
  const part = code.split("-")[1];
  if (!part) return null;
  const hit = known.find((s) => s.code === part && s.name !== "共性");
  return hit?.name ?? null;
}

/** The sectors the picker offers (共性 first, as the bank lists them) and the owning unit's own. */
export async function pickerSectors(db: DbOrTx, ownerOrgId: number): Promise<{ sectors: { code: string; name: string }[]; own: string | null }> {
  const [list, [org]] = await Promise.all([
    db.select({ code: sectors.code, name: sectors.name }).from(sectors).orderBy(sectors.ordinal),
    db.select({ code: orgs.code }).from(orgs).where(eq(orgs.id, ownerOrgId)),
  ]);
  return { sectors: list, own: org ? sectorOfOrgCode(org.code, list) : null };
}
