import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed";
import { userRoles, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

/**
 * Another person in the same organisation as a demo account, with the given roles and the demo
 * password: for tests where two different people act at once (the demo has one of each).
 */
export async function addColleague(database: Database, of: string, username: string, roles: Role[]): Promise<number> {
  const [peer] = await database.db.select({ orgId: users.orgId }).from(users).where(eq(users.username, of));
  if (!peer) throw new Error(`no demo account ${of}`);
  const [u] = await database.db
    .insert(users)
    .values({ username, displayName: username, orgId: peer.orgId, passwordHash: await hashPassword(DEMO_PASSWORD) })
    .returning({ id: users.id });
  await database.db.insert(userRoles).values(roles.map((role) => ({ userId: u.id, role, orgId: peer.orgId })));
  return u.id;
}
