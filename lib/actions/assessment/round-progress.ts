"use server";
import { defineAction } from "@/lib/actions/define";
import { roundProgressInput } from "@/lib/assessment/inputs";
import { loadRound } from "@/lib/assessment/rounds";

/** Public endpoint (reads only): how far a round's computation has got, for the progress bar. */
export const assessmentRoundProgress = defineAction({
  name: "assessment.progress",
  permission: "assessment.read",
  input: roundProgressInput,
  async run({ actor, db, input }) {
    const { round } = await loadRound(db, actor, "assessment.read", input.roundId);
    return { done: round.progressDone, total: round.progressTotal, state: round.state };
  },
});
