import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import { checkSession } from "./session";
import { readSessionId } from "./session-token";

/** The signed-in user of this request, checked against the session table; null if none. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sid = await readSessionId();
  if (!sid) return null;
  const check = await checkSession(await getDb(), sid);
  return check.ok ? check.actor : null;
});

/** For pages: the user, or a redirect to sign-in. With a permission, a 403 page if not held. */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (permission && !hasPermission(actor.roles, permission)) redirect("/forbidden");
  return actor;
}
