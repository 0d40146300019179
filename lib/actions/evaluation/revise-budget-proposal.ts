"use server";
import { defineAction } from "@/lib/actions/define";
import { reviseProposal } from "@/lib/evaluation/proposals";
import { reviseProposalInput } from "@/lib/validation/evaluation";

/** Public endpoint: a finance reviewer changes a proposed amount with a reason before deciding (差 above zero needs an exception). */
export const reviseBudgetProposal = defineAction({
  name: "evaluation.reviseProposal",
  permission: "evaluation.review.finance",
  input: reviseProposalInput,
  success: "evaluation.proposal.revisedOk",
  async run({ actor, db, input }) {
    return reviseProposal(db, actor, input);
  },
});
