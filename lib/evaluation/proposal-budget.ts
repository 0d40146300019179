import { sql, type SQL } from "drizzle-orm";
import { objectives, objectiveVersions } from "@/db/schema";

/**
 * THE current budget of a subject (an objective of the evaluated year), as SQL over `objectives`:
 * the budget ledger's sum (objectives.budget_current, kept by the movements' trigger) once the
 * subject's budget is arranged; before that — a subject never arranged, or a regional part issued
 * before the ledger — the amount allocated to a regional objective, else the approved version's
 * requested amount. Result application's department totals compare it with next year's proposals.
 */
export function currentBudgetSql(): SQL<string> {
  return sql<string>`case when ${objectives.budgetArrangedOn} is not null then ${objectives.budgetCurrent} else coalesce(${objectives.allocatedAmount}, (select ov.requested_amount from ${objectiveVersions} ov where ov.id = ${objectives.approvedVersionId}), 0) end`;
}
