import { z } from "zod";
import { searchQuery, storable } from "@/lib/validation/common";
import { CHANGE_KINDS, CHANGE_STATUSES, INDICATOR_KINDS, INDICATOR_LEVEL1, INDICATOR_LEVEL2, INDICATOR_STATUSES } from "@/db/schema/enums";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";

const page = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const pageSize = z.coerce
  .number()
  .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(20);

export const INDICATOR_SORTS = ["code", "name", "sector", "level"] as const;

/** The bank list's query string. Anything malformed falls back to its default, never to an error page. */
export const indicatorListParams = z.object({
  q: searchQuery(60),
  sector: z.string().trim().max(40).refine(storable).optional().catch(undefined),
  level1: z.enum(INDICATOR_LEVEL1).optional().catch(undefined),
  level2: z.enum(INDICATOR_LEVEL2).optional().catch(undefined),
  kind: z.enum(INDICATOR_KINDS).optional().catch(undefined),
  status: z.enum(INDICATOR_STATUSES).optional().catch(undefined),
  sort: z.enum(INDICATOR_SORTS).catch("code"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page,
  pageSize,
});
export type IndicatorListQuery = z.output<typeof indicatorListParams>;

/** The change requests list's query string. */
export const changeListParams = z.object({
  status: z.enum(CHANGE_STATUSES).optional().catch(undefined),
  kind: z.enum(CHANGE_KINDS).optional().catch(undefined),
  page,
  pageSize,
});
export type ChangeListQuery = z.output<typeof changeListParams>;
