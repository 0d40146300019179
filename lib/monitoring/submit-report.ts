import "server-only";
import { eq } from "drizzle-orm";
import { objectives } from "@/db/schema";
import { isPastDeadline } from "@/lib/format";
import { ActionError } from "@/lib/errors";
import { reportErrors } from "@/lib/monitoring/completeness";
import { loadReport, loadReportLines, thresholdsFor } from "@/lib/monitoring/load";
import { evaluateReport } from "@/lib/monitoring/rules";
import { replaceWarnings } from "@/lib/monitoring/warnings";
import { reportWorkflow } from "@/lib/workflow/machines";
import { submitReportInput } from "@/lib/validation/monitoring";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * The filer submits a monitoring report. Completeness first (per field); then the
 * warning rules of DESIGN §3.6 run with the fiscal year's thresholds, and the execution light, the
 * warnings (each with its rule and numbers) and the state change commit together. A resubmitted
 * report replaces its warnings that finance has not disposed yet.
 */
export async function submitMonitoringReport(db: Db, actor: Actor, input: z.output<typeof submitReportInput>) {
  const loaded = await loadReport(db, actor, "project.write", input.reportId);
  const lines = await loadReportLines(db, loaded.report);
  const draft = {
    executedAmount: loaded.report.executedAmount,
    lines: lines.map(({ line, indicator }) => ({
      ordinal: indicator.ordinal,
      valueReached: line?.valueReached ?? null,
      expectedValue: line?.expectedValue ?? null,
      judgement: line?.judgement ?? null,
      deviationReason: line?.deviationReason ?? null,
      correctiveMeasure: line?.correctiveMeasure ?? null,
    })),
  };
  const errors = reportErrors(draft);
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  const thresholds = await thresholdsFor(db, loaded.regionPath, loaded.period.fiscalYear);
  // The rate is measured against the ledger's current budget once one is arranged (the history keeps the original).
  const [money] = await db.select({ current: objectives.budgetCurrent, arrangedOn: objectives.budgetArrangedOn }).from(objectives).where(eq(objectives.id, loaded.report.objectiveId));
  const ledgerAdjusted = money?.arrangedOn && money.current !== loaded.report.budget ? money.current : null;
  const { execution, warnings } = evaluateReport(
    {
      executed: loaded.report.executedAmount!,
      budget: loaded.report.budget,
      adjustedBudget: ledgerAdjusted ?? loaded.report.adjustedBudget,
      throughMonth: loaded.period.throughMonth,
      indicators: lines.map(({ line, indicator }) => ({ ordinal: indicator.ordinal, name: indicator.name, comparison: indicator.comparison, judgement: line!.judgement! })),
    },
    thresholds,
  );
  const now = new Date();
  // Accepted after the period's deadline, and marked late (as declarations are).
  const late = isPastDeadline(now, loaded.period.deadline);
  return db.transaction(async (tx) => {
    const { to, version } = await reportWorkflow.fire(tx, actor, loaded.ref, "submit", input.version, {
      set: { submittedAt: now, executionIndex: execution.index, executionLight: execution.light },
      audit: { late, executionLight: execution.light, index: execution.index, warnings: warnings.map((w) => `${w.rule}:${w.light}`) },
    });
    await replaceWarnings(tx, loaded.report, warnings);
    return { late, state: to, version, executionLight: execution.light, index: execution.index, warnings: warnings.length };
  });
}
