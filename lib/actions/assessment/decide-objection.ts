"use server";
import { defineAction } from "@/lib/actions/define";
import { decideObjectionInput } from "@/lib/assessment/inputs";
import { decideObjection } from "@/lib/assessment/rounds";

/** Public endpoint: finance decides an objection (upheld with changed judged scores, or dismissed), with a reply. */
export const decideAssessmentObjection = defineAction({
  name: "assessment.decideObjection",
  permission: "assessment.manage",
  input: decideObjectionInput,
  success: "assessment.result.decided",
  async run({ actor, db, input }) {
    return db.transaction(async (tx) => {
      const row = await decideObjection(tx, actor, input);
      return { version: row.version, finalScore: row.finalScore, grade: row.grade };
    });
  },
});
