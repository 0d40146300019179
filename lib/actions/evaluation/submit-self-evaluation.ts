"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { fireSelfEvaluationEvent } from "@/lib/evaluation/operations";
import { id, version } from "@/lib/validation/common";

/** Public endpoint: the filer submits its self-evaluation (checked complete, scored under the governing rule set). */
export const submitSelfEvaluation = defineAction({
  name: "evaluation.submitSelfEvaluation",
  permission: "project.write",
  input: z.strictObject({ selfEvaluationId: id, version }),
  success: "evaluation.done",
  async run({ actor, db, input }) {
    return fireSelfEvaluationEvent(db, actor, { ...input, event: "submit", reason: null }, "project.write");
  },
});
