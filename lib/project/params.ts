import { z } from "zod";
import { searchQuery } from "@/lib/validation/common";
import { PROJECT_CATEGORIES, PROJECT_STATES } from "@/db/schema/enums";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";

const page = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const pageSize = z.coerce
  .number()
  .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(20);
const dir = z.enum(["asc", "desc"]);
const positiveId = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);
const fiscalYear = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

export const PROJECT_SORTS = ["code", "name", "amount", "state", "startYear"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** The project pool's query string. Anything malformed falls back to its default, never to an error page. */
export const projectListParams = z.object({
  q: searchQuery(60),
  year: fiscalYear,
  state: z.enum(PROJECT_STATES).optional().catch(undefined),
  departmentId: positiveId,
  category: z.enum(PROJECT_CATEGORIES).optional().catch(undefined),
  sort: z.enum(PROJECT_SORTS).catch("code"),
  dir: dir.catch("asc"),
  page,
  pageSize,
});
export type ProjectListParams = z.output<typeof projectListParams>;
