"use server";
import { defineAction } from "@/lib/actions/define";
import { importSelfEvaluationActuals as run, importSelfEvaluationActualsInput } from "@/lib/evaluation/import-actuals";

/**
 * Public endpoint: the filer imports actual values, judgements and deviation analyses from the
 * filled self-evaluation template (.xlsx); the values are checked as the form checks them and
 * the score is recomputed. The executed amount and summary stay as saved.
 */
export const importSelfEvaluationActuals = defineAction({
  name: "evaluation.importActuals",
  permission: "project.write",
  input: importSelfEvaluationActualsInput,
  success: "evaluation.saved",
  async run({ actor, db, input }) {
    return run(db, actor, input);
  },
});
