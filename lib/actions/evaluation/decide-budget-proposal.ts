"use server";
import { defineAction } from "@/lib/actions/define";
import { decideProposal } from "@/lib/evaluation/application";
import { decideProposalInput } from "@/lib/validation/evaluation";

/** Public endpoint: a finance reviewer confirms a budget proposal or overrides it with a reason (差 needs an exception). */
export const decideBudgetProposal = defineAction({
  name: "evaluation.decideProposal",
  permission: "evaluation.review.finance",
  input: decideProposalInput,
  success: "evaluation.proposal.decidedOk",
  async run({ actor, db, input }) {
    return decideProposal(db, actor, input);
  },
});
