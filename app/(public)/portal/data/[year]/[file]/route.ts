import { fdpResponse } from "@/lib/opendata/fdp-route";

/** A year's Fiscal Data Package (every region): /portal/data/2026/datapackage.json, …/objectives.csv (lib/opendata/fdp-route.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ year: string; file: string }> }) {
  const { year, file } = await params;
  return fdpResponse(request, year, null, file);
}
