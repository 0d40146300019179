import { bigint, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * When each cache tag was last revalidated, shared by every app process on one database
 * (lib/cache/handler.mjs). A disclosure made through one process empties the cached public
 * pages of all of them: the writer records the tag here and NOTIFYs the others.
 */
export const cacheTagRevalidations = pgTable("cache_tag_revalidations", {
  tag: varchar("tag", { length: 256 }).primaryKey(),
  /** Milliseconds since the epoch, as Next.js's cache compares them. */
  revalidatedAt: bigint("revalidated_at", { mode: "number" }).notNull(),
});
