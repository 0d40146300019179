import { fdpResponse } from "@/lib/opendata/fdp-route";

/** A region's (and the regions below it) package of a year: /portal/data/2026/regions/5/datapackage.json, … (lib/opendata/fdp-route.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ year: string; regionId: string; file: string }> }) {
  const { year, regionId, file } = await params;
  return fdpResponse(request, year, regionId, file);
}
