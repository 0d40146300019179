import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orgs, users } from "@/db/schema";

export async function orgByCode(database: Database, code: string) {
  const [row] = await database.db.select().from(orgs).where(eq(orgs.code, code));
  if (!row) throw new Error(`no org ${code}`);
  return row;
}

export async function userByName(database: Database, username: string) {
  const [row] = await database.db.select().from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}
