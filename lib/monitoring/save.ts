import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { monitoringReportIndicators, monitoringReports } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { saveReportInput } from "@/lib/validation/monitoring";
import { loadReport, loadReportLines } from "./load";
import { mayEditReport } from "./workflow";
import { msg } from "@/lib/i18n/core";

/** Saves a report's figures as a draft: the filer's form and the Excel import both come here. */
export async function saveReport(db: Db, actor: Actor, input: z.output<typeof saveReportInput>, auditExtra: Record<string, unknown> = {}) {
  const loaded = await loadReport(db, actor, "project.write", input.reportId);
  if (!mayEditReport(actor, loaded.ref)) throw new ActionError("forbidden", { _form: "workflow.notNow" });
  const known = new Set((await loadReportLines(db, loaded.report)).map((l) => l.indicator.ordinal));
  for (const l of input.lines) {
    if (!known.has(l.ordinal)) throw new ActionError("invalid_input", { [`lines.${l.ordinal}`]: msg("rules.noSuchRow") });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(monitoringReports)
      .set({ adjustedBudget: input.adjustedBudget, executedAmount: input.executedAmount, version: sql`${monitoringReports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(monitoringReports.id, loaded.report.id), eq(monitoringReports.version, input.version), eq(monitoringReports.state, loaded.report.state)))
      .returning({ version: monitoringReports.version });
    if (!row) throw new ActionError("conflict");
    for (const l of input.lines) {
      const values = {
        valueReached: l.valueReached,
        expectedValue: l.expectedValue,
        judgement: l.judgement ?? null,
        deviationReason: l.deviationReason,
        correctiveMeasure: l.correctiveMeasure,
      };
      await tx
        .insert(monitoringReportIndicators)
        .values({ reportId: loaded.report.id, ordinal: l.ordinal, ...values })
        .onConflictDoUpdate({ target: [monitoringReportIndicators.reportId, monitoringReportIndicators.ordinal], set: values });
    }
    await writeAudit(tx, actor, {
      action: "monitoring_report.save",
      objectType: "monitoring_report",
      objectId: loaded.report.id,
      before: { executedAmount: loaded.report.executedAmount, adjustedBudget: loaded.report.adjustedBudget },
      after: { executedAmount: input.executedAmount, adjustedBudget: input.adjustedBudget, lines: input.lines.length, version: row.version, ...auditExtra },
    });
    return { version: row.version };
  });
}
