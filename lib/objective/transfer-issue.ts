import "server-only";
import Decimal from "decimal.js";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { objectiveIndicators, objectives, objectiveVersions, orgs, regions } from "@/db/schema";
import type { Tx } from "@/db/client";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { msg } from "@/lib/i18n/core";
import { formatWanExact } from "@/lib/money";
import { loadObjective } from "@/lib/objective/load";
import { sectorOfCode } from "@/lib/objective/transfer-recipients";
import { isAdditiveQuantity, isTargetNumber, proportionalSplit, sumTargets } from "@/lib/objective/transfer-split";
import { id, safeString } from "@/lib/validation/common";
import { money } from "@/lib/validation/objective";
import type { Actor } from "@/lib/auth/actor";

/** The input of issueTransfer (the action: lib/actions/objective/issue-regional-objectives.ts). */
export const issueTransferInput = z.strictObject({
  objectiveId: id,
  allocations: z
    .array(
      z.strictObject({
        orgId: id,
        /** 元, a decimal string: the region's part of the fund. */
        amount: money,
        /** Per split indicator (by its ordinal in the approved version): the region's annual target. */
        targets: z.record(z.string().regex(/^\d{1,4}$/), safeString(20)).default({}),
      }),
    )
    .min(1)
    .max(200),
});
export type IssueTransferInput = z.output<typeof issueTransferInput>;

type FieldErrs = Record<string, string>;

/**
 * 下达 a transfer payment (转移支付) to the regions: the whole fund of its approved overall objective,
 * split among departments of the same sector in the regions below, each receiving a regional
 * objective (区域绩效目标) with its part (`objectives.allocated_amount`, 此次安排金额) and the overall
 * objective's content and indicators — the additive quantity indicators (lib/objective/transfer-split.ts)
 * carrying the region's share of the province's target. Once per overall objective, all regions in
 * one act; the parts add up to the whole and each split target to the province's.
 *
 * Runs in the caller's transaction: the overall objective's row is locked first, so two finance
 * users issuing at once take turns and the second finds it issued (one recipient twice is also
 * refused by the unique index on (parent, recipient)). Every refusal is thrown before anything is
 * written, as messages on the fields concerned.
 */
export async function issueTransfer(tx: Tx, actor: Actor, input: IssueTransferInput): Promise<{ ids: number[] }> {
  const parent = await loadObjective(tx, actor, "transfer.issue", input.objectiveId);
  if (parent.objective.subjectKind !== "transfer" || parent.objective.parentObjectiveId !== null) {
    throw new ActionError("invalid_input", { objectiveId: msg("transfer.notOverall") });
  }
  // Turns: the state, the version in force and what was issued are read under the row's lock.
  const [locked] = await tx
    .select({ state: objectives.state, approvedVersionId: objectives.approvedVersionId })
    .from(objectives)
    .where(eq(objectives.id, parent.objective.id))
    .for("update");
  if (locked.state !== "approved" || locked.approvedVersionId === null) {
    throw new ActionError("invalid_input", { objectiveId: msg("transfer.notApproved") });
  }
  const issuedBefore = await tx.select({ id: objectives.id }).from(objectives).where(eq(objectives.parentObjectiveId, parent.objective.id)).limit(1);
  if (issuedBefore.length) throw new ActionError("invalid_input", { allocations: msg("transfer.alreadyIssued") });

  const [inForce] = await tx.select().from(objectiveVersions).where(eq(objectiveVersions.id, locked.approvedVersionId));
  const indicators = await tx.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, inForce.id)).orderBy(asc(objectiveIndicators.ordinal));
  const [issuer] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.id, parent.objective.departmentOrgId));
  const sector = issuer ? sectorOfCode(issuer.code) : null;
  if (!sector) throw new ActionError("invalid_input", { objectiveId: msg("transfer.noSector") });

  const errs: FieldErrs = {};
  const orgIds = input.allocations.map((a) => a.orgId);
  const recipients = await tx
    .select({ org: orgs, regionPath: regions.path, regionName: regions.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(inArray(orgs.id, orgIds));
  const seen = new Set<number>();
  input.allocations.forEach((a, i) => {
    const r = recipients.find((x) => x.org.id === a.orgId);
    if (seen.has(a.orgId)) errs[`allocations.${i}.orgId`] = msg("transfer.duplicate");
    else if (!r || r.org.kind !== "department" || !r.org.active || !r.regionPath.startsWith(parent.regionPath) || r.regionPath === parent.regionPath) {
      errs[`allocations.${i}.orgId`] = msg("transfer.recipientBelow");
    } else if (sectorOfCode(r.org.code) !== sector) errs[`allocations.${i}.orgId`] = msg("transfer.recipientSector");
    seen.add(a.orgId);
    if (new Decimal(a.amount).lte(0)) errs[`allocations.${i}.amount`] = msg("transfer.amountPositive");
  });

  // The parts add up to the whole: the fund of the version in force, to the cent.
  const fund = new Decimal(inForce.requestedAmount);
  const total = input.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
  if (!total.eq(fund)) {
    errs.allocations = msg("transfer.sumMismatch", { sum: formatWanExact(total), fund: formatWanExact(fund), diff: formatWanExact(fund.minus(total).abs()) });
  }

  // Each split indicator: a number for every region, adding up to the province's target.
  const split = indicators.filter(isAdditiveQuantity);
  const splitOrdinals = new Set(split.map((s) => String(s.ordinal)));
  input.allocations.forEach((a, i) => {
    for (const key of Object.keys(a.targets)) if (!splitOrdinals.has(key)) errs[`allocations.${i}.targets.${key}`] = msg("transfer.targetNotSplit");
  });
  for (const ind of split) {
    const values = input.allocations.map((a) => a.targets[String(ind.ordinal)]?.trim() ?? "");
    let numeric = true;
    values.forEach((v, i) => {
      if (!isTargetNumber(v)) {
        errs[`allocations.${i}.targets.${ind.ordinal}`] = msg(v === "" ? "transfer.targetMissing" : "transfer.targetNumber");
        numeric = false;
      }
    });
    const sum = sumTargets(values);
    if (numeric && !sum.eq(ind.annualTarget!.trim())) {
      errs[`targets.${ind.ordinal}`] = msg("transfer.targetSum", { name: ind.name, sum: sum.toFixed(), total: ind.annualTarget!.trim(), unit: ind.unit ?? "" });
    }
  }
  if (Object.keys(errs).length) throw new ActionError("invalid_input", errs);

  // Period targets of split indicators follow: equal to the annual one when the province's are
  // equal, else the province's period target split in proportion to the amounts.
  const periodOf = new Map<number, (i: number) => string | null>(
    split.map((ind) => {
      const p = ind.periodTarget?.trim() ?? "";
      if (!isTargetNumber(p)) return [ind.ordinal, () => ind.periodTarget];
      if (new Decimal(p).eq(ind.annualTarget!.trim())) return [ind.ordinal, (i: number) => input.allocations[i].targets[String(ind.ordinal)].trim()];
      const parts = proportionalSplit(p, input.allocations.map((a) => a.amount));
      return [ind.ordinal, (i: number) => parts[i]];
    }),
  );

  const created: number[] = [];
  for (const [i, a] of input.allocations.entries()) {
    const r = recipients.find((x) => x.org.id === a.orgId)!;
    const title = `${parent.objective.title}（${r.regionName}）`;
    // The region's part of the fund is its regional objective's allocated amount (此次安排金额).
    // ledger: write 下达 movements here
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
          title,
          requestedAmount: a.amount,
          allocatedAmount: a.amount,
        })
        .returning({ id: objectives.id }),
    );
    const [v] = await tx
      .insert(objectiveVersions)
      .values({
        objectiveId: o.id,
        number: 1,
        basic: { ...(inForce.basic as object), name: title },
        funding: [{ source: "superior_transfer", year: parent.objective.fiscalYear, amount: a.amount }],
        requestedAmount: a.amount,
        fundUses: inForce.fundUses,
        plan: inForce.plan,
        overallGoal: inForce.overallGoal,
        annualGoal: inForce.annualGoal,
        createdBy: actor.userId,
      })
      .returning({ id: objectiveVersions.id });
    const targets: Record<string, string> = {};
    if (indicators.length) {
      await tx.insert(objectiveIndicators).values(
        indicators.map((ind) => {
          const row = {
            versionId: v.id, ordinal: ind.ordinal, fundUse: ind.fundUse, level1: ind.level1, level2: ind.level2, name: ind.name, comparison: ind.comparison,
            annualTarget: ind.annualTarget, periodTarget: ind.periodTarget, unit: ind.unit, weight: ind.weight, explanation: ind.explanation, formula: ind.formula,
            indicatorId: ind.indicatorId, customReason: ind.customReason,
          };
          const period = periodOf.get(ind.ordinal);
          if (!period) return row;
          const own = a.targets[String(ind.ordinal)].trim();
          targets[ind.name] = own;
          return { ...row, annualTarget: own, periodTarget: period(i) };
        }),
      );
    }
    await tx.update(objectives).set({ currentVersionId: v.id }).where(eq(objectives.id, o.id));
    await writeAudit(tx, actor, {
      action: "objective.issueRegional",
      objectType: "objective",
      objectId: o.id,
      after: { parentObjectiveId: parent.objective.id, recipient: r.org.name, amount: a.amount, targets },
    });
    created.push(o.id);
  }
  return { ids: created };
}

/** The unique index on (parent, recipient): a second regional objective is refused as already issued. */
async function insertOnce<T>(insert: Promise<T>): Promise<T> {
  try {
    return await insert;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("invalid_input", { allocations: msg("transfer.alreadyIssued") });
    throw e;
  }
}
