"use server";
import { defineAction } from "@/lib/actions/define";
import { loadRuleSet } from "@/lib/evaluation/load";
import { replayYear } from "@/lib/evaluation/replay";
import { replayRuleSetInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance re-scores a fiscal year under a (draft) rule set and sees what changes — writing nothing. */
export const replayEvaluationRuleSet = defineAction({
  name: "evaluation.replayRuleSet",
  permission: "evaluation.review.finance",
  input: replayRuleSetInput,
  async run({ actor, db, input }) {
    const ruleSet = await loadRuleSet(db, actor, input.ruleSetId);
    return replayYear(db, actor, ruleSet);
  },
});
