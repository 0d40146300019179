"use server";
import { defineAction } from "@/lib/actions/define";
import { decideIndicatorChange as run } from "@/lib/indicator/changes";
import { decideChangeInput } from "@/lib/validation/indicator";

/**
 * Public endpoint: the provincial finance department approves or rejects a change request;
 * approval publishes (lib/indicator/changes.ts). Two deciders at once: one wins.
 */
export const decideIndicatorChange = defineAction({
  name: "indicator.decide",
  permission: "indicator.manage",
  input: decideChangeInput,
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
