import "server-only";
import { and, eq } from "drizzle-orm";
import { indicatorChangeRequests, indicators } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { currentIndicator } from "@/lib/indicator/guards";
import { proposeChangeInput } from "@/lib/validation/indicator";

const PENDING_MESSAGE = msg("rules.changePending");
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/**
 * A line department proposes to add, adjust or retire an indicator of its own
 * sector, with a reason (evidence files are attached next). Finance decides. Only the department
 * that owns the indicator (or, for a new one, owns indicators of that sector) may propose.
 */
export async function proposeIndicatorChange(db: Db, actor: Actor, input: z.output<typeof proposeChangeInput>) {
  if (input.kind === "add") {
    const owned = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.sector, input.sector), eq(indicators.ownerOrgId, actor.orgId), eq(indicators.kind, "sector")))
      .limit(1);
    if (!owned.length) throw new ActionError("forbidden", { sector: msg("rules.ownSectorOnly") });
  } else {
    const current = await currentIndicator(db, input.code);
    if (current.kind !== "sector" || current.ownerOrgId !== actor.orgId) {
      throw new ActionError("forbidden", { code: msg("rules.ownSectorIndicators") }, { type: "indicator", id: input.code });
    }
    if (current.version !== input.baseVersion) throw new ActionError("conflict");
    if (input.kind === "retire" && current.status === "retired") throw new ActionError("invalid_input", { code: msg("rules.alreadyRetired") });
    const [open] = await db
      .select({ id: indicatorChangeRequests.id })
      .from(indicatorChangeRequests)
      .where(and(eq(indicatorChangeRequests.indicatorCode, input.code), eq(indicatorChangeRequests.status, "pending")))
      .limit(1);
    if (open) throw new ActionError("invalid_input", { code: PENDING_MESSAGE });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorChangeRequests)
      .values({
        kind: input.kind,
        indicatorCode: input.kind === "add" ? null : input.code,
        baseVersion: input.kind === "add" ? null : input.baseVersion,
        proposed: input.kind === "retire" ? null : input.kind === "add" ? { ...input.fields, sector: input.sector } : input.fields,
        reason: input.reason,
        proposerId: actor.userId,
        proposerOrgId: actor.orgId,
      })
      .returning({ id: indicatorChangeRequests.id })
      .catch((e: unknown) => {
        // Two proposals for one indicator at the same moment: the unique index lets one in.
        throw isUniqueViolation(e) ? new ActionError("invalid_input", { code: PENDING_MESSAGE }) : e;
      });
    await writeAudit(tx, actor, {
      action: `indicator.propose.${input.kind}`,
      objectType: "indicator",
      objectId: input.kind === "add" ? `request:${row.id}` : input.code,
      after: { requestId: row.id, reason: input.reason },
    });
    return { id: row.id };
  });
}
