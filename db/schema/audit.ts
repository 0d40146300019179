import { bigserial, index, integer, jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";

/**
 * Append-only audit log. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE,
 * so not even the application's own connection can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id"),
    actorName: varchar("actor_name", { length: 50 }),
    actorOrgId: integer("actor_org_id"),
    action: varchar("action", { length: 60 }).notNull(),
    objectType: varchar("object_type", { length: 40 }).notNull(),
    objectId: varchar("object_id", { length: 60 }),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: varchar("ip", { length: 64 }),
  },
  (t) => [
    index("audit_object_idx").on(t.objectType, t.objectId, t.id),
    index("audit_actor_idx").on(t.actorUserId, t.id),
    index("audit_at_idx").on(t.at),
    // The audit page's filters by action and by acting organisation, newest first (migration 0019).
    index("audit_action_idx").on(t.action, t.id),
    index("audit_actor_org_idx").on(t.actorOrgId, t.id),
  ],
);
