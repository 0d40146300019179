"use server";
import { defineAction } from "@/lib/actions/define";
import { reviewMonitoringReport as run } from "@/lib/monitoring/review-report";
import { reviewReportInput } from "@/lib/validation/monitoring";

/** Public endpoint: the department passes a unit's monitoring report or returns it with a reason, like a declaration. */
export const reviewMonitoringReport = defineAction({
  name: "monitoring.reviewReport",
  permission: "declaration.review.department",
  input: reviewReportInput,
  success: "monitoring.reviewed",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
