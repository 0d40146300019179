import "server-only";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { getDb } from "@/lib/db";
import { cachedExportList, cachedList, cachedRegions, EXPORT_LIMIT } from "./cached";
import { publicListParams, type PublicListParams } from "./params";
import { pickRegion, publicList, type PublicRegion } from "./public";

/** The public list's parameters and the region they name (none: every region). */
export async function listQuery(raw: RawSearchParams): Promise<{ params: PublicListParams; region: PublicRegion | null; regions: PublicRegion[] }> {
  const params = parseSearchParams(publicListParams, raw);
  const regions = await cachedRegions();
  const region = params.regionId ? pickRegion(regions, params.regionId) : null;
  return { params, region, regions };
}

/**
 * One page of the public list. Filter combinations come from closed sets and are cached; a free
 * keyword search is not (every visitor's text would be a cache entry of its own, without bound):
 * it goes to the database, where the bigram index answers it.
 */
export async function loadPublicList(raw: RawSearchParams) {
  const q = await listQuery(raw);
  const regionPath = q.region?.path ?? null;
  const page = q.params.q ? await publicList(await getDb(), q.params, regionPath) : await cachedList(q.params, regionPath);
  return { ...q, ...page };
}

/** The whole filtered list for the Excel export (cached like the list). */
export async function loadExportList(params: PublicListParams, region: PublicRegion | null) {
  const regionPath = region?.path ?? null;
  return params.q ? publicList(await getDb(), params, regionPath, { limit: EXPORT_LIMIT }) : cachedExportList({ ...params, page: 1 }, regionPath);
}
