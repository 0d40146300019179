"use server";
import { defineAction } from "@/lib/actions/define";
import { generateProposals } from "@/lib/evaluation/proposals";
import { generateProposalsInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance turns a year's results into next year's budget proposals (every subject: a proposal, or the reason for none). */
export const generateBudgetProposals = defineAction({
  name: "evaluation.generateProposals",
  permission: "evaluation.review.finance",
  input: generateProposalsInput,
  success: "evaluation.proposal.generated",
  async run({ actor, db, input }) {
    return generateProposals(db, actor, input.fiscalYear);
  },
});
