import { parseQuery, preflight, serve, withQuery } from "@/lib/opendata/api-http";
import { getSummary } from "@/lib/opendata/api-load";
import { summaryQuery } from "@/lib/opendata/api-params";

/** The year's figures of a region (and below): by region, department and grade. */
export async function GET(request: Request): Promise<Response> {
  return serve(request, () => withQuery(request, parseQuery(summaryQuery, new URL(request.url)), getSummary));
}
export const OPTIONS = preflight;
