import Decimal from "decimal.js";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { disclosures, objectives, objectiveVersions, orgs, projects, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { isUniqueViolation } from "@/lib/db-errors";
import { bigrams } from "@/lib/indicator/grams";
import { msg } from "@/lib/i18n/core";

export interface DiscloseItem {
  objectiveId: number;
}

/** An approved objective with what a disclosure freezes of it. */
async function loadCandidates(db: DbOrTx, ids: number[]) {
  return db
    .select({
      objective: objectives,
      version: objectiveVersions,
      orgPath: orgs.path,
      ownerName: orgs.name,
      regionPath: regions.path,
      category: projects.category,
      departmentName: sql<string>`(select name from orgs d where d.id = ${objectives.departmentOrgId})`,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .leftJoin(objectiveVersions, eq(objectiveVersions.id, objectives.approvedVersionId))
    .leftJoin(projects, eq(projects.id, objectives.projectId))
    .where(inArray(objectives.id, ids));
}

type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];

/** What the public search finds a disclosed objective by. */
export function disclosureSearchText(c: { title: string; departmentName: string; ownerName: string; overallGoal?: string | null; annualGoal?: string | null }): string {
  return [c.title, c.departmentName, c.ownerName, c.overallGoal, c.annualGoal].filter(Boolean).join(" ").normalize("NFKC");
}

/** The row a disclosure inserts for an approved objective (shared by the action and the demo seed). */
/** The budget disclosed is the ledger's current budget (lib/ledger): never typed again. */
export function disclosureRow(c: Candidate & { version: NonNullable<Candidate["version"]> }, fiscalYear: number, by: number) {
  const searchText = disclosureSearchText({
    title: c.objective.title,
    departmentName: c.departmentName,
    ownerName: c.ownerName,
    overallGoal: c.version.overallGoal,
    annualGoal: c.version.annualGoal,
  });
  return {
    subjectType: "objective" as const,
    objectiveId: c.objective.id,
    versionId: c.version.id,
    fiscalYear,
    regionId: c.objective.regionId,
    regionPath: c.regionPath,
    departmentOrgId: c.objective.departmentOrgId,
    ownerOrgId: c.objective.ownerOrgId,
    category: c.category,
    title: c.objective.title,
    amount: new Decimal(c.objective.budgetCurrent).toFixed(2),
    searchGrams: bigrams(searchText),
    searchText,
    disclosedBy: by,
  };
}

/**
 * Finance discloses approved objectives of one fiscal year, each with its budget. Every objective
 * must be in the actor's scope (finance of its region and below), approved, of that year and not
 * disclosed already; otherwise nothing is written and each bad item is named. The rows and their
 * audit rows commit together; a concurrent disclosure of the same objective → conflict.
 */
export async function discloseObjectives(db: DbOrTx, actor: Actor, input: { fiscalYear: number; items: DiscloseItem[] }): Promise<number[]> {
  const ids = input.items.map((i) => i.objectiveId);
  if (new Set(ids).size !== ids.length) throw new ActionError("invalid_input", { items: msg("rules.discloseOnce") });
  const found = await loadCandidates(db, ids);
  const live = await db
    .select({ objectiveId: disclosures.objectiveId })
    .from(disclosures)
    .where(and(inArray(disclosures.objectiveId, ids), eq(disclosures.subjectType, "objective"), isNull(disclosures.withdrawnAt)));
  const errors: Record<string, string> = {};
  const rows = input.items.map((item, i) => {
    const c = found.find((f) => f.objective.id === item.objectiveId);
    if (!c || !canOn(actor, "disclosure.manage", { orgPath: c.orgPath, regionPath: c.regionPath })) {
      errors[`items.${i}.objectiveId`] = msg("rules.discloseNotInScope");
      return null;
    }
    if (c.objective.approvedVersionId == null || !c.version) {
      errors[`items.${i}.objectiveId`] = msg("rules.discloseNotApproved");
      return null;
    }
    if (c.objective.fiscalYear !== input.fiscalYear) {
      errors[`items.${i}.objectiveId`] = msg("rules.discloseOtherYear", { year: c.objective.fiscalYear });
      return null;
    }
    if (live.some((l) => l.objectiveId === item.objectiveId)) {
      errors[`items.${i}.objectiveId`] = msg("rules.discloseAlready");
      return null;
    }
    // 同步公开: disclosed with the budget 批复 arranged — none arranged, nothing to disclose.
    if (c.objective.budgetArrangedOn == null) {
      errors[`items.${i}.objectiveId`] = msg("ledger.discloseNotArranged");
      return null;
    }
    return disclosureRow({ ...c, version: c.version }, input.fiscalYear, actor.userId);
  });
  const outOfScope = input.items.filter((item) => {
    const c = found.find((f) => f.objective.id === item.objectiveId);
    return !c || !canOn(actor, "disclosure.manage", { orgPath: c.orgPath, regionPath: c.regionPath });
  });
  if (outOfScope.length === input.items.length) {
    throw new ActionError("not_found", undefined, { type: "objective", id: outOfScope[0].objectiveId });
  }
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  try {
    return await db.transaction(async (tx) => {
      const inserted = await tx.insert(disclosures).values(rows.filter((r) => r !== null)).returning({ id: disclosures.id, objectiveId: disclosures.objectiveId, amount: disclosures.amount, versionId: disclosures.versionId });
      for (const d of inserted) {
        await writeAudit(tx, actor, {
          action: "disclosure.publish",
          objectType: "disclosure",
          objectId: d.id,
          after: { objectiveId: d.objectiveId, versionId: d.versionId, fiscalYear: input.fiscalYear, amount: d.amount },
        });
      }
      return inserted.map((d) => d.id);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("conflict");
    throw e;
  }
}

/**
 * Finance withdraws a live disclosure with a recorded reason: a conditional update on the
 * expected version (a second withdrawal or a stale page gets `conflict`) plus its audit row.
 */
export async function withdrawDisclosure(db: DbOrTx, actor: Actor, input: { disclosureId: number; version: number; reason: string }) {
  const [row] = await db
    .select({ regionPath: disclosures.regionPath, orgPath: orgs.path })
    .from(disclosures)
    .innerJoin(orgs, eq(orgs.id, disclosures.ownerOrgId))
    .where(eq(disclosures.id, input.disclosureId));
  if (!row || !canOn(actor, "disclosure.manage", row)) {
    throw new ActionError("not_found", undefined, { type: "disclosure", id: input.disclosureId });
  }
  return db.transaction(async (tx) => withdrawIn(tx, actor, actor.userId, input));
}

async function withdrawIn(tx: Tx, who: AuditActor, userId: number, input: { disclosureId: number; version: number; reason: string }) {
  const [updated] = await tx
    .update(disclosures)
    .set({ withdrawnAt: new Date(), withdrawnBy: userId, withdrawReason: input.reason, version: sql`${disclosures.version} + 1` })
    .where(and(eq(disclosures.id, input.disclosureId), eq(disclosures.version, input.version), isNull(disclosures.withdrawnAt)))
    .returning({ id: disclosures.id, version: disclosures.version, objectiveId: disclosures.objectiveId });
  if (!updated) throw new ActionError("conflict");
  await writeAudit(tx, who, {
    action: "disclosure.withdraw",
    objectType: "disclosure",
    objectId: updated.id,
    before: { live: true },
    after: { objectiveId: updated.objectiveId, reason: input.reason },
  });
  return { id: updated.id, version: updated.version };
}
