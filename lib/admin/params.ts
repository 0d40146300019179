import { z } from "zod";
import { searchQuery } from "@/lib/validation/common";
import { ROLES } from "@/db/schema/enums";

/** What a page receives as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZES = [10, 20, 50] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

const page = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const pageSize = z.coerce
  .number()
  .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(20);
const dir = z.enum(["asc", "desc"]);

export const USER_SORTS = ["username", "displayName", "org", "createdAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** The users list's query string. Anything malformed falls back to its default, never to an error page. */
export const userListParams = z.object({
  q: searchQuery(50),
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
  sort: z.enum(USER_SORTS).catch("username"),
  dir: dir.catch("asc"),
  page,
  pageSize,
});
export type UserListParams = z.output<typeof userListParams>;

/** Keeps the first value of repeated keys and drops empty strings, then parses with `schema`. */
export function parseSearchParams<S extends z.ZodType>(schema: S, raw: RawSearchParams): z.output<S> {
  const plain: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first !== "") plain[k] = first;
  }
  return schema.parse(plain);
}
