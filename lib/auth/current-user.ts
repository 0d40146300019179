import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import { checkSession } from "./session";
import { readSessionId } from "./session-token";
import { requestClientAddress } from "./request-address";

/** Where a user whose password an administrator chose is sent until they change it. */
export const CHANGE_PASSWORD_PATH = "/account";

/**
 * The signed-in user of this request, checked against the session table; null if none.
 * Its `ip` is this request's client address (lib/auth/client-ip.ts), so audit rows carry the
 * address each change came from; outside a request (scripts, tests) the session's own.
 * It may be a user who must change their password first (`mustChangePassword`): only
 * requireActor() and defineAction() read it, and they open nothing else to such a user.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const sid = await readSessionId();
  if (!sid) return null;
  const check = await checkSession(await getDb(), sid);
  if (!check.ok) return null;
  const ip = await requestClientAddress();
  return ip === undefined ? check.actor : { ...check.actor, ip };
});

/**
 * The signed-in user who may use the system: null when signed out, and null as well for a user
 * who must change their password first, so every route that reads it (downloads, exports)
 * refuses them as it refuses a visitor.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getSessionActor();
  return actor && !actor.mustChangePassword ? actor : null;
});

/**
 * For pages: the user, or a redirect to sign-in. With a permission, a 403 page if not held.
 * A user who must change their password is sent to the change-password page, which alone
 * passes `{ passwordChange: true }`.
 */
export async function requireActor(permission?: Permission, opts: { passwordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !opts.passwordChange) redirect(CHANGE_PASSWORD_PATH);
  if (permission && !hasPermission(actor.roles, permission)) redirect("/forbidden");
  return actor;
}
