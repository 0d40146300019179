import { parseQuery, preflight, serve, withQuery } from "@/lib/opendata/api-http";
import { listObjectives } from "@/lib/opendata/api-load";
import { objectiveListQuery } from "@/lib/opendata/api-params";

/** Disclosed objectives, filtered, by cursor (lib/opendata: rules, shapes, headers). */
export async function GET(request: Request): Promise<Response> {
  return serve(request, () => withQuery(request, parseQuery(objectiveListQuery, new URL(request.url)), listObjectives));
}
export const OPTIONS = preflight;
