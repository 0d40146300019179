"use server";
import { defineAction } from "@/lib/actions/define";
import { discloseRoundInput } from "@/lib/assessment/inputs";
import { setRoundDisclosure } from "@/lib/assessment/rounds";
import { expirePublicDisclosures } from "@/lib/disclosure/cache";

/** Public endpoint: finance's discloser shows (or hides) a published round's ranking on the portal. */
export const discloseAssessmentRound = defineAction({
  name: "assessment.discloseRound",
  permission: "disclosure.manage",
  input: discloseRoundInput,
  success: "assessment.round.disclosed",
  async run({ actor, db, input }) {
    const row = await db.transaction((tx) => setRoundDisclosure(tx, actor, input.roundId, input.version, input.disclose));
    expirePublicDisclosures(); // the portal's pages read it: they are rendered again at once
    return { version: row.version, disclose: row.disclose };
  },
});
