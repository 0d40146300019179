import "server-only";
import { and, eq } from "drizzle-orm";
import { fiscalYears, regions, type projects } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { msg } from "@/lib/i18n/core";
import type { ProjectFacts } from "@/lib/workflow/project";
import { hasApprovedObjective, latestAppraisal, loadProject } from "@/lib/objective/load";
import { appraisalRequired } from "@/lib/objective/appraisal-rule";
import { projectWorkflow } from "@/lib/workflow/machines";
import { projectEventInput } from "@/lib/validation/project";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The facts the pool's preconditions read (an approved objective, the appraisal the threshold requires). */
export async function projectFacts(tx: DbOrTx, project: typeof projects.$inferSelect, regionPath: string): Promise<ProjectFacts> {
  // The province's fiscal year holds the threshold; the root of the region path is the province.
  const provinceId = Number(regionPath.split("/")[1]);
  const [fy] = await tx
    .select({ threshold: fiscalYears.appraisalThreshold })
    .from(fiscalYears)
    .innerJoin(regions, eq(regions.id, fiscalYears.regionId))
    .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, project.startYear)));
  const appraisal = await latestAppraisal(tx, project.id);
  return {
    hasApprovedObjective: await hasApprovedObjective(tx, project.id),
    appraisalRequired: appraisalRequired(project, fy?.threshold ?? null),
    appraisal: appraisal?.conclusion ?? null,
  };
}

/**
 * Move a project through the pool (admit, start, complete, withdraw). 安排预算 is not fired here:
 * it carries money and goes through the ledger (lib/ledger/arrange.ts), which fires `budget`.
 */
export async function fireProjectEvent(db: Db, actor: Actor, input: z.output<typeof projectEventInput>) {
  if (input.event === "budget") throw new ActionError("invalid_input", { event: msg("ledger.arrangeWithAmount") });
  const { project, ref, regionPath } = await loadProject(db, actor, "project.read", input.projectId);
  return db.transaction(async (tx) => {
    const facts = await projectFacts(tx, project, regionPath);
    const { version, transition } = await projectWorkflow.fire(tx, actor, ref, input.event, input.version, { facts, audit: { reason: input.reason ?? undefined } });
    return { version, state: transition.to };
  });
}
