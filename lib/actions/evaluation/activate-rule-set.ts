"use server";
import { defineAction } from "@/lib/actions/define";
import { loadRuleSet } from "@/lib/evaluation/load";
import { activateRuleSet } from "@/lib/evaluation/rule-sets";
import { activateRuleSetInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance adopts a draft rule set for its region and year; the previous one retires. */
export const activateEvaluationRuleSet = defineAction({
  name: "evaluation.activateRuleSet",
  permission: "evaluation.rules.manage",
  input: activateRuleSetInput,
  success: "evaluation.rules.activated",
  async run({ actor, db, input }) {
    const row = await loadRuleSet(db, actor, input.ruleSetId);
    return db.transaction(async (tx) => {
      const updated = await activateRuleSet(tx, actor, row, input.version);
      return { id: updated.id, version: updated.version };
    });
  },
});
