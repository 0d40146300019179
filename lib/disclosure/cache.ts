import { revalidateTag } from "next/cache";

/**
 * The one cache tag of everything the public portal shows (figures, lists, detail pages, exports).
 * Disclosing or withdrawing expires it at once, so the next visitor reads fresh data; a single
 * tag keeps it simple and is right, because every disclosure can change every count and list.
 */
export const PUBLIC_DISCLOSURE_TAG = "public-disclosures";

/** Expires the public portal's cache now (not stale-while-revalidate: a withdrawal must not linger). */
export function expirePublicDisclosures(): void {
  revalidateTag(PUBLIC_DISCLOSURE_TAG, { expire: 0 });
}
