"use server";
import { defineAction } from "@/lib/actions/define";
import { loadRuleSet } from "@/lib/evaluation/load";
import { copyRuleSet } from "@/lib/evaluation/rule-sets";
import { copyRuleSetInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance starts a new draft rule set as a copy of an existing one (never edits a used set). */
export const copyEvaluationRuleSet = defineAction({
  name: "evaluation.copyRuleSet",
  permission: "evaluation.rules.manage",
  input: copyRuleSetInput,
  success: "evaluation.rules.copied",
  async run({ actor, db, input }) {
    const source = await loadRuleSet(db, actor, input.ruleSetId);
    return db.transaction(async (tx) => {
      const row = await copyRuleSet(tx, actor, source, input.name);
      return { id: row.id, number: row.number, version: row.version };
    });
  },
});
