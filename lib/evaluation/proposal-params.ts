import { z } from "zod";
import { PAGE_SIZES, type PageSize } from "@/lib/admin/params";
import { NO_PROPOSAL_REASONS } from "./proposal-reasons";

/** The result-application list's query: the budget year, which subjects (with a proposal, or without for one reason), the page. */
export const proposalSubjectParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  reason: z.enum(["with", ...NO_PROPOSAL_REASONS]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});
