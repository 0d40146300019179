"use server";
import { defineAction } from "@/lib/actions/define";
import { generateProposals } from "@/lib/evaluation/application";
import { generateProposalsInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance turns a year's accepted self-evaluations into next year's budget proposals. */
export const generateBudgetProposals = defineAction({
  name: "evaluation.generateProposals",
  permission: "evaluation.review.finance",
  input: generateProposalsInput,
  success: "evaluation.proposal.generated",
  async run({ actor, db, input }) {
    return generateProposals(db, actor, input.fiscalYear);
  },
});
