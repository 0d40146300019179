import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { orgKindEnum, regionLevelEnum } from "./enums";

/**
 * Administrative regions: province → city → county.
 * `path` is the materialised path of ids ("/1/4/9/"), so "this region and below"
 * is one indexed prefix match.
 */
export const regions = pgTable(
  "regions",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 12 }).notNull(),
    name: varchar("name", { length: 100 }).notNull(),
    level: regionLevelEnum("level").notNull(),
    parentId: integer("parent_id"),
    path: text("path").notNull(),
  },
  (t) => [
    uniqueIndex("regions_code_uq").on(t.code),
    index("regions_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
  ],
);

/**
 * Organisations: finance departments, line departments, their units, agencies and
 * oversight bodies. A unit's parent is its department. `path` works like regions.path.
 */
export const orgs = pgTable(
  "orgs",
  {
    id: serial("id").primaryKey(),
    code: varchar("code", { length: 30 }).notNull(),
    name: varchar("name", { length: 120 }).notNull(),
    kind: orgKindEnum("kind").notNull(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
    parentId: integer("parent_id"),
    path: text("path").notNull(),
    contactName: varchar("contact_name", { length: 50 }),
    contactPhone: varchar("contact_phone", { length: 30 }),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orgs_code_uq").on(t.code),
    index("orgs_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("orgs_region_idx").on(t.regionId),
    index("orgs_parent_idx").on(t.parentId),
  ],
);
