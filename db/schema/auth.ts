import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";
import { orgs } from "./org";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: varchar("username", { length: 50 }).notNull(),
    displayName: varchar("display_name", { length: 50 }).notNull(),
    orgId: integer("org_id")
      .notNull()
      .references(() => orgs.id),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    phone: varchar("phone", { length: 30 }),
    /** Where notification e-mails go (lib/notify/mailer.ts), when the server has SMTP_URL; none when null. */
    email: varchar("email", { length: 254 }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when an administrator chose the password (new account, reset): the user must change it before anything else. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username_uq").on(sql`lower(${t.username})`),
    index("users_org_idx").on(t.orgId),
    index("users_display_name_idx").on(t.displayName),
  ],
);

/** A role held by a user, scoped to an organisation (its own, for every role today). */
export const userRoles = pgTable(
  "user_roles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    orgId: integer("org_id")
      .notNull()
      .references(() => orgs.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index("user_roles_org_idx").on(t.orgId)],
);

/**
 * Server-side session records. The next-auth JWT only carries the id of one of these;
 * every request checks it here, so sign-out, disabling an account or changing a password
 * end sessions at once.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: varchar("revoked_reason", { length: 30 }),
    ip: varchar("ip", { length: 64 }),
    userAgent: varchar("user_agent", { length: 300 }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins, counted per typed user name (whether or not such an account exists, so the
 * answers reveal nothing) and per source: one row per (name, client address) that backs off
 * exponentially, and one row per name (source "*") that counts failures from every address —
 * a budget that, once spent, shortens every address's allowance but never locks the name
 * itself, so nobody can lock another person out at their own address (lib/auth/throttle.ts).
 * An unknown client address is the source "?".
 */
export const loginThrottle = pgTable(
  "login_throttle",
  {
    username: varchar("username", { length: 50 }).notNull(),
    source: varchar("source", { length: 64 }).notNull(),
    failedCount: integer("failed_count").notNull().default(0),
    lastFailedAt: timestamp("last_failed_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.username, t.source] })],
);
