import { sql, type SQL } from "drizzle-orm";
import { objectives, objectiveVersions } from "@/db/schema";

/**
 * THE current budget of a subject (an objective of the evaluated year), as SQL over `objectives`:
 * what the code uses today for a subject's budget (monitoring opens its reports on it) — the
 * amount allocated to a regional objective, else the approved version's requested amount.
 * Result application's department totals compare it with next year's proposals. When the budget
 * ledger (DESIGN §3.11) lands, this one function switches to the ledger's sum.
 */
export function currentBudgetSql(): SQL<string> {
  return sql<string>`coalesce(${objectives.allocatedAmount}, (select ov.requested_amount from ${objectiveVersions} ov where ov.id = ${objectives.approvedVersionId}), 0)`;
}
