import Decimal from "decimal.js";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgetProposals, orgs, regions, selfEvaluations, type ProposalRule } from "@/db/schema";
import type { Grade } from "@/db/schema/enums";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
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

// Generation over every subject of the year, with the rules as data: lib/evaluation/proposals.ts.

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
  // Confirming takes the reviewer's change (revise) when there is one.
  const amount = input.decision === "confirm" ? (p.revisedAmount ?? p.proposedAmount) : input.amount;
  const exceptionReason = input.exceptionReason ?? p.exceptionReason;
  if (input.decision === "override") {
    const errors: Record<string, string> = {};
    if (!input.amount) errors.amount = "evaluation.proposal.amountRequired";
    if (!input.reason) errors.reason = "evaluation.proposal.reasonRequired";
    if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  }
  if (p.grade === "poor" && new Decimal(amount!).gt(0) && !exceptionReason) {
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
        exceptionReason,
        decidedBy: actor.userId,
        decidedAt: new Date(),
      },
      auditBefore: { proposedAmount: p.proposedAmount },
      audit: { confirmedAmount: amount, reason: input.reason, exceptionReason, withdrawn: Boolean(project) },
    });
    return { version, status: to, confirmedAmount: amount };
  });
}

