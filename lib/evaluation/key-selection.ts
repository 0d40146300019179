import Decimal from "decimal.js";
import { and, asc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { keyEvaluations, monitoringPeriods, monitoringWarnings, objectives, orgs, regions, type Light } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { scopeWhere } from "@/lib/auth/scope";
import type { WARNING_SELECTIONS } from "@/lib/validation/evaluation";
import { assertAgency, KEY_DIMENSIONS, type KeyWeights } from "./key-evaluation";

/** Which monitoring lights select a subject for key evaluation: red only, or red and yellow (finance's choice). */
export type WarningSelection = (typeof WARNING_SELECTIONS)[number];
const LIGHTS_OF: Record<WarningSelection, Light[]> = { red: ["red"], red_yellow: ["red", "yellow"] };

/** The reason recorded on a key evaluation selected by warnings (stored text, as on the 重点评价 list). */
export const WARNING_REASON: Record<WarningSelection, string> = { red: "按预警选取：监控红色预警", red_yellow: "按预警选取：监控红色或黄色预警" };

/**
 * Approved objectives of a fiscal year in finance's scope whose monitoring raised a warning of the
 * chosen lights in that year's periods, not yet selected for key evaluation; largest amount first.
 */
export async function warnedKeyCandidates(db: DbOrTx, actor: Actor, fiscalYear: number, selection: WarningSelection) {
  return db
    .select({ id: objectives.id, title: objectives.title, amount: objectives.requestedAmount })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(keyEvaluations, eq(keyEvaluations.objectiveId, objectives.id))
    .where(
      and(
        scopeWhere(actor, "evaluation.review.finance", { orgPath: orgs.path, regionPath: regions.path }),
        eq(objectives.fiscalYear, fiscalYear),
        sql`${objectives.approvedVersionId} is not null`,
        isNull(keyEvaluations.id),
        exists(
          db
            .select({ one: sql`1` })
            .from(monitoringWarnings)
            .innerJoin(monitoringPeriods, eq(monitoringPeriods.id, monitoringWarnings.periodId))
            .where(and(eq(monitoringWarnings.objectiveId, objectives.id), inArray(monitoringWarnings.light, LIGHTS_OF[selection]), eq(monitoringPeriods.fiscalYear, fiscalYear))),
        ),
      ),
    )
    .orderBy(sql`${objectives.requestedAmount} desc`, asc(objectives.id));
}

/** Finance selects, in one transaction, every warned subject of a year for key evaluation (by itself or one engaged agency). */
export async function selectKeyByWarnings(db: Db, actor: Actor, input: { fiscalYear: number; selection: WarningSelection; agencyOrgId: number | null; weights: KeyWeights }) {
  const sum = KEY_DIMENSIONS.reduce((s, d) => s.plus(input.weights[d]), new Decimal(0));
  if (!sum.eq(100)) throw new ActionError("invalid_input", { weights: "evaluation.key.weights100" });
  await assertAgency(db, actor, input.agencyOrgId);
  const candidates = await warnedKeyCandidates(db, actor, input.fiscalYear, input.selection);
  if (!candidates.length) throw new ActionError("invalid_input", { _form: "evaluation.key.noWarned" });
  const rows = await db.select().from(objectives).where(inArray(objectives.id, candidates.map((c) => c.id)));
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(keyEvaluations)
      .values(rows.map((o) => ({ objectiveId: o.id, ownerOrgId: o.ownerOrgId, regionId: o.regionId, fiscalYear: o.fiscalYear, agencyOrgId: input.agencyOrgId, weights: input.weights, reason: WARNING_REASON[input.selection], createdBy: actor.userId })))
      .onConflictDoNothing()
      .returning({ id: keyEvaluations.id, objectiveId: keyEvaluations.objectiveId });
    for (const row of created) {
      await writeAudit(tx, actor, { action: "keyEvaluation.create", objectType: "key_evaluation", objectId: row.id, after: { objectiveId: row.objectiveId, agencyOrgId: input.agencyOrgId, weights: input.weights, by: "warnings", selection: input.selection } });
    }
    return { selected: created.length, objectiveIds: created.map((r) => r.objectiveId) };
  });
}
