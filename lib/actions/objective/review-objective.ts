"use server";
import { defineAction } from "@/lib/actions/define";
import { reviewObjective as run } from "@/lib/objective/review-objective";
import { reviewObjectiveInput } from "@/lib/validation/project";

/**
 * Public endpoint: a reviewer decides a declaration (DESIGN §3.4) — the department passes or
 * returns it; finance approves (优/良), returns (中) or excludes it (差). The review row, the state
 * change and its audit row commit together; of two reviewers deciding at once, one wins and the
 * other gets a conflict. Approval freezes the version (谁批复预算，谁批复目标).
 */
export const reviewObjective = defineAction({
  name: "objective.review",
  permission: "project.read",
  input: reviewObjectiveInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
