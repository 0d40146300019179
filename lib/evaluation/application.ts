import Decimal from "decimal.js";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgetProposals, fiscalYears, objectives, orgs, projects, regions, selfEvaluations, type ProposalRule } from "@/db/schema";
import type { Grade } from "@/db/schema/enums";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn, scopeWhere } from "@/lib/auth/scope";
import { loadProject } from "@/lib/objective/load";
import { projectWorkflow, proposalWorkflow } from "@/lib/workflow/machines";

/**
 * Result application (DESIGN §3.8): what a grade proposes for the subject's next-year budget.
 *   差 → nothing (unless finance records an exception with a reason)
 *   中 → the request cut by the year's configured percentage, and a rectification
 *   良 → as requested;  优 → as requested, with priority
 */
export function proposeFromGrade(grade: Grade, requested: string, cutPercent: string): { rule: ProposalRule; proposed: string; rectification: boolean } {
  const r = new Decimal(requested);
  switch (grade) {
    case "poor":
      return { rule: "none", proposed: "0.00", rectification: true };
    case "fair":
      return { rule: "cut", proposed: r.times(new Decimal(100).minus(cutPercent)).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), rectification: true };
    case "good":
      return { rule: "as_requested", proposed: r.toFixed(2), rectification: false };
    case "excellent":
      return { rule: "priority", proposed: r.toFixed(2), rectification: false };
  }
}

const provinceOf = sql`split_part(${regions.path}, '/', 2)::int`;

/** Next year's request of a project: its annual plan for that year, else this year's objective amount. */
function requestedNextYear(annual: unknown, year: number, fallback: string): string {
  const rows = Array.isArray(annual) ? (annual as { year?: number; amount?: string }[]) : [];
  const row = rows.find((r) => Number(r.year) === year && r.amount);
  return new Decimal(row?.amount ?? fallback).toFixed(2);
}

/**
 * Creates the proposals for every accepted self-evaluation of `fiscalYear` in the actor's scope
 * whose project continues into the next year and has none yet. Returns how many were made.
 */
export async function generateProposals(db: Db, actor: Actor, fiscalYear: number) {
  const rows = await db
    .select({
      se: selfEvaluations,
      projectId: projects.id,
      annual: projects.annualAmounts,
      requested: objectives.requestedAmount,
      cut: fiscalYears.gradeMediumCutPercent,
    })
    .from(selfEvaluations)
    .innerJoin(objectives, eq(objectives.id, selfEvaluations.objectiveId))
    .innerJoin(projects, eq(projects.id, objectives.projectId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, selfEvaluations.regionId))
    .leftJoin(fiscalYears, and(eq(fiscalYears.regionId, provinceOf), eq(fiscalYears.year, fiscalYear + 1)))
    .leftJoin(budgetProposals, eq(budgetProposals.selfEvaluationId, selfEvaluations.id))
    .where(
      and(
        scopeWhere(actor, "evaluation.review.finance", { orgPath: orgs.path, regionPath: regions.path }),
        eq(selfEvaluations.fiscalYear, fiscalYear),
        eq(selfEvaluations.state, "accepted"),
        gt(projects.endYear, fiscalYear),
        ne(projects.state, "withdrawn"),
        isNull(budgetProposals.id),
      ),
    );
  if (!rows.length) return { created: 0 };
  return db.transaction(async (tx) => {
    const values = rows.map((r) => {
      const requested = requestedNextYear(r.annual, fiscalYear + 1, r.requested);
      const cut = r.cut ?? "10";
      const p = proposeFromGrade(r.se.grade!, requested, cut);
      return {
        selfEvaluationId: r.se.id,
        projectId: r.projectId,
        regionId: r.se.regionId,
        fiscalYear: fiscalYear + 1,
        grade: r.se.grade!,
        rule: p.rule,
        requestedAmount: requested,
        proposedAmount: p.proposed,
        cutPercent: p.rule === "cut" ? cut : null,
        rectificationRequired: p.rectification,
      };
    });
    const made = await tx.insert(budgetProposals).values(values).onConflictDoNothing().returning({ id: budgetProposals.id });
    await writeAudit(tx, actor, { action: "proposal.generate", objectType: "fiscal_year", objectId: fiscalYear, after: { created: made.length, ids: made.map((m) => m.id) } });
    return { created: made.length };
  });
}

export interface ProposalDecision {
  proposalId: number;
  version: number;
  decision: "confirm" | "override";
  amount: string | null;
  reason: string | null;
  exceptionReason: string | null;
  /** For a 差 subject given no budget: withdraw the project from the pool (项目退出) in the same transaction. */
  withdraw?: boolean;
}

/**
 * A finance reviewer confirms the proposal or overrides it with a reason. A 差 subject gets no
 * budget unless an exception with its reason is recorded: any amount above zero without one is refused.
 */
export async function decideProposal(db: Db, actor: Actor, input: ProposalDecision) {
  const [row] = await db
    .select({ p: budgetProposals, orgPath: orgs.path, regionPath: regions.path })
    .from(budgetProposals)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, budgetProposals.selfEvaluationId))
    .innerJoin(orgs, eq(orgs.id, selfEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, budgetProposals.regionId))
    .where(eq(budgetProposals.id, input.proposalId));
  if (!row || !canOn(actor, "evaluation.review.finance", { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "budget_proposal", id: input.proposalId });
  }
  const p = row.p;
  const ref = { id: p.id, state: p.status, version: p.version, orgPath: row.orgPath, regionPath: row.regionPath };
  // Decided once: a decided proposal is told so before its form is checked.
  proposalWorkflow.assert(actor, ref, input.decision, input.version);
  const amount = input.decision === "confirm" ? p.proposedAmount : input.amount;
  if (input.decision === "override") {
    const errors: Record<string, string> = {};
    if (!input.amount) errors.amount = "evaluation.proposal.amountRequired";
    if (!input.reason) errors.reason = "evaluation.proposal.reasonRequired";
    if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  }
  if (p.grade === "poor" && new Decimal(amount!).gt(0) && !input.exceptionReason) {
    throw new ActionError("invalid_input", { exceptionReason: "evaluation.proposal.poorNeedsException" });
  }
  if (input.withdraw && (p.grade !== "poor" || new Decimal(amount!).gt(0) || !p.projectId)) {
    throw new ActionError("invalid_input", { withdraw: "evaluation.proposal.withdrawOnlyPoor" });
  }
  const project = input.withdraw ? await loadProject(db, actor, "declaration.review.finance", p.projectId!) : null;
  return db.transaction(async (tx) => {
    if (project) {
      await projectWorkflow.fire(tx, actor, project.ref, "withdraw", project.ref.version, { audit: { reason: input.reason ?? "绩效评价结果为差，项目退出" } });
    }
    const { version, to } = await proposalWorkflow.fire(tx, actor, ref, input.decision, input.version, {
      set: {
        confirmedAmount: amount,
        overrideReason: input.decision === "override" ? input.reason : null,
        exceptionReason: input.exceptionReason,
        decidedBy: actor.userId,
        decidedAt: new Date(),
      },
      auditBefore: { proposedAmount: p.proposedAmount },
      audit: { confirmedAmount: amount, reason: input.reason, exceptionReason: input.exceptionReason, withdrawn: Boolean(project) },
    });
    return { version, status: to, confirmedAmount: amount };
  });
}

