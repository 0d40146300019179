"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { moveRectification } from "@/lib/evaluation/rectification";
import { id, version } from "@/lib/validation/common";

/** Public endpoint: finance closes a reported rectification, or reopens it. */
export const decideRectificationAction = defineAction({
  name: "evaluation.decideRectification",
  permission: "evaluation.review.finance",
  input: z.strictObject({ taskId: id, version, move: z.enum(["close", "reopen"]) }),
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return moveRectification(db, actor, { taskId: input.taskId, version: input.version, move: input.move, evidence: null });
  },
});
