import "server-only";
import { and, eq } from "drizzle-orm";
import { fiscalYears, regions } from "@/db/schema";
import { hasApprovedObjective, latestAppraisal, loadProject } from "@/lib/objective/load";
import { appraisalRequired } from "@/lib/objective/appraisal-rule";
import { projectWorkflow } from "@/lib/workflow/machines";
import { projectEventInput } from "@/lib/validation/project";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** Move a project through the pool (admit, budget, start, complete, withdraw). */
export async function fireProjectEvent(db: Db, actor: Actor, input: z.output<typeof projectEventInput>) {
  const { project, ref, regionPath } = await loadProject(db, actor, "project.read", input.projectId);
  return db.transaction(async (tx) => {
    // The province's fiscal year holds the threshold; the root of the region path is the province.
    const provinceId = Number(regionPath.split("/")[1]);
    const [fy] = await tx
      .select({ threshold: fiscalYears.appraisalThreshold })
      .from(fiscalYears)
      .innerJoin(regions, eq(regions.id, fiscalYears.regionId))
      .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, project.startYear)));
    const appraisal = await latestAppraisal(tx, project.id);
    const facts = {
      hasApprovedObjective: await hasApprovedObjective(tx, project.id),
      appraisalRequired: appraisalRequired(project, fy?.threshold ?? null),
      appraisal: appraisal?.conclusion ?? null,
    };
    const { version, transition } = await projectWorkflow.fire(tx, actor, ref, input.event, input.version, { facts, audit: { reason: input.reason ?? undefined } });
    return { version, state: transition.to };
  });
}
