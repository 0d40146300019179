"use server";
import { defineAction } from "@/lib/actions/define";
import { arrangeBudget as run, ARRANGE_PERMISSION } from "@/lib/ledger/arrange";
import { arrangeBudgetInput } from "@/lib/validation/ledger";

/** Public endpoint: 安排预算 — one subject's budget with its 批复文号 and date, written to the ledger. */
export const arrangeBudget = defineAction({
  name: "ledger.arrange",
  permission: ARRANGE_PERMISSION,
  input: arrangeBudgetInput,
  success: "ledger.arranged",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
