"use server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { objectiveVersions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define";
import { ActionError } from "@/lib/errors";
import { id, version } from "@/lib/validation/common";
import { completenessErrors } from "@/lib/objective/completeness";
import { declarationContent } from "@/lib/objective/content";
import { declarationWindow } from "@/lib/objective/declaration-window";
import { loadObjective } from "@/lib/objective/load";
import { reviewerGapFor, reviewerGapMessage } from "@/lib/objective/routing";
import { transitionObjective } from "@/lib/workflow/engine";

/**
 * Public endpoint: submit a declaration for review. Every completeness rule of DESIGN §5 runs
 * first; failures come back keyed by the wizard field they concern (with the step in the text).
 * A submission after the declaration window closes is accepted and marked late.
 */
export const submitObjective = defineAction({
  name: "objective.submit",
  permission: "project.write",
  input: z.strictObject({ objectiveId: id, version }),
  async run({ actor, db, input }) {
    const loaded = await loadObjective(db, actor, "project.write", input.objectiveId);
    const content = await declarationContent(db, loaded.version);
    const errors = completenessErrors(content, loaded.objective.subjectKind);
    if (errors.length) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of errors) {
        const [zh, en] = e.message.split(" / ");
        (fieldErrors[e.field] ??= []).push(`第${e.step}步 · ${zh} / Step ${e.step} · ${en ?? zh}`);
      }
      throw new ActionError("invalid_input", fieldErrors);
    }
    // Routing health: nobody to review it next → refused before anything is written, naming whom to ask.
    const gap = await reviewerGapFor(db, loaded.objective.ownerOrgId);
    if (gap) throw new ActionError("invalid_input", { _form: reviewerGapMessage(gap) });
    const now = new Date();
    // The window's days are China's: after 00:00 China time on the day after the end is late.
    const late = !!(await declarationWindow(db, loaded.regionPath, loaded.objective.fiscalYear, now))?.late;
    return db.transaction(async (tx) => {
      const { version: v, transition } = await transitionObjective(tx, actor, loaded.ref, "submit", input.version, {
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
  },
});
