"use server";
import { defineAction } from "@/lib/actions/define";
import { writeAudit } from "@/lib/audit";
import { openPeriod } from "@/lib/monitoring/open";
import { openPeriodInput } from "@/lib/validation/monitoring";

/**
 * Public endpoint: finance opens a monitoring period (e.g. to the end of June) of its region's
 * fiscal year with a deadline; every approved subject of the region gets its report to fill.
 * Opening the same period again only adds reports for subjects approved since.
 */
export const openMonitoringPeriod = defineAction({
  name: "monitoring.openPeriod",
  permission: "monitoring.period.manage",
  input: openPeriodInput,
  success: "monitoring.opened",
  async run({ actor, db, input }) {
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
  },
});
