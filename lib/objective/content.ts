import type { DbOrTx } from "@/db/client";
import type { objectiveVersions } from "@/db/schema";
import type { DeclarationContent } from "./completeness";
import { loadIndicators } from "./load";
import type { BasicInfo, IndicatorRowInput, KeyTask } from "@/lib/validation/objective";

type VersionRow = typeof objectiveVersions.$inferSelect;

/** A version's whole declaration, in the shape the completeness rules and the wizard read. */
export async function declarationContent(db: DbOrTx, version: VersionRow): Promise<DeclarationContent & { keyTasks: KeyTask[]; indicatorRows: Awaited<ReturnType<typeof loadIndicators>> }> {
  const rows = await loadIndicators(db, version.id);
  const indicators: IndicatorRowInput[] = rows.map((r) => ({
    fundUse: r.fundUse,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    comparison: r.comparison,
    annualTarget: r.annualTarget,
    periodTarget: r.periodTarget,
    unit: r.unit,
    weight: r.weight,
    explanation: r.explanation,
    formula: r.formula,
    indicatorId: r.indicatorId,
    customReason: r.customReason,
    changeReason: r.changeReason,
  }));
  return {
    basic: version.basic as Partial<BasicInfo>,
    funding: { requestedAmount: version.requestedAmount, rows: (version.funding as never[]) ?? [], fundUses: version.fundUses },
    performance: {
      plan: (version.plan as never[]) ?? [],
      overallGoal: version.overallGoal,
      annualGoal: version.annualGoal,
      indicators,
    },
    keyTasks: (version.keyTasks as KeyTask[] | null) ?? [],
    indicatorRows: rows,
  };
}
