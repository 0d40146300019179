"use server";
import { defineAction } from "@/lib/actions/define";
import { selectKeyByWarnings } from "@/lib/evaluation/key-selection";
import { selectKeyByWarningsInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance selects every subject of a year with red (or red/yellow) monitoring warnings for key evaluation. */
export const selectKeyByWarningsAction = defineAction({
  name: "evaluation.selectKeyByWarnings",
  permission: "evaluation.review.finance",
  input: selectKeyByWarningsInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return selectKeyByWarnings(db, actor, input);
  },
});
