"use server";
import { defineAction } from "@/lib/actions/define";
import { judgeInput } from "@/lib/assessment/inputs";
import { judgeResult } from "@/lib/assessment/rounds";

/** Public endpoint: finance scores a judged indicator of one assessed organisation, with its evidence. */
export const judgeAssessmentResult = defineAction({
  name: "assessment.judge",
  permission: "assessment.manage",
  input: judgeInput,
  success: "assessment.result.judged",
  async run({ actor, db, input }) {
    return db.transaction(async (tx) => {
      const row = await judgeResult(tx, actor, input);
      return { version: row.version, finalScore: row.finalScore, grade: row.grade };
    });
  },
});
