"use server";
import { defineAction } from "@/lib/actions/define";
import { proposeIndicatorChange as run } from "@/lib/indicator/propose-change";
import { proposeChangeInput } from "@/lib/validation/indicator";

/**
 * Public endpoint: a line department proposes to add, adjust or retire an indicator of its own
 * sector, with a reason (evidence files are attached next). Finance decides. Only the department
 * that owns the indicator (or, for a new one, owns indicators of that sector) may propose.
 */
export const proposeIndicatorChange = defineAction({
  name: "indicator.propose",
  permission: "indicator.propose",
  input: proposeChangeInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
