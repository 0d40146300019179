"use server";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { assertProvincialFinance } from "@/lib/indicator/guards";
import { applyImportInput, readImportFile } from "@/lib/indicator/import-file";
import { applyPlan, planHash, planImport } from "@/lib/indicator/import-plan";
import { msg } from "@/lib/i18n/core";

/**
 * Public endpoint: imports the file the user previewed, all or nothing. The plan is computed
 * again inside the transaction; if it is not the one the user saw (the bank changed meanwhile,
 * or another file), nothing is written and the answer is conflict; a plan with errors is refused.
 * Every indicator written gets its audit row in the same transaction.
 */
export const applyImport = defineAction({
  name: "indicator.importApply",
  permission: "indicator.manage",
  input: applyImportInput,
  async run({ actor, db, input }) {
    assertProvincialFinance(actor);
    const rows = await readImportFile(input.file);
    return db.transaction(async (tx) => {
      const plan = await planImport(tx, rows);
      if (planHash(plan) !== input.expected) {
        throw new ActionError("conflict", { _form: msg("rules.importChanged") });
      }
      if (plan.errors.length) {
        throw new ActionError("invalid_input", { _form: msg("rules.importFix", { n: plan.errors.length }) });
      }
      return applyPlan(tx, actor, plan, { filename: input.file.name });
    });
  },
});
