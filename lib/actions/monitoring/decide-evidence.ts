"use server";
import { defineAction } from "@/lib/actions/define";
import { decideRectificationEvidence as run } from "@/lib/monitoring/dispositions";
import { decideEvidenceInput } from "@/lib/validation/monitoring";

/** Public endpoint: finance accepts the rectification evidence (the task leaves the filer's inbox) or sends it back with a reason. */
export const decideRectificationEvidence = defineAction({
  name: "monitoring.decideEvidence",
  permission: "warning.dispose",
  input: decideEvidenceInput,
  success: "monitoring.evidenceDecided",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
