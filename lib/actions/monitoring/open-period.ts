"use server";
import { defineAction } from "@/lib/actions/define";
import { openMonitoringPeriod as run } from "@/lib/monitoring/open-period";
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
    return run(db, actor, input);
  },
});
