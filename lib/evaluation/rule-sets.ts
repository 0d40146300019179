import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { evaluationRuleSets, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ruleSetWorkflow } from "@/lib/workflow/machines";
import { scoringRulesSchema, type ScoringRules } from "./rules";

export type RuleSetRow = typeof evaluationRuleSets.$inferSelect;

/** The rules of a stored rule set, validated (a row that fails validation is a bug, not data). */
export function rulesOf(row: RuleSetRow): ScoringRules {
  return scoringRulesSchema.parse(row.rules);
}

/**
 * The active rule set that governs a region's fiscal year: the region's own, else the nearest
 * ancestor's (a province's rules apply to its cities and counties unless they set their own).
 */
export async function activeRuleSetFor(db: DbOrTx, regionId: number, fiscalYear: number): Promise<RuleSetRow | null> {
  const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId));
  if (!region) return null;
  const [row] = await db
    .select({ rs: evaluationRuleSets })
    .from(evaluationRuleSets)
    .innerJoin(regions, eq(regions.id, evaluationRuleSets.regionId))
    .where(and(eq(evaluationRuleSets.fiscalYear, fiscalYear), eq(evaluationRuleSets.status, "active"), sql`${region.path} like ${regions.path} || '%'`))
    .orderBy(desc(sql`length(${regions.path})`))
    .limit(1);
  return row?.rs ?? null;
}

/** A new draft version copied from an existing rule set (finance edits a copy, never a used set). */
export async function copyRuleSet(tx: Tx, actor: AuditActor, source: RuleSetRow, name: string) {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${evaluationRuleSets.number}), 0)::int + 1` })
    .from(evaluationRuleSets)
    .where(and(eq(evaluationRuleSets.regionId, source.regionId), eq(evaluationRuleSets.fiscalYear, source.fiscalYear)));
  const [row] = await tx
    .insert(evaluationRuleSets)
    .values({
      regionId: source.regionId,
      fiscalYear: source.fiscalYear,
      number: next,
      name,
      status: "draft",
      rules: source.rules,
      basedOnId: source.id,
      createdBy: actor.userId,
    })
    .returning();
  await writeAudit(tx, actor, { action: "ruleSet.copy", objectType: "evaluation_rule_set", objectId: row.id, after: { basedOnId: source.id, number: next } });
  return row;
}

/**
 * Edits a rule set's rules — a draft, or an adopted set nobody has been scored under yet. Refused
 * once the set was used (or retired): a conditional update on used and version, so a set that a
 * score took meanwhile (takeRuleSetForScoring locks and marks it) is not edited.
 */
export async function updateRuleSetRules(tx: Tx, actor: AuditActor, row: RuleSetRow, expectedVersion: number, rules: ScoringRules, name?: string) {
  if (row.used || row.status === "retired") throw new ActionError("forbidden", { _form: "evaluation.rules.frozen" });
  if (row.version !== expectedVersion) throw new ActionError("conflict");
  const [updated] = await tx
    .update(evaluationRuleSets)
    .set({ rules, name: name ?? row.name, version: sql`${evaluationRuleSets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluationRuleSets.id, row.id), ne(evaluationRuleSets.status, "retired"), eq(evaluationRuleSets.used, false), eq(evaluationRuleSets.version, expectedVersion)))
    .returning();
  if (!updated) {
    const [now] = await tx.select({ used: evaluationRuleSets.used }).from(evaluationRuleSets).where(eq(evaluationRuleSets.id, row.id));
    throw now?.used ? new ActionError("forbidden", { _form: "evaluation.rules.frozen" }) : new ActionError("conflict");
  }
  await writeAudit(tx, actor, { action: "ruleSet.edit", objectType: "evaluation_rule_set", objectId: row.id, before: { rules: row.rules, version: row.version }, after: { rules, version: updated.version } });
  return updated;
}

/** Adopts a draft: it becomes the active set of its region and year; the previous active one retires. */
export async function activateRuleSet(tx: Tx, actor: Actor, row: RuleSetRow, expectedVersion: number) {
  // A rule set belongs to a region, not an organisation: its place is its region's.
  const [region] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, row.regionId));
  const refOf = (r: RuleSetRow) => ({ id: r.id, state: r.status, version: r.version, orgPath: "", regionPath: region.path });
  ruleSetWorkflow.assert(actor, refOf(row), "activate", expectedVersion);
  const active = await tx
    .select()
    .from(evaluationRuleSets)
    .where(and(eq(evaluationRuleSets.regionId, row.regionId), eq(evaluationRuleSets.fiscalYear, row.fiscalYear), eq(evaluationRuleSets.status, "active")));
  for (const previous of active) await ruleSetWorkflow.fire(tx, actor, refOf(previous), "retire", previous.version, { audit: { replacedBy: row.id } });
  const { row: updated } = await ruleSetWorkflow.fire(tx, actor, refOf(row), "activate", expectedVersion, { audit: { retired: active.map((r) => r.id) } });
  return updated;
}
