"use server";
import { defineAction } from "@/lib/actions/define";
import { issueRegionalObjectives as run, issueRegionalObjectivesInput } from "@/lib/objective/issue-regional-objectives";

/**
 * Public endpoint: for a transfer payment (转移支付), issue regional objectives to departments of the
 * cities and counties below. Each starts from the overall objective's content and indicators (so
 * targets, monitoring and results roll up against it) with the amount allocated (此次安排金额),
 * and goes through the same wizard, review and approval in its own region.
 */
export const issueRegionalObjectives = defineAction({
  name: "objective.issueRegional",
  permission: "project.write",
  input: issueRegionalObjectivesInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
