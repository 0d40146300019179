import "server-only";
import { loadReport } from "@/lib/monitoring/load";
import { reportWorkflow } from "@/lib/workflow/machines";
import { reviewReportInput } from "@/lib/validation/monitoring";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The department passes a unit's monitoring report or returns it with a reason, like a declaration. */
export async function reviewMonitoringReport(db: Db, actor: Actor, input: z.output<typeof reviewReportInput>) {
  const loaded = await loadReport(db, actor, "declaration.review.department", input.reportId);
  return db.transaction(async (tx) => {
    const { to, version } = await reportWorkflow.fire(tx, actor, loaded.ref, input.result === "pass" ? "dept_pass" : "dept_return", input.version, {
      set: { reviewComment: input.comment, reviewedBy: actor.userId, reviewedAt: new Date() },
      audit: { comment: input.comment },
    });
    return { state: to, version };
  });
}
