import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { publishedRankings } from "./rounds";

/**
 * The portal's assessment rankings: published rounds finance chose to disclose (`disclose`), of a
 * region and the regions below, for a year — cached under the portal's one tag, which the
 * disclosure setting expires (lib/actions/assessment/disclose-round.ts).
 */
export const cachedPublicRankings = unstable_cache(
  async (regionPath: string, year: number) => publishedRankings(await getDb(), regionPath, year, true),
  ["assessment:public-rankings"],
  { tags: [PUBLIC_DISCLOSURE_TAG], revalidate: 3600 },
);
