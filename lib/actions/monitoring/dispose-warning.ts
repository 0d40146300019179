"use server";
import { defineAction } from "@/lib/actions/define";
import { disposeWarning as run } from "@/lib/monitoring/dispositions";
import { disposeWarningInput } from "@/lib/validation/monitoring";

/**
 * Public endpoint: finance disposes a warning — continue, rectify by a deadline, adjust the
 * budget, suspend funding or stop. Once per warning (of two officers at once, one wins); a
 * rectification opens a task in the filer's inbox until its evidence is accepted.
 */
export const disposeWarning = defineAction({
  name: "monitoring.disposeWarning",
  permission: "warning.dispose",
  input: disposeWarningInput,
  success: "monitoring.disposed",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
