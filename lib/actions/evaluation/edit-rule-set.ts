"use server";
import { defineAction } from "@/lib/actions/define";
import { loadRuleSet } from "@/lib/evaluation/load";
import { updateRuleSetRules } from "@/lib/evaluation/rule-sets";
import { editRuleSetInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance edits a draft rule set's weights, formulas and bands; a used or adopted set is refused. */
export const editEvaluationRuleSet = defineAction({
  name: "evaluation.editRuleSet",
  permission: "evaluation.rules.manage",
  input: editRuleSetInput,
  success: "evaluation.rules.saved",
  async run({ actor, db, input }) {
    const row = await loadRuleSet(db, actor, input.ruleSetId);
    return db.transaction(async (tx) => {
      const updated = await updateRuleSetRules(tx, actor, row, input.version, input.rules, input.name);
      return { id: updated.id, version: updated.version };
    });
  },
});
