import "server-only";
import { z } from "zod";
import { ActionError } from "@/lib/errors";
import { readActualsWorkbook } from "@/lib/evaluation/excel";
import { loadSelfEvaluation } from "@/lib/evaluation/load";
import { saveSelfEvaluation } from "@/lib/evaluation/operations";
import { importFile } from "@/lib/indicator/import-file";
import { id, version } from "@/lib/validation/common";
import { actualRow } from "@/lib/validation/evaluation";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The input of importSelfEvaluationActuals (the action in lib/actions/evaluation/import-actuals.ts). */
export const importSelfEvaluationActualsInput = z.strictObject({ selfEvaluationId: id, version, file: importFile });

/**
 * The filer imports actual values, judgements and deviation analyses from the
 * filled self-evaluation template (.xlsx); the values are checked as the form checks them and
 * the score is recomputed. The executed amount and summary stay as saved.
 */
export async function importSelfEvaluationActuals(db: Db, actor: Actor, input: z.output<typeof importSelfEvaluationActualsInput>) {
  const { se } = await loadSelfEvaluation(db, actor, "project.write", input.selfEvaluationId);
  const rows = await readActualsWorkbook(input.file);
  const errors: Record<string, string> = {};
  const actuals = rows.flatMap((r) => {
    const parsed = actualRow.safeParse(r);
    if (parsed.success) return [parsed.data];
    for (const issue of parsed.error.issues) errors[`actuals.${r.ordinal}.${issue.path.join(".")}`] = issue.message;
    return [];
  });
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
  return saveSelfEvaluation(db, actor, se.id, input.version, {
    executedAmount: se.executedAmount,
    executionExplanation: se.executionExplanation,
    summary: se.summary,
    actuals,
  });
}
