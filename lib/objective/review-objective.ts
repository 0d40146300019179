import "server-only";
import { eq } from "drizzle-orm";
import { objectiveVersions, reviews } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { loadIndicators, loadObjective } from "@/lib/objective/load";
import { reviewObjectiveInput } from "@/lib/validation/project";
import { objectiveWorkflow } from "@/lib/workflow/machines";
import type { ObjectiveEvent } from "@/lib/workflow/objective";

const EVENT: Record<"department" | "finance", Partial<Record<"pass" | "return" | "reject", ObjectiveEvent>>> = {
  department: { pass: "dept_pass", return: "dept_return" },
  finance: { pass: "finance_approve", return: "finance_return", reject: "finance_reject" },
};
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/**
 * A reviewer decides a declaration (DESIGN §3.4) — the department passes or
 * returns it; finance approves (优/良), returns (中) or excludes it (差). The review row, the state
 * change and its audit row commit together; of two reviewers deciding at once, one wins and the
 * other gets a conflict. Approval freezes the version (谁批复预算，谁批复目标).
 */
export async function reviewObjective(db: Db, actor: Actor, input: z.output<typeof reviewObjectiveInput>) {
  const loaded = await loadObjective(db, actor, "project.read", input.objectiveId);
  const event = EVENT[input.stage][input.result]!;
  // Comments arrive keyed by row number; they are kept by indicator name, which survives the
  // filer reordering or deleting rows while fixing a returned declaration.
  const rows = await loadIndicators(db, loaded.version.id);
  const indicatorComments: Record<string, string> = {};
  for (const [ordinal, comment] of Object.entries(input.indicatorComments)) {
    const row = rows.find((r) => r.ordinal === Number(ordinal));
    if (!row) throw new ActionError("invalid_input", { [`indicatorComments.${ordinal}`]: msg("rules.noSuchRow") });
    if (comment) indicatorComments[row.name] = comment;
  }
  const now = new Date();
  return db.transaction(async (tx) => {
    const approving = event === "finance_approve";
    const { version, transition } = await objectiveWorkflow.fire(tx, actor, loaded.ref, event, input.version, {
      set: {
        ...(approving ? { approvedVersionId: loaded.version.id } : {}),
        ...(input.stage === "finance" && input.grade ? { grade: input.grade } : {}),
        ...(input.isKey !== undefined && input.stage === "finance" ? { isKey: input.isKey } : {}),
      },
      audit: { result: input.result, grade: input.grade, score: input.score, reasons: input.reasons },
    });
    await tx.insert(reviews).values({
      objectiveId: loaded.objective.id,
      versionId: loaded.version.id,
      stage: input.stage,
      result: input.result,
      grade: input.grade,
      score: input.score,
      reasons: input.reasons,
      indicatorComments,
      reviewerId: actor.userId,
    });
    if (approving) await tx.update(objectiveVersions).set({ approvedAt: now }).where(eq(objectiveVersions.id, loaded.version.id));
    return { version, state: transition.to };
  });
}
