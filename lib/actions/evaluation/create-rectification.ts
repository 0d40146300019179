"use server";
import { defineAction } from "@/lib/actions/define";
import { createRectification } from "@/lib/evaluation/rectification";
import { createRectificationInput } from "@/lib/validation/evaluation";

/** Public endpoint: finance sets a rectification task (requirement, deadline) on an accepted self-evaluation. */
export const createRectificationAction = defineAction({
  name: "evaluation.createRectification",
  permission: "evaluation.review.finance",
  input: createRectificationInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return createRectification(db, actor, input);
  },
});
