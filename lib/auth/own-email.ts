import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { ActionError } from "@/lib/errors";
import type { setOwnEmailInput } from "@/lib/validation/admin";
import type { Actor } from "./actor";

/** The account page's own row: what the e-mail form shows and the version it writes on. */
export async function loadOwnContact(db: Db, actor: Actor): Promise<{ email: string | null; version: number }> {
  const [row] = await db.select({ email: users.email, version: users.version }).from(users).where(eq(users.id, actor.userId));
  if (!row) throw new ActionError("not_found");
  return row;
}

/**
 * One's own notification address (null: no e-mail), on the version the page read: a concurrent
 * change (an admin's, another tab's) is refused as a conflict. Audited with before and after.
 */
export async function setOwnEmail(db: Db, actor: Actor, input: z.output<typeof setOwnEmailInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    if (!before) throw new ActionError("not_found");
    const [row] = await tx
      .update(users)
      .set({ email: input.email, version: input.version + 1 })
      .where(and(eq(users.id, actor.userId), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!row) throw new ActionError("conflict");
    await writeAudit(tx, actor, { action: "account.setEmail", objectType: "user", objectId: actor.userId, before: { email: before.email }, after: { email: input.email } });
  });
}
