import { z } from "zod";
import { searchQuery } from "@/lib/validation/common";
import { GRADES, PROJECT_CATEGORIES } from "@/db/schema/enums";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";

const idParam = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

export const PUBLIC_SORTS = ["disclosedAt", "amount", "title"] as const;
export type PublicSort = (typeof PUBLIC_SORTS)[number];

/** The public list's query string (plain GET parameters, so it works without JavaScript); malformed values fall back to defaults. */
export const publicListParams = z.object({
  q: searchQuery(60),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  regionId: idParam,
  departmentId: idParam,
  category: z.enum(PROJECT_CATEGORIES).optional().catch(undefined),
  /** Only objectives whose evaluation result is disclosed with this grade. */
  grade: z.enum(GRADES).optional().catch(undefined),
  sort: z.enum(PUBLIC_SORTS).catch("disclosedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});
export type PublicListParams = z.output<typeof publicListParams>;

/** The landing page's region and year. */
export const publicLandingParams = z.object({
  regionId: idParam,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
