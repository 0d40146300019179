import { z } from "zod";
import { searchQuery } from "@/lib/validation/common";
import { OBJECTIVE_STATES, PROJECT_CATEGORIES, type SubjectKind } from "@/db/schema/enums";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";

const page = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const pageSize = z.coerce
  .number()
  .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(20);

export const OBJECTIVE_SORTS = ["submittedAt", "title", "amount", "state"] as const;
export type ObjectiveSort = (typeof OBJECTIVE_SORTS)[number];
export const OBJECTIVE_QUEUES = ["department", "finance", "mine"] as const;
export type ObjectiveQueue = (typeof OBJECTIVE_QUEUES)[number];

/** An objective list's query string (the review queues); malformed values fall back to defaults. */
export const objectiveListParams = z.object({
  q: searchQuery(60),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  state: z.enum(OBJECTIVE_STATES).optional().catch(undefined),
  departmentId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  category: z.enum(PROJECT_CATEGORIES).optional().catch(undefined),
  sort: z.enum(OBJECTIVE_SORTS).catch("submittedAt"),
  /** Queues show the oldest submission first. */
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page,
  pageSize,
});
/**
 * The slices of the year at a glance (lib/overview): declared (submitted and still in play: not
 * draft, not superseded), not submitted (draft or returned), disclosed (a live disclosure).
 */
export const OBJECTIVE_STAGES = ["declared", "unsubmitted", "disclosed"] as const;
export type ObjectiveStage = (typeof OBJECTIVE_STAGES)[number];

/**
 * The queue and the subject kind are set by the page, never by the query string; so are the
 * overview's region (`regionId`: that region's own level; `underRegionId`: that region and below)
 * and stage filters.
 */
export type ObjectiveListParams = z.output<typeof objectiveListParams> & {
  queue?: ObjectiveQueue;
  subjectKind?: SubjectKind;
  regionId?: number;
  underRegionId?: number;
  stage?: ObjectiveStage;
};
