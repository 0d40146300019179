import "server-only";
import { parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { cachedList, cachedRegions } from "./cached";
import { publicListParams, type PublicListParams } from "./params";
import { pickRegion, type PublicRegion } from "./public";

/** The public list's parameters and the region they name (none: every region). */
export async function listQuery(raw: RawSearchParams): Promise<{ params: PublicListParams; region: PublicRegion | null; regions: PublicRegion[] }> {
  const params = parseSearchParams(publicListParams, raw);
  const regions = await cachedRegions();
  const region = params.regionId ? pickRegion(regions, params.regionId) : null;
  return { params, region, regions };
}

export async function loadPublicList(raw: RawSearchParams) {
  const q = await listQuery(raw);
  return { ...q, ...(await cachedList(q.params, q.region?.path ?? null)) };
}
