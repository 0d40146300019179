"use server";
import { defineAction } from "@/lib/actions/define";
import { loadReport } from "@/lib/monitoring/load";
import { reportWorkflow } from "@/lib/workflow/machines";
import { reviewReportInput } from "@/lib/validation/monitoring";

/** Public endpoint: the department passes a unit's monitoring report or returns it with a reason, like a declaration. */
export const reviewMonitoringReport = defineAction({
  name: "monitoring.reviewReport",
  permission: "declaration.review.department",
  input: reviewReportInput,
  success: "monitoring.reviewed",
  async run({ actor, db, input }) {
    const loaded = await loadReport(db, actor, "declaration.review.department", input.reportId);
    return db.transaction(async (tx) => {
      const { to, version } = await reportWorkflow.fire(tx, actor, loaded.ref, input.result === "pass" ? "dept_pass" : "dept_return", input.version, {
        set: { reviewComment: input.comment, reviewedBy: actor.userId, reviewedAt: new Date() },
        audit: { comment: input.comment },
      });
      return { state: to, version };
    });
  },
});
