"use server";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { assertProvincialFinance } from "@/lib/indicator/guards";
import { applyImportInput, readImportFile } from "@/lib/indicator/import-file";
import { applyPlan, planHash, planImport } from "@/lib/indicator/import-plan";

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
        throw new ActionError("conflict", { _form: "预览之后指标库或文件已有变化，请重新预览后再确认 / the bank or the file changed since the preview; preview again" });
      }
      if (plan.errors.length) {
        throw new ActionError("invalid_input", { _form: `文件中有 ${plan.errors.length} 处错误，请修改后重新导入 / the file has ${plan.errors.length} errors; correct them and import again` });
      }
      return applyPlan(tx, actor, plan, { filename: input.file.name });
    });
  },
});
