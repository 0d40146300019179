import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { AuditAction } from "@/lib/audit-actions";
import { notifyForAudit } from "@/lib/notify/events";

export type { AuditAction } from "@/lib/audit-actions";

export interface AuditActor {
  userId: number | null;
  username?: string | null;
  orgId?: number | null;
  ip?: string | null;
}

export interface AuditEntry {
  /** One of the registered names (lib/audit-actions.ts), each described in both languages. */
  action: AuditAction;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit row. Callers pass the transaction that made the change, so the change
 * and its audit row commit or roll back together. The notifications the action causes
 * (lib/notify/events.ts: returned, approved, warned) are written in the same transaction.
 */
export async function writeAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorName: actor.username ?? null,
    actorOrgId: actor.orgId ?? null,
    ip: actor.ip ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId == null ? null : String(entry.objectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  await notifyForAudit(tx, actor, entry);
}
