import { z } from "zod";
import { LIGHTS, WARNING_RULES, WARNING_STATES } from "@/db/schema/monitoring";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";

const page = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const pageSize = z.coerce
  .number()
  .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(20);
const idParam = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

export const WARNING_SORTS = ["createdAt", "light", "title"] as const;

/** The warnings table's query string; malformed values fall back to defaults. */
export const warningListParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  periodId: idParam,
  regionId: idParam,
  departmentId: idParam,
  light: z.enum(LIGHTS).optional().catch(undefined),
  rule: z.enum(WARNING_RULES).optional().catch(undefined),
  state: z.enum(WARNING_STATES).optional().catch(undefined),
  sort: z.enum(WARNING_SORTS).catch("light"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page,
  pageSize,
});
export type WarningListParams = z.output<typeof warningListParams>;

export const reportListParams = z.object({
  periodId: idParam,
  state: z.enum(["draft", "dept_review", "returned", "accepted"]).optional().catch(undefined),
  page,
  pageSize,
});
export type ReportListParams = z.output<typeof reportListParams>;
