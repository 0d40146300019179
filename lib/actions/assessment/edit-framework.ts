"use server";
import { defineAction } from "@/lib/actions/define";
import { editFramework, loadFramework } from "@/lib/assessment/frameworks";
import { editFrameworkInput } from "@/lib/assessment/inputs";

/** Public endpoint: finance edits a framework no round has computed under (classes, indicators, weights, methods, difficulty). */
export const editAssessmentFramework = defineAction({
  name: "assessment.editFramework",
  permission: "assessment.framework.manage",
  input: editFrameworkInput,
  success: "assessment.frameworks.saved",
  async run({ actor, db, input }) {
    const row = await loadFramework(db, actor, "assessment.framework.manage", input.frameworkId);
    return db.transaction(async (tx) => {
      const updated = await editFramework(tx, actor, row, input.version, input.framework, input.name);
      return { id: updated.id, version: updated.version };
    });
  },
});
