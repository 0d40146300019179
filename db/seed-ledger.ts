import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import type { Tx } from "./client";
import { budgetMovements, objectives, objectiveVersions, projects } from "./schema";

/**
 * Demo ledger (DESIGN §3.11): every approved objective not yet arranged gets its 安排 movement —
 * the amount requested in its approved version (a region's part: its allocated amount), with a
 * 批复文号 of the province and the 20th of November before the fiscal year — and its project, when
 * merely admitted, moves to 已安排预算 (budgeted), as arranging through the screen does — all but
 * LEFT_TO_ARRANGE (the rural bridge project, with its red June warnings). Runs before
 * the demo disclosures (which disclose the ledger's amount) and again after the evaluation seed.
 */
/** Approved but left for finance to arrange on screen (the browser spec of the money line starts here). */
export const LEFT_TO_ARRANGE = ["农村公路危桥改造工程"];

export async function seedDemoLedger(tx: Tx, userIds: Map<string, number>) {
  const admin = userIds.get("admin")!;
  const rows = await tx
    .select({ id: objectives.id, fiscalYear: objectives.fiscalYear, projectId: objectives.projectId, parent: objectives.parentObjectiveId, allocated: objectives.allocatedAmount, requested: objectiveVersions.requestedAmount })
    .from(objectives)
    .innerJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
    .where(and(isNotNull(objectives.approvedVersionId), isNull(objectives.budgetArrangedOn), notInArray(objectives.title, LEFT_TO_ARRANGE)))
    .orderBy(objectives.id);
  const arranged = rows.filter((r) => Number(r.allocated ?? r.requested) > 0);
  if (!arranged.length) return;
  await tx.insert(budgetMovements).values(
    arranged.map((r, i) => ({
      objectiveId: r.id,
      fiscalYear: r.fiscalYear,
      kind: "arrange" as const,
      amount: r.allocated ?? r.requested,
      documentNo: `粤财预〔${r.fiscalYear - 1}〕${100 + i}号`,
      documentDate: `${r.fiscalYear - 1}-11-20`,
      createdBy: admin,
    })),
  );
  const projectIds = arranged.filter((r) => r.projectId != null && r.parent == null).map((r) => r.projectId!);
  if (projectIds.length) {
    await tx
      .update(projects)
      .set({ state: "budgeted", version: sql`${projects.version} + 1` })
      .where(and(inArray(projects.id, projectIds), eq(projects.state, "admitted")));
  }
}
