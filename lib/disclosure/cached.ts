import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { PUBLIC_DISCLOSURE_TAG } from "./cache";
import type { PublicListParams } from "./params";
import { publicDepartments, publicDetail, publicFigures, publicList, publicRegions, publicYears } from "./public";

/**
 * The public portal's reads, cached by Next's data cache under one tag (PUBLIC_DISCLOSURE_TAG):
 * a visitor without a session is served from the cache; disclosing or withdrawing expires the
 * tag at once (lib/disclosure/cache.ts). The arguments are part of each entry's key. An hour's
 * revalidation is only a safety net.
 */
const options = { tags: [PUBLIC_DISCLOSURE_TAG], revalidate: 3600 };

export const cachedRegions = unstable_cache(async () => publicRegions(await getDb()), ["disclosure:regions"], options);
export const cachedYears = unstable_cache(async () => publicYears(await getDb()), ["disclosure:years"], options);
export const cachedDepartments = unstable_cache(async (regionPath: string | null) => publicDepartments(await getDb(), regionPath), ["disclosure:departments"], options);
export const cachedFigures = unstable_cache(async (regionPath: string, year: number) => publicFigures(await getDb(), regionPath, year), ["disclosure:figures"], options);
export const cachedList = unstable_cache(
  async (params: PublicListParams, regionPath: string | null) => publicList(await getDb(), params, regionPath),
  ["disclosure:list"],
  options,
);
/** The whole filtered list for the Excel export (at most EXPORT_LIMIT rows). */
export const EXPORT_LIMIT = 10_000;
export const cachedExportList = unstable_cache(
  async (params: PublicListParams, regionPath: string | null) => publicList(await getDb(), params, regionPath, { limit: EXPORT_LIMIT }),
  ["disclosure:export-list"],
  options,
);
export const cachedDetail = unstable_cache(async (disclosureId: number) => publicDetail(await getDb(), disclosureId), ["disclosure:detail"], options);
