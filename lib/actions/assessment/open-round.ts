"use server";
import { defineAction } from "@/lib/actions/define";
import { openRoundInput } from "@/lib/assessment/inputs";
import { openRound } from "@/lib/assessment/rounds";

/** Public endpoint: finance opens the assessment round of its region's year under the framework in force. */
export const openAssessmentRound = defineAction({
  name: "assessment.openRound",
  permission: "assessment.manage",
  input: openRoundInput,
  success: "assessment.round.opened",
  async run({ actor, db, input }) {
    return db.transaction(async (tx) => {
      const row = await openRound(tx, actor, input);
      return { id: row.id, version: row.version };
    });
  },
});
