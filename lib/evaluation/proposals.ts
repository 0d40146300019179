import Decimal from "decimal.js";
import { and, asc, eq, inArray, isNotNull, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { budgetProposals, evaluationRuleSets, fiscalYears, keyEvaluations, objectives, orgs, projects, regions, selfEvaluations } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn, scopeWhere } from "@/lib/auth/scope";
import { countRows, pageWindow } from "@/lib/paging";
import { proposalWorkflow } from "@/lib/workflow/machines";
import { currentBudgetSql } from "./proposal-budget";
import { computeProposal } from "./proposal-rules";
import type { proposalSubjectParams } from "./proposal-params";
import type { NoProposalReason } from "./proposal-reasons";
import { activeRuleSetFor, rulesOf, type RuleSetRow } from "./rule-sets";
import { DEFAULT_RULES, type ScoringRules } from "./rules";

/**
 * Result application over every subject of an evaluated year (DESIGN §3.8): each approved
 * objective of the year gets next year's proposal, or the reason it has none — computed by the
 * database from the subject's state, so the list always says why.
 */

const deptOrgs = alias(orgs, "dept_org");
const provinceOf = sql`split_part(${regions.path}, '/', 2)::int`;

/** The subjects of an evaluated year: approved objectives (an approved version in force), not rejected or superseded. */
function subjectsOf(year: number): SQL {
  return and(eq(objectives.fiscalYear, year), isNotNull(objectives.approvedVersionId), notInArray(objectives.state, ["rejected", "superseded"]))!;
}

/** Why a subject has no proposal (null when it has one); `not_generated`: it qualifies, generation has not run since. */
function reasonSql(year: number) {
  // The year as a literal (an integer): the same expression in SELECT and GROUP BY must not differ by a parameter's number.
  const y = sql.raw(String(Math.trunc(year)));
  return sql<NoProposalReason | null>`case
    when ${budgetProposals.id} is not null then null
    when ${objectives.subjectKind} = 'department' then 'department'
    when ${objectives.projectId} is null then 'not_project'
    when ${projects.state} = 'withdrawn' then 'withdrawn'
    when ${projects.endYear} <= ${y} then 'ended'
    when ${selfEvaluations.id} is null or ${selfEvaluations.state} <> 'accepted' or ${selfEvaluations.grade} is null then 'no_result'
    else 'not_generated' end`;
}

/** Unrectified red warnings of the subject: red, and not disposed, or disposed with a rectification not (yet) accepted. */
const redWarningsSql = sql<number>`(select count(*)::int from monitoring_warnings w left join warning_dispositions d on d.warning_id = w.id
  where w.objective_id = ${objectives.id} and w.light = 'red' and (d.id is null or (d.rectification_state is not null and d.rectification_state <> 'accepted')))`;
/** Re-evaluation's corrected score, where it found the self-score inflated (the latest such re-score). */
const inflatedReScoreSql = sql<string | null>`(select i.re_score from re_evaluation_items i
  where i.self_evaluation_id = ${selfEvaluations.id} and i.inflated and i.re_score is not null order by i.scored_at desc nulls last, i.id desc limit 1)`;

/** The subjects of `year` in the actor's scope, narrowed by `extra`. */
function subjectWhere(actor: Actor, year: number, extra?: SQL) {
  return and(subjectsOf(year), scopeWhere(actor, "evaluation.review.finance", { orgPath: orgs.path, regionPath: regions.path }), extra);
}

/**
 * The subjects with their owner, department, project, self-evaluation, proposal and accepted key
 * evaluation, one row each (every join is on a unique key). Written out per query (drizzle cannot
 * type joins over generic fields): keep the three the same.
 */
/**
 * Creates next year's proposal of every subject of `fiscalYear` in the actor's scope that
 * qualifies (a continuing project with an accepted self-evaluation) and has none yet, under the
 * result-application rules of the year's rule set (the active set of the subject's region, else
 * the one its self-evaluation was scored under, else the defaults); a set that produced a
 * proposal is marked used, so it is never edited afterwards. Returns how many were made and, by
 * reason, how many subjects have none.
 */
export async function generateProposals(db: Db, actor: Actor, fiscalYear: number) {
  return db.transaction(async (tx) => {
    const reason = reasonSql(fiscalYear);
    const counts = await tx
      .select({ reason, n: sql<number>`count(*)::int` })
      .from(objectives)
      .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
      .innerJoin(regions, eq(regions.id, objectives.regionId))
      .leftJoin(projects, eq(projects.id, objectives.projectId))
      .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
      .leftJoin(budgetProposals, eq(budgetProposals.selfEvaluationId, selfEvaluations.id))
      .where(subjectWhere(actor, fiscalYear))
      .groupBy(reason);
    const rows = await tx
      .select({
        objectiveId: objectives.id,
        se: selfEvaluations,
        projectId: projects.id,
        annual: projects.annualAmounts,
        requested: objectives.requestedAmount,
        cut: fiscalYears.gradeMediumCutPercent,
        keyGrade: keyEvaluations.grade,
        keyScore: keyEvaluations.totalScore,
        reScore: inflatedReScoreSql,
        redWarnings: redWarningsSql,
      })
      .from(objectives)
      .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
      .innerJoin(regions, eq(regions.id, objectives.regionId))
      .leftJoin(projects, eq(projects.id, objectives.projectId))
      .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
      .leftJoin(budgetProposals, eq(budgetProposals.selfEvaluationId, selfEvaluations.id))
      .leftJoin(keyEvaluations, and(eq(keyEvaluations.objectiveId, objectives.id), eq(keyEvaluations.state, "accepted"), isNotNull(keyEvaluations.grade)))
      .where(subjectWhere(actor, fiscalYear, sql`${reason} = 'not_generated'`))
      .leftJoin(fiscalYears, and(eq(fiscalYears.regionId, provinceOf), eq(fiscalYears.year, fiscalYear + 1)))
      .orderBy(asc(objectives.id));

    // The rule set of each region's year, resolved once per region, and marked used.
    const setOfRegion = new Map<number, RuleSetRow | null>();
    const seSets = new Map<number, RuleSetRow>();
    const scoredUnder = [...new Set(rows.map((r) => r.se!.ruleSetId).filter((id): id is number => id != null))];
    if (scoredUnder.length) for (const rs of await tx.select().from(evaluationRuleSets).where(inArray(evaluationRuleSets.id, scoredUnder))) seSets.set(rs.id, rs);
    const used = new Set<number>();
    const values = [];
    for (const r of rows) {
      const se = r.se!;
      if (!setOfRegion.has(se.regionId)) setOfRegion.set(se.regionId, await activeRuleSetFor(tx, se.regionId, fiscalYear));
      const set = setOfRegion.get(se.regionId) ?? (se.ruleSetId != null ? (seSets.get(se.ruleSetId) ?? null) : null);
      const rules: ScoringRules = set ? rulesOf(set) : DEFAULT_RULES;
      if (set) used.add(set.id);
      const requested = requestedNextYear(r.annual, fiscalYear + 1, r.requested);
      const p = computeProposal({
        rules,
        fallbackFairCut: r.cut ?? "10",
        requested,
        selfGrade: se.grade!,
        selfScore: se.totalScore,
        keyGrade: r.keyGrade,
        keyScore: r.keyScore,
        inflatedReScore: r.reScore,
        redWarnings: r.redWarnings,
      });
      values.push({
        selfEvaluationId: se.id,
        projectId: r.projectId,
        regionId: se.regionId,
        fiscalYear: fiscalYear + 1,
        grade: p.grade,
        rule: p.rule,
        requestedAmount: requested,
        proposedAmount: p.proposed,
        cutPercent: p.cutPercent,
        rectificationRequired: p.rectification,
        ruleSetId: set?.id ?? null,
        basis: p.basis,
      });
    }
    if (used.size) await tx.update(evaluationRuleSets).set({ used: true }).where(and(inArray(evaluationRuleSets.id, [...used]), eq(evaluationRuleSets.used, false)));
    const made = values.length ? await tx.insert(budgetProposals).values(values).onConflictDoNothing().returning({ id: budgetProposals.id }) : [];
    const without: Partial<Record<NoProposalReason, number>> = {};
    for (const c of counts) if (c.reason && c.reason !== "not_generated") without[c.reason] = c.n;
    const subjectCount = counts.reduce((s, c) => s + c.n, 0);
    await writeAudit(tx, actor, { action: "proposal.generate", objectType: "fiscal_year", objectId: fiscalYear, after: { created: made.length, ids: made.map((m) => m.id), without, ruleSets: [...used] } });
    return { created: made.length, subjects: subjectCount, without };
  });
}

/** Next year's request of a project: its annual plan for that year, else this year's objective amount. */
function requestedNextYear(annual: unknown, year: number, fallback: string): string {
  const rows = Array.isArray(annual) ? (annual as { year?: number; amount?: string }[]) : [];
  const row = rows.find((r) => Number(r.year) === year && r.amount);
  return new Decimal(row?.amount ?? fallback).toFixed(2);
}

/**
 * One page of the subjects of the year before `params.year` (the budget year), each with its
 * proposal or the reason it has none: undecided proposals first, then decided, then none.
 */
export async function listProposalSubjects(db: DbOrTx, actor: Actor, budgetYear: number, params: z.output<typeof proposalSubjectParams>) {
  const year = budgetYear - 1;
  const reason = reasonSql(year);
  const conds: SQL[] = [];
  if (params.reason === "with") conds.push(isNotNull(budgetProposals.id));
  else if (params.reason) conds.push(sql`${reason} = ${params.reason}`);
  const filter = conds.length ? and(...conds) : undefined;
  const { total } = await countRows(
    db,
    db
      .select({ one: sql`1` })
      .from(objectives)
      .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
      .innerJoin(regions, eq(regions.id, objectives.regionId))
      .leftJoin(projects, eq(projects.id, objectives.projectId))
      .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
      .leftJoin(budgetProposals, eq(budgetProposals.selfEvaluationId, selfEvaluations.id))
      .where(subjectWhere(actor, year, filter))
      .$dynamic(),
    { cap: false },
  );
  const { page, limit, offset } = pageWindow(params.page, params.pageSize, total);
  const rows = await db
    .select({
      objectiveId: objectives.id,
      title: objectives.title,
      subjectKind: objectives.subjectKind,
      ownerName: orgs.name,
      deptName: deptOrgs.name,
      orgPath: orgs.path,
      regionPath: regions.path,
      currentBudget: currentBudgetSql(),
      selfScore: selfEvaluations.totalScore,
      keyGrade: keyEvaluations.grade,
      reason,
      p: budgetProposals,
      ruleSetName: evaluationRuleSets.name,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(deptOrgs, eq(deptOrgs.id, objectives.departmentOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .leftJoin(projects, eq(projects.id, objectives.projectId))
    .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
    .leftJoin(budgetProposals, eq(budgetProposals.selfEvaluationId, selfEvaluations.id))
    .leftJoin(keyEvaluations, and(eq(keyEvaluations.objectiveId, objectives.id), eq(keyEvaluations.state, "accepted"), isNotNull(keyEvaluations.grade)))
    .leftJoin(evaluationRuleSets, eq(evaluationRuleSets.id, budgetProposals.ruleSetId))
    .where(subjectWhere(actor, year, filter))
    .orderBy(sql`case when ${budgetProposals.status} = 'proposed' then 0 when ${budgetProposals.id} is not null then 1 else 2 end`, asc(objectives.id))
    .limit(limit)
    .offset(offset);
  return { rows, total, page };
}

/**
 * Per department (the subjects' 主管部门): the current budget of its project subjects (department
 * overall objectives are left out: their budget is the department's whole) against next year's
 * proposals — the decided amount, else the reviewer's change, else the proposed amount; a subject
 * without a proposal counts nothing next year. Summed in the database.
 */
export async function departmentTotals(db: DbOrTx, actor: Actor, budgetYear: number) {
  const year = budgetYear - 1;
  const amount = sql`coalesce(${budgetProposals.confirmedAmount}, ${budgetProposals.revisedAmount}, ${budgetProposals.proposedAmount})`;
  const current = sql<string>`sum(${currentBudgetSql()})::numeric(18,2)::text`;
  const proposed = sql<string>`coalesce(sum(${amount}), 0)::numeric(18,2)::text`;
  return db
    .select({
      departmentOrgId: objectives.departmentOrgId,
      department: deptOrgs.name,
      subjects: sql<number>`count(*)::int`,
      proposals: sql<number>`count(${budgetProposals.id})::int`,
      current,
      currentWithProposal: sql<string>`coalesce(sum(${currentBudgetSql()}) filter (where ${budgetProposals.id} is not null), 0)::numeric(18,2)::text`,
      proposed,
      change: sql<string>`(coalesce(sum(${amount}), 0) - sum(${currentBudgetSql()}))::numeric(18,2)::text`,
    })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(deptOrgs, eq(deptOrgs.id, objectives.departmentOrgId))
    .innerJoin(regions, eq(regions.id, objectives.regionId))
    .leftJoin(selfEvaluations, eq(selfEvaluations.objectiveId, objectives.id))
    .leftJoin(budgetProposals, eq(budgetProposals.selfEvaluationId, selfEvaluations.id))
    .where(subjectWhere(actor, year, sql`${objectives.subjectKind} <> 'department'`))
    .groupBy(objectives.departmentOrgId, deptOrgs.name, deptOrgs.path)
    .orderBy(asc(deptOrgs.path));
}

/** The proposal with its place, scoped to the finance reviewer (outside the scope: as if missing). */
export async function loadProposal(db: DbOrTx, actor: Actor, proposalId: number) {
  const [row] = await db
    .select({ p: budgetProposals, orgPath: orgs.path, regionPath: regions.path })
    .from(budgetProposals)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, budgetProposals.selfEvaluationId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, budgetProposals.regionId))
    .where(eq(budgetProposals.id, proposalId));
  if (!row || !canOn(actor, "evaluation.review.finance", { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "budget_proposal", id: proposalId });
  }
  return { p: row.p, ref: { id: row.p.id, state: row.p.status, version: row.p.version, orgPath: row.orgPath, regionPath: row.regionPath } };
}

export interface ProposalRevision {
  proposalId: number;
  version: number;
  amount: string | null;
  reason: string | null;
  exceptionReason: string | null;
}

/**
 * A reviewer changes a proposed amount, with a reason, before deciding (the `revise` event; the
 * proposal stays proposed, confirming then takes the changed amount). 差 above zero needs the
 * exception with its reason, as a decision does. Stale version → conflict; nothing written.
 */
export async function reviseProposal(db: Db, actor: Actor, input: ProposalRevision) {
  const { p, ref } = await loadProposal(db, actor, input.proposalId);
  proposalWorkflow.assert(actor, ref, "revise", input.version);
  const errors: Record<string, string> = {};
  if (!input.amount) errors.amount = "evaluation.proposal.amountRequired";
  if (!input.reason) errors.reason = "evaluation.proposal.reasonRequired";
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  const exceptionReason = input.exceptionReason ?? p.exceptionReason;
  if (p.grade === "poor" && new Decimal(input.amount!).gt(0) && !exceptionReason) {
    throw new ActionError("invalid_input", { exceptionReason: "evaluation.proposal.poorNeedsException" });
  }
  return db.transaction(async (tx) => {
    const { version } = await proposalWorkflow.fire(tx, actor, ref, "revise", input.version, {
      set: { revisedAmount: input.amount, revisionReason: input.reason, exceptionReason, revisedBy: actor.userId, revisedAt: new Date() },
      auditBefore: { proposedAmount: p.proposedAmount, revisedAmount: p.revisedAmount },
      audit: { revisedAmount: input.amount, reason: input.reason, exceptionReason },
    });
    return { version, revisedAmount: input.amount };
  });
}
