"use server";
import { defineAction } from "@/lib/actions/define";
import { objectInput } from "@/lib/assessment/inputs";
import { objectToResult } from "@/lib/assessment/rounds";

/** Public endpoint: the assessed organisation objects to its result, once, with a reason, by the deadline. */
export const objectAssessmentResult = defineAction({
  name: "assessment.object",
  permission: "assessment.own",
  input: objectInput,
  success: "assessment.result.objected",
  async run({ actor, db, input }) {
    return db.transaction(async (tx) => {
      const row = await objectToResult(tx, actor, input);
      return { version: row.version };
    });
  },
});
