"use server";
import { and, eq, sql } from "drizzle-orm";
import { monitoringWarnings, warningDispositions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadWarning } from "@/lib/monitoring/load";
import { disposeWarningInput } from "@/lib/validation/monitoring";

/**
 * Public endpoint: finance disposes a warning — continue, rectify by a deadline, adjust the
 * budget, suspend funding or stop. Once per warning (of two officers at once, one wins); a
 * rectification opens a task in the filer's inbox until its evidence is accepted.
 */
export const disposeWarning = defineAction({
  name: "monitoring.disposeWarning",
  permission: "warning.dispose",
  input: disposeWarningInput,
  success: "monitoring.disposed",
  async run({ actor, db, input }) {
    const loaded = await loadWarning(db, actor, "warning.dispose", input.warningId);
    if (loaded.warning.state !== "open" || loaded.disposition) throw new ActionError("conflict");
    return db.transaction(async (tx) => {
      const [w] = await tx
        .update(monitoringWarnings)
        .set({ state: "disposed", version: sql`${monitoringWarnings.version} + 1` })
        .where(and(eq(monitoringWarnings.id, input.warningId), eq(monitoringWarnings.state, "open"), eq(monitoringWarnings.version, input.version)))
        .returning({ version: monitoringWarnings.version });
      if (!w) throw new ActionError("conflict");
      const rectify = input.kind === "rectify";
      const [d] = await tx
        .insert(warningDispositions)
        .values({
          warningId: input.warningId,
          kind: input.kind,
          comment: input.comment,
          rectifyDeadline: rectify ? input.rectifyDeadline : null,
          rectificationState: rectify ? "open" : null,
          decidedBy: actor.userId,
        })
        .returning({ id: warningDispositions.id });
      await writeAudit(tx, actor, {
        action: "monitoring_warning.dispose",
        objectType: "monitoring_warning",
        objectId: input.warningId,
        before: { state: "open" },
        after: { state: "disposed", kind: input.kind, comment: input.comment, rectifyDeadline: rectify ? input.rectifyDeadline : undefined, dispositionId: d.id },
      });
      return { dispositionId: d.id, version: w.version };
    });
  },
});
