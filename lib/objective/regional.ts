import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { objectiveIndicators, objectives, orgs, regions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { isAdditiveQuantity, isTargetNumber, sumTargets } from "@/lib/objective/transfer-split";

/** Where an objective's owner sits in the tree, with its title; null if there is no such objective. */
async function objectivePlace(db: DbOrTx, objectiveId: number) {
  const [row] = await db
    .select({ id: objectives.id, title: objectives.title, ownerName: orgs.name, orgPath: orgs.path, regionPath: regions.path })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(objectives.id, objectiveId));
  return row ?? null;
}

/**
 * A transfer payment's regional objectives rolled up against the overall one: for each region the
 * recipient, the amount, the state, and its target for each of the overall objective's indicators
 * (matched by indicator name). A reader of the overall objective (the province that issued it)
 * sees every region; anyone else only the regions they may read. `readable` says whether the
 * reader may open the regional objective itself.
 */
export async function regionalRollup(db: DbOrTx, actor: Actor, parentObjectiveId: number, parentVersionId: number) {
  const parent = await objectivePlace(db, parentObjectiveId);
  const readsParent = parent !== null && canOn(actor, "project.read", parent);
  const children = await db
    .select({ o: objectives, orgName: orgs.name, orgPath: orgs.path, regionName: regions.name, regionPath: regions.path })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .where(eq(objectives.parentObjectiveId, parentObjectiveId))
    .orderBy(asc(regions.path), asc(orgs.path));
  const withAccess = children.map((c) => ({ ...c, readable: canOn(actor, "project.read", { orgPath: c.orgPath, regionPath: c.regionPath }) }));
  const visible = withAccess.filter((c) => readsParent || c.readable);
  const overall = await db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, parentVersionId)).orderBy(asc(objectiveIndicators.ordinal));
  const versionIds = visible.map((c) => c.o.currentVersionId!).filter(Boolean);
  const rows = versionIds.length ? await db.select().from(objectiveIndicators).where(inArray(objectiveIndicators.versionId, versionIds)) : [];
  const regionsOut = visible.map((c) => ({
      objectiveId: c.o.id,
      readable: c.readable,
      regionName: c.regionName,
      recipient: c.orgName,
      allocatedAmount: c.o.allocatedAmount,
      state: c.o.state,
      targets: Object.fromEntries(
        overall.map((i) => [i.ordinal, rows.find((r) => r.versionId === c.o.currentVersionId && r.name === i.name)?.annualTarget ?? null]),
      ),
    }));
  return {
    // `additive`: split among the regions when issued (lib/objective/transfer-split.ts); `regionsTotal`:
    // the regions' targets added up, when every region shown has a number (else null).
    indicators: overall.map((i) => {
      const additive = isAdditiveQuantity(i);
      const values = regionsOut.map((r) => r.targets[i.ordinal] ?? null);
      const regionsTotal = additive && values.length > 0 && values.every((v) => isTargetNumber(v)) ? sumTargets(values as string[]).toFixed() : null;
      return { ordinal: i.ordinal, name: i.name, unit: i.unit, comparison: i.comparison, annualTarget: i.annualTarget, additive, regionsTotal };
    }),
    regions: regionsOut,
  };
}

/**
 * The overall objective a regional one was issued from (转移支付区域目标): its title, the issuer, and
 * whether the reader may open it (a city reads its own regional objective, not the province's).
 */
export async function overallObjectiveOf(db: DbOrTx, actor: Actor, parentObjectiveId: number) {
  const parent = await objectivePlace(db, parentObjectiveId);
  if (!parent) return null;
  return { id: parent.id, title: parent.title, ownerName: parent.ownerName, readable: canOn(actor, "project.read", parent) };
}
