import { badParameter, parseQuery, preflight, serve, withQuery } from "@/lib/opendata/api-http";
import { getObjective } from "@/lib/opendata/api-load";
import { objectiveIdParam, noQuery } from "@/lib/opendata/api-params";

/** One disclosed objective with its indicator table, budget and disclosed results; 404 unless its disclosure is live. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return serve(request, async () => {
    const parsed = objectiveIdParam.safeParse(id);
    if (!parsed.success) return badParameter("id", parsed.error.issues[0].message);
    return withQuery(request, parseQuery(noQuery, new URL(request.url)), () => getObjective(parsed.data));
  });
}
export const OPTIONS = preflight;
