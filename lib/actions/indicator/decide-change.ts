"use server";
import { and, eq, sql } from "drizzle-orm";
import { indicatorChangeRequests } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { assertProvincialFinance } from "@/lib/indicator/guards";
import { newIndicator, publishVersion } from "@/lib/indicator/publish";
import { decideChangeInput, type IndicatorFields } from "@/lib/validation/indicator";

/**
 * Public endpoint: the provincial finance department approves or rejects a change request.
 * Approval publishes: a new indicator (version 1), or a new version of the indicator (adjusted or
 * retired); objectives keep the version they picked. Two deciders at once: one wins.
 */
export const decideIndicatorChange = defineAction({
  name: "indicator.decide",
  permission: "indicator.manage",
  input: decideChangeInput,
  async run({ actor, db, input }) {
    assertProvincialFinance(actor);
    return db.transaction(async (tx) => {
      const [req] = await tx
        .update(indicatorChangeRequests)
        .set({
          status: input.approve ? "approved" : "rejected",
          decisionReason: input.reason,
          decidedBy: actor.userId,
          decidedAt: new Date(),
          version: sql`${indicatorChangeRequests.version} + 1`,
        })
        .where(and(eq(indicatorChangeRequests.id, input.requestId), eq(indicatorChangeRequests.status, "pending"), eq(indicatorChangeRequests.version, input.version)))
        .returning();
      if (!req) throw new ActionError("conflict");
      let published: { code: string; version: number } | null = null;
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
      await writeAudit(tx, actor, {
        action: input.approve ? `indicator.approve.${req.kind}` : `indicator.reject.${req.kind}`,
        objectType: "indicator",
        objectId: published?.code ?? req.indicatorCode ?? `request:${req.id}`,
        after: { requestId: req.id, reason: input.reason, published },
      });
      return { published };
    });
  },
});
