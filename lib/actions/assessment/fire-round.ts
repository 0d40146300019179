"use server";
import { defineAction } from "@/lib/actions/define";
import { roundEventInput } from "@/lib/assessment/inputs";
import { computeRound, fireRound } from "@/lib/assessment/rounds";

/** Public endpoint: finance computes (again), releases or publishes a round — the events the page drew from available(). */
export const fireAssessmentRound = defineAction({
  name: "assessment.fireRound",
  permission: "assessment.manage",
  input: roundEventInput,
  success: "assessment.round.done",
  async run({ actor, db, input }) {
    if (input.event === "compute") return computeRound(db, actor, input.roundId, input.version);
    const event = input.event;
    return db.transaction((tx) => fireRound(tx, actor, input.roundId, event, input.version));
  },
});
