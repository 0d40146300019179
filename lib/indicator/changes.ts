import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { indicatorChangeRequests, orgs, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { decideChangeInput, IndicatorFields } from "@/lib/validation/indicator";
import { indicatorChangeWorkflow } from "@/lib/workflow/machines";
import { assertProvincialFinance } from "./guards";
import { newIndicator, publishVersion } from "./publish";

/**
 * The provincial finance department approves or rejects a change request. Approval publishes: a
 * new indicator (version 1), or a new version of the indicator (adjusted or retired); objectives
 * keep the version they picked. Two deciders at once: one wins, the other is told of the conflict.
 */
export async function decideIndicatorChange(db: Db, actor: Actor, input: z.output<typeof decideChangeInput>) {
  assertProvincialFinance(actor);
  const [found] = await db
    .select({ req: indicatorChangeRequests, orgPath: orgs.path, regionPath: regions.path })
    .from(indicatorChangeRequests)
    .innerJoin(orgs, eq(orgs.id, indicatorChangeRequests.proposerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(indicatorChangeRequests.id, input.requestId));
  // A request that does not exist was never pending: the caller's view is stale.
  if (!found) throw new ActionError("conflict");
  const req = found.req;
  const ref = { id: req.id, state: req.status, version: req.version, orgPath: found.orgPath, regionPath: found.regionPath };
  const event = input.approve ? "approve" : "reject";
  return db.transaction(async (tx) => {
    let published: { code: string; version: number } | null = null;
    await indicatorChangeWorkflow.fire(tx, actor, ref, event, input.version, {
      set: { decisionReason: input.reason, decidedBy: actor.userId, decidedAt: new Date() },
      auditAs: { action: `indicator.${event}.${req.kind}` as AuditAction, objectType: "indicator" },
      audit: { requestId: req.id, reason: input.reason },
      alsoWrite: async () => {
        if (input.approve) {
          const proposed = req.proposed as (IndicatorFields & { sector?: string }) | null;
          if (req.kind === "add") {
            const row = await newIndicator(tx, { fields: proposed!, kind: "sector", sector: proposed!.sector ?? null, ownerOrgId: req.proposerOrgId });
            published = { code: row.code, version: row.version };
            // The request now names the indicator it created, so the indicator's history finds it.
            await tx.update(indicatorChangeRequests).set({ indicatorCode: row.code }).where(eq(indicatorChangeRequests.id, req.id));
          } else {
            const row = await publishVersion(tx, req.indicatorCode!, req.baseVersion!, req.kind === "retire" ? { retire: true } : { fields: proposed! });
            published = { code: row.code, version: row.version };
          }
        }
        const p = published as { code: string; version: number } | null;
        return { audit: { published: p }, objectId: p?.code ?? req.indicatorCode ?? `request:${req.id}` };
      },
    });
    return { published: published as { code: string; version: number } | null };
  });
}
