import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";

/**
 * Where a signed-in user lands: finance admins, finance reviewers and the congress/audit readers
 * on the year at a glance (/overview, its inbox one click away), every other role on its inbox.
 */
export function landingPath(actor: Pick<Actor, "roles">): "/overview" | "/inbox" {
  return hasPermission(actor.roles, "overview.read") ? "/overview" : "/inbox";
}
