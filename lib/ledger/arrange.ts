import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { budgetApprovals, fiscalYears, objectives, orgs, projects, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { isUniqueViolation } from "@/lib/db-errors";
import { msg } from "@/lib/i18n/core";
import { loadObjective, loadProject } from "@/lib/objective/load";
import { projectFacts } from "@/lib/project/project-event";
import type { approveBudgetInput, arrangeBudgetInput } from "@/lib/validation/ledger";
import { projectWorkflow } from "@/lib/workflow/machines";
import { move } from "./movements";

/** Finance arranges budgets: the permission of whoever approves objectives (谁批复预算，谁批复目标). */
export const ARRANGE_PERMISSION = "declaration.review.finance" as const;

/** The province's `disclosure_days` for a year (the root of the region path is the province). */
export async function disclosureDays(db: Db | Tx, regionPath: string, year: number): Promise<number> {
  const provinceId = Number(regionPath.split("/")[1]);
  const [fy] = await db
    .select({ days: fiscalYears.disclosureDays })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, year)));
  return fy?.days ?? 20;
}

/** A China date plus n days ("2027-01-10" + 20 → "2027-01-30"). */
export function addDays(isoDate: string, n: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Arrange one subject's budget inside `tx`: the objective must be approved (an approved version in
 * force) and, for a project, the project admitted to the pool — its `budget` event fires in the same
 * transaction (无目标不安排预算). The ledger refuses a second arrangement and an amount over the
 * request without a reason.
 */
async function arrangeIn(tx: Tx, actor: Actor, objectiveId: number, a: { amount: string; documentNo: string; documentDate: string; reason?: string | null; approvalId?: number | null }, field = "amount") {
  const [o] = await tx.select().from(objectives).where(eq(objectives.id, objectiveId));
  if (!o || o.approvedVersionId == null) throw new ActionError("invalid_input", { [field]: msg("ledger.notApproved") });
  if (o.projectId != null && o.parentObjectiveId == null) {
    const loaded = await loadProject(tx, actor, ARRANGE_PERMISSION, o.projectId);
    const state = loaded.project.state;
    if (state === "reserve" || state === "withdrawn") throw new ActionError("invalid_input", { [field]: msg("ledger.projectNotAdmitted") });
    if (state === "admitted") {
      const facts = await projectFacts(tx, loaded.project, loaded.regionPath);
      await projectWorkflow.fire(tx, actor, loaded.ref, "budget", loaded.project.version, { facts, audit: { objectiveId, amount: a.amount, documentNo: a.documentNo } });
    }
  }
  return move(tx, actor, objectiveId, { kind: "arrange", ...a }, field);
}

/** 安排预算 of one subject (项目, 部门整体, 转移支付 or a region's part), with its 批复文号. */
export async function arrangeBudget(db: Db, actor: Actor, input: z.output<typeof arrangeBudgetInput>) {
  await loadObjective(db, actor, ARRANGE_PERMISSION, input.objectiveId);
  return db.transaction((tx) => arrangeIn(tx, actor, input.objectiveId, input));
}

/**
 * 批复 of a department's budget for a year, as ONE act (同步批复): the approval row (one per
 * department and year — of two officers at once, one wins), then every listed approved objective
 * of the department arranged with the approval's 文号 and date. Any refusal writes nothing. The
 * objectives must then be disclosed within the fiscal year's `disclosure_days` of the date.
 */
export async function approveDepartmentBudget(db: Db, actor: Actor, input: z.output<typeof approveBudgetInput>) {
  const [dept] = await db.select({ id: orgs.id, kind: orgs.kind, path: orgs.path, regionId: orgs.regionId, regionPath: regions.path }).from(orgs).innerJoin(regions, eq(regions.id, orgs.regionId)).where(eq(orgs.id, input.departmentOrgId));
  if (!dept || dept.kind !== "department" || !canOn(actor, ARRANGE_PERMISSION, { orgPath: dept.path, regionPath: dept.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "org", id: input.departmentOrgId });
  }
  const ids = input.items.map((i) => i.objectiveId);
  if (new Set(ids).size !== ids.length) throw new ActionError("invalid_input", { items: msg("ledger.onceEach") });
  const found = await db
    .select({ id: objectives.id, departmentOrgId: objectives.departmentOrgId, fiscalYear: objectives.fiscalYear, approvedVersionId: objectives.approvedVersionId })
    .from(objectives)
    .where(inArray(objectives.id, ids));
  const errors: Record<string, string> = {};
  input.items.forEach((item, i) => {
    const o = found.find((f) => f.id === item.objectiveId);
    if (!o || o.departmentOrgId !== dept.id) errors[`items.${i}.objectiveId`] = msg("ledger.notOfDepartment");
    else if (o.fiscalYear !== input.fiscalYear) errors[`items.${i}.objectiveId`] = msg("ledger.otherYear", { year: o.fiscalYear });
    else if (o.approvedVersionId == null) errors[`items.${i}.objectiveId`] = msg("ledger.notApproved");
  });
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  const days = await disclosureDays(db, dept.regionPath, input.fiscalYear);
  try {
    return await db.transaction(async (tx) => {
      const [approval] = await tx
        .insert(budgetApprovals)
        .values({
          departmentOrgId: dept.id,
          regionId: dept.regionId,
          fiscalYear: input.fiscalYear,
          documentNo: input.documentNo,
          documentDate: input.documentDate,
          disclosureDeadline: addDays(input.documentDate, days),
          approvedBy: actor.userId,
        })
        .returning();
      const moved = [];
      for (const [i, item] of input.items.entries()) {
        moved.push(await arrangeIn(tx, actor, item.objectiveId, { amount: item.amount, documentNo: input.documentNo, documentDate: input.documentDate, reason: item.reason, approvalId: approval.id }, `items.${i}.amount`));
      }
      await writeAudit(tx, actor, {
        action: "ledger.approve",
        objectType: "org",
        objectId: dept.id,
        after: { approvalId: approval.id, fiscalYear: input.fiscalYear, documentNo: input.documentNo, documentDate: input.documentDate, disclosureDeadline: approval.disclosureDeadline, items: input.items.map((it) => ({ objectiveId: it.objectiveId, amount: it.amount })) },
      });
      return { approvalId: approval.id, disclosureDeadline: approval.disclosureDeadline, movements: moved.map((m) => m.movementId) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("conflict", { documentNo: msg("ledger.alreadyApproved") });
    throw e;
  }
}

/** The approved, not yet arranged objectives of a department for a year: what its 批复 lists, with the suggested amounts. */
export async function approvalCandidates(db: Db, actor: Actor, departmentOrgId: number, fiscalYear: number) {
  const rows = await db
    .select({
      id: objectives.id,
      title: objectives.title,
      subjectKind: objectives.subjectKind,
      requested: sql<string>`coalesce(${objectives.allocatedAmount}, (select requested_amount from objective_versions v where v.id = ${objectives.approvedVersionId}))`,
      suggested: sql<string | null>`(select bp.confirmed_amount from budget_proposals bp where bp.project_id = ${objectives.projectId} and bp.fiscal_year = ${objectives.fiscalYear} and bp.confirmed_amount is not null order by bp.id desc limit 1)`,
      projectState: projects.state,
      orgPath: orgs.path,
      regionPath: regions.path,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .leftJoin(projects, eq(projects.id, objectives.projectId))
    .where(and(eq(objectives.departmentOrgId, departmentOrgId), eq(objectives.fiscalYear, fiscalYear), isNotNull(objectives.approvedVersionId), sql`${objectives.budgetArrangedOn} is null`))
    .orderBy(objectives.id);
  return rows.filter((r) => canOn(actor, ARRANGE_PERMISSION, { orgPath: r.orgPath, regionPath: r.regionPath }));
}
