"use server";
import { defineAction } from "@/lib/actions/define";
import { approveDepartmentBudget as run, ARRANGE_PERMISSION } from "@/lib/ledger/arrange";
import { approveBudgetInput } from "@/lib/validation/ledger";

/** Public endpoint: 批复 — a department's approved objectives of a year with their amounts, as one act. */
export const approveBudget = defineAction({
  name: "ledger.approve",
  permission: ARRANGE_PERMISSION,
  input: approveBudgetInput,
  success: "ledger.approved",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
