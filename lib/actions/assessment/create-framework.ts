"use server";
import { defineAction } from "@/lib/actions/define";
import { createFramework, loadFramework } from "@/lib/assessment/frameworks";
import { createFrameworkInput } from "@/lib/assessment/inputs";

/** Public endpoint: finance starts a draft framework for its region's year — the default (six classes) or a copy of another. */
export const createAssessmentFramework = defineAction({
  name: "assessment.createFramework",
  permission: "assessment.framework.manage",
  input: createFrameworkInput,
  success: "assessment.frameworks.created",
  async run({ actor, db, input }) {
    const source = input.sourceId ? await loadFramework(db, actor, "assessment.framework.manage", input.sourceId) : undefined;
    return db.transaction(async (tx) => {
      const row = await createFramework(tx, actor, input.fiscalYear, input.name, source);
      return { id: row.id, number: row.number, version: row.version };
    });
  },
});
