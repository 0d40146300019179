"use server";
import { defineAction } from "@/lib/actions/define";
import { moveRectification } from "@/lib/evaluation/rectification";
import { moveRectificationInput } from "@/lib/validation/evaluation";

/** Public endpoint: the unit reports its rectification with evidence. */
export const submitRectificationAction = defineAction({
  name: "evaluation.submitRectification",
  permission: "project.write",
  input: moveRectificationInput,
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return moveRectification(db, actor, { ...input, move: "submit" });
  },
});
