import { parseQuery, preflight, serve, withQuery } from "@/lib/opendata/api-http";
import { listResults } from "@/lib/opendata/api-load";
import { resultListQuery } from "@/lib/opendata/api-params";

/** Disclosed self-evaluation and key-evaluation results, filtered, by cursor. */
export async function GET(request: Request): Promise<Response> {
  return serve(request, () => withQuery(request, parseQuery(resultListQuery, new URL(request.url)), listResults));
}
export const OPTIONS = preflight;
