import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { PUBLIC_DISCLOSURE_TAG } from "@/lib/disclosure/cache";
import { publicRegionYears, publicSubjectYears } from "./history-public";

/** The portal's year-over-year reads, cached under the disclosures' tag like every public read (lib/disclosure/cached.ts). */
const options = { tags: [PUBLIC_DISCLOSURE_TAG], revalidate: 3600 };

export const cachedSubjectYears = unstable_cache(async (disclosureId: number) => publicSubjectYears(await getDb(), disclosureId), ["disclosure:subject-years"], options);
export const cachedRegionYears = unstable_cache(async (regionPath: string) => publicRegionYears(await getDb(), regionPath), ["disclosure:region-years"], options);
