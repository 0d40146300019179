"use server";
import { defineAction } from "@/lib/actions/define";
import { activateFramework, loadFramework } from "@/lib/assessment/frameworks";
import { activateFrameworkInput } from "@/lib/assessment/inputs";

/** Public endpoint: finance adopts a draft framework for its region and year (the previous one retires). */
export const activateAssessmentFramework = defineAction({
  name: "assessment.activateFramework",
  permission: "assessment.framework.manage",
  input: activateFrameworkInput,
  success: "assessment.frameworks.activated",
  async run({ actor, db, input }) {
    const row = await loadFramework(db, actor, "assessment.framework.manage", input.frameworkId);
    return db.transaction(async (tx) => {
      const updated = await activateFramework(tx, actor, row, input.version);
      return { id: updated.id, version: updated.version };
    });
  },
});
