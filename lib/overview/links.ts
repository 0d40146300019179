import { z } from "zod";
import type { RawSearchParams } from "@/lib/admin/params";
import { parseSearchParams } from "@/lib/admin/params";
import { OBJECTIVE_STAGES, objectiveListParams, type ObjectiveListParams } from "@/lib/objective/params";

/**
 * Where a figure of the overview leads: the objective list of app/(site)/(app)/overview/objectives
 * with the figure's filters, which counts the same objectives (tests/integration/overview-figures).
 */
export const OVERVIEW_LIST = "/overview/objectives";

const id = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);
/** The overview's own slices on top of the objective list's query: stage, a region's own level, a region and below. */
export const overviewSliceParams = z.object({ stage: z.enum(OBJECTIVE_STAGES).optional().catch(undefined), regionId: id, underRegionId: id });

export function overviewListHref(year: number, filters: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams({ year: String(year) });
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, String(v));
  return `${OVERVIEW_LIST}?${q}`;
}

/** The list's parameters from its query string (listed by title unless sorted otherwise). */
export function overviewListParams(raw: RawSearchParams): ObjectiveListParams {
  return { ...parseSearchParams(objectiveListParams, { sort: "title", ...raw }), ...parseSearchParams(overviewSliceParams, raw) };
}
