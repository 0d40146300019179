"use server";
import { defineAction } from "@/lib/actions/define";
import { discloseRoundInput } from "@/lib/assessment/inputs";
import { setRoundDisclosure } from "@/lib/assessment/rounds";

/** Public endpoint: finance's discloser shows (or hides) a published round's ranking on the portal. */
export const discloseAssessmentRound = defineAction({
  name: "assessment.discloseRound",
  permission: "disclosure.manage",
  input: discloseRoundInput,
  success: "assessment.round.disclosed",
  async run({ actor, db, input }) {
    return db.transaction(async (tx) => {
      const row = await setRoundDisclosure(tx, actor, input.roundId, input.version, input.disclose);
      return { version: row.version, disclose: row.disclose };
    });
  },
});
