import "server-only";
import { writeAudit } from "@/lib/audit";
import { openPeriod } from "@/lib/monitoring/open";
import { openPeriodInput } from "@/lib/validation/monitoring";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * Finance opens a monitoring period (e.g. to the end of June) of its region's
 * fiscal year with a deadline; every approved subject of the region gets its report to fill.
 * Opening the same period again only adds reports for subjects approved since.
 */
export async function openMonitoringPeriod(db: Db, actor: Actor, input: z.output<typeof openPeriodInput>) {
  return db.transaction(async (tx) => {
    const r = await openPeriod(tx, { regionId: actor.regionId, fiscalYear: input.fiscalYear, throughMonth: input.throughMonth, deadline: input.deadline, openedBy: actor.userId });
    await writeAudit(tx, actor, {
      action: "monitoring_period.open",
      objectType: "monitoring_period",
      objectId: r.periodId,
      after: { ...input, regionId: actor.regionId, reportsCreated: r.created, periodCreated: r.periodCreated },
    });
    return r;
  });
}
