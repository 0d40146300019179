import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { objectiveVersions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { msg, type MessageKey } from "@/lib/i18n/core";
import type { Translate } from "@/lib/i18n";
import { id, version } from "@/lib/validation/common";
import { completenessErrors } from "@/lib/objective/completeness";
import { declarationContent } from "@/lib/objective/content";
import { declarationWindow } from "@/lib/objective/declaration-window";
import { loadObjective } from "@/lib/objective/load";
import { reviewerGapFor, reviewerGapMessage } from "@/lib/objective/routing";
import { objectiveWorkflow } from "@/lib/workflow/machines";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The input of submitObjective (the action in lib/actions/objective/submit-objective.ts). */
export const submitObjectiveInput = z.strictObject({ objectiveId: id, version });

/**
 * Submit a declaration for review. Every completeness rule of DESIGN §5 runs
 * first; failures come back keyed by the wizard field they concern (with the step in the text).
 * A submission after the declaration window closes is accepted and marked late.
 */
export async function submitObjective(db: Db, actor: Actor, input: z.output<typeof submitObjectiveInput>, t: Translate) {
  const loaded = await loadObjective(db, actor, "project.write", input.objectiveId);
  const content = await declarationContent(db, loaded.version);
  const errors = completenessErrors(content, loaded.objective.subjectKind);
  if (errors.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) (fieldErrors[e.field] ??= []).push(msg("rules.decl.atStep", { step: e.step, text: t(e.message as MessageKey) }));
    throw new ActionError("invalid_input", fieldErrors);
  }
  // Routing health: nobody to review it next → refused before anything is written, naming whom to ask.
  const gap = await reviewerGapFor(db, loaded.objective.ownerOrgId);
  if (gap) throw new ActionError("invalid_input", { _form: reviewerGapMessage(gap) });
  const now = new Date();
  // The window's days are China's: after 00:00 China time on the day after the end is late.
  const late = !!(await declarationWindow(db, loaded.regionPath, loaded.objective.fiscalYear, now))?.late;
  return db.transaction(async (tx) => {
    const { version: v, transition } = await objectiveWorkflow.fire(tx, actor, loaded.ref, "submit", input.version, {
      set: { submittedAt: now },
      audit: { late, versionNumber: loaded.version.number },
    });
    // The content checked above is the content submitted: a save that committed since (it holds
    // the objective's row lock, which the transition waited for) raised the counter → conflict.
    const [checked] = await tx
      .update(objectiveVersions)
      .set({ submittedAt: now })
      .where(and(eq(objectiveVersions.id, loaded.version.id), eq(objectiveVersions.editVersion, loaded.version.editVersion)))
      .returning({ id: objectiveVersions.id });
    if (!checked) throw new ActionError("conflict");
    return { version: v, state: transition.to, late };
  });
}
