import "server-only";
import Decimal from "decimal.js";
import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { objectiveIndicators, objectives, objectiveVersions, orgs, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { formatWanExact } from "@/lib/money";
import { loadObjective } from "@/lib/objective/load";
import { id } from "@/lib/validation/common";
import { money } from "@/lib/validation/objective";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The input of issueRegionalObjectives (the action in lib/actions/objective/issue-regional-objectives.ts). */
export const issueRegionalObjectivesInput = z.strictObject({
    objectiveId: id,
    allocations: z.array(z.strictObject({ orgId: id, amount: money })).min(1).max(200),
  });

/**
 * For a transfer payment (转移支付), issue regional objectives to departments of the
 * cities and counties below. Each starts from the overall objective's content and indicators (so
 * targets, monitoring and results roll up against it) with the amount allocated (此次安排金额),
 * and goes through the same wizard, review and approval in its own region.
 */
export async function issueRegionalObjectives(db: Db, actor: Actor, input: z.output<typeof issueRegionalObjectivesInput>) {
  const parent = await loadObjective(db, actor, "project.write", input.objectiveId);
  if (parent.objective.subjectKind !== "transfer" || parent.objective.parentObjectiveId) {
    throw new ActionError("invalid_input", { objectiveId: "只有转移支付的总体目标可以下达区域目标 / only a transfer payment's overall objective issues regional ones" });
  }
  const orgIds = input.allocations.map((a) => a.orgId);
  if (new Set(orgIds).size !== orgIds.length) throw new ActionError("invalid_input", { allocations: "同一单位只能下达一次 / one allocation per recipient" });
  const recipients = await db
    .select({ org: orgs, regionPath: regions.path, regionName: regions.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(inArray(orgs.id, orgIds));
  const fieldErrors: Record<string, string> = {};
  input.allocations.forEach((a, i) => {
    const r = recipients.find((x) => x.org.id === a.orgId);
    // Recipients are departments of regions strictly below the payer's region.
    if (!r || r.org.kind !== "department" || !r.regionPath.startsWith(parent.regionPath) || r.regionPath === parent.regionPath) {
      fieldErrors[`allocations.${i}.orgId`] = "接收单位须为下级地区的主管部门 / the recipient must be a department of a region below";
    }
  });
  if (Object.keys(fieldErrors).length) throw new ActionError("invalid_input", fieldErrors);
  const total = input.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
  if (total.gt(parent.objective.requestedAmount)) {
    throw new ActionError("invalid_input", { allocations: `下达金额合计 ${formatWanExact(total)} 万元超过资金总额 ${formatWanExact(parent.objective.requestedAmount)} 万元 / the allocations (${formatWanExact(total)}) exceed the fund (${formatWanExact(parent.objective.requestedAmount)}), in 10k yuan` });
  }
  return db.transaction(async (tx) => {
    // Two issuances at once take turns on the overall objective's row: the second sees what the
    // first issued, so neither the fund nor the one-per-recipient rule can be beaten by a race
    // (a unique index on (parent, recipient) backs the latter). The fund is read under the lock.
    const [locked] = await tx
      .select({ requestedAmount: objectives.requestedAmount })
      .from(objectives)
      .where(eq(objectives.id, parent.objective.id))
      .for("update");
    const fund = new Decimal(locked.requestedAmount);
    const existing = await tx
      .select({ ownerOrgId: objectives.ownerOrgId, amount: objectives.allocatedAmount })
      .from(objectives)
      .where(eq(objectives.parentObjectiveId, parent.objective.id));
    if (existing.some((e) => orgIds.includes(e.ownerOrgId))) {
      throw new ActionError("invalid_input", { allocations: "已向其中部分单位下达过区域目标 / some recipients already have one" });
    }
    // What was issued before counts against the fund too.
    const issued = existing.reduce((s, e) => s.plus(e.amount ?? "0"), new Decimal(0));
    if (issued.plus(total).gt(fund)) {
      throw new ActionError("invalid_input", {
        allocations: `已下达 ${formatWanExact(issued)} 万元，加上本次 ${formatWanExact(total)} 万元超过资金总额 ${formatWanExact(fund)} 万元 / ${formatWanExact(issued)} issued before plus ${formatWanExact(total)} now exceed the fund (${formatWanExact(fund)}), in 10k yuan`,
      });
    }
    const created: number[] = [];
    for (const a of input.allocations) {
      const r = recipients.find((x) => x.org.id === a.orgId)!;
      const [o] = await insertOnce(
        tx
          .insert(objectives)
          .values({
            subjectKind: "transfer",
            projectId: parent.objective.projectId,
            parentObjectiveId: parent.objective.id,
            ownerOrgId: r.org.id,
            departmentOrgId: r.org.id,
            regionId: r.org.regionId,
            fiscalYear: parent.objective.fiscalYear,
            title: `${parent.objective.title}（${r.regionName}）`,
            requestedAmount: a.amount,
            allocatedAmount: a.amount,
          })
          .returning({ id: objectives.id }),
      );
      const from = parent.version;
      const [v] = await tx
        .insert(objectiveVersions)
        .values({
          objectiveId: o.id,
          number: 1,
          basic: { ...(from.basic as object), name: `${parent.objective.title}（${r.regionName}）` },
          funding: [{ source: "superior_transfer", year: parent.objective.fiscalYear, amount: a.amount }],
          requestedAmount: a.amount,
          fundUses: from.fundUses,
          plan: from.plan,
          overallGoal: from.overallGoal,
          annualGoal: from.annualGoal,
          createdBy: actor.userId,
        })
        .returning({ id: objectiveVersions.id });
      await tx.execute(sql`
        insert into ${objectiveIndicators} (version_id, ordinal, fund_use, level1, level2, name, comparison, annual_target, period_target, unit, weight, explanation, formula, indicator_id, custom_reason)
        select ${v.id}, ordinal, fund_use, level1, level2, name, comparison, annual_target, period_target, unit, weight, explanation, formula, indicator_id, custom_reason
        from ${objectiveIndicators} where version_id = ${from.id}`);
      await tx.update(objectives).set({ currentVersionId: v.id }).where(eq(objectives.id, o.id));
      await writeAudit(tx, actor, {
        action: "objective.issueRegional",
        objectType: "objective",
        objectId: o.id,
        after: { parentObjectiveId: parent.objective.id, recipient: r.org.name, amount: a.amount },
      });
      created.push(o.id);
    }
    return { ids: created };
  });
}

/** The unique index on (parent, recipient) refusing a second regional objective: said like the check above. */
async function insertOnce<T>(insert: Promise<T>): Promise<T> {
  try {
    return await insert;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("invalid_input", { allocations: "已向其中部分单位下达过区域目标 / some recipients already have one" });
    throw e;
  }
}
