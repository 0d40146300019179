import "server-only";
import Decimal from "decimal.js";
import { and, eq, isNull } from "drizzle-orm";
import { appraisalAssignments, appraisals, projects } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadProject } from "@/lib/objective/load";
import { recordAppraisalInput } from "@/lib/validation/project";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/**
 * Finance, or the evaluator of an agency finance engaged, records an ex-ante
 * appraisal: five dimensions (20 points each) with comments, and a conclusion.
 */
export async function recordAppraisal(db: Db, actor: Actor, input: z.output<typeof recordAppraisalInput>) {
  // An agency's evaluator reaches the project only through an open engagement of its agency;
  // finance reaches it through its region.
  const [assignment] = actor.roles.includes("evaluator")
    ? await db
        .select()
        .from(appraisalAssignments)
        .where(
          and(
            eq(appraisalAssignments.projectId, input.projectId),
            eq(appraisalAssignments.fiscalYear, input.fiscalYear),
            eq(appraisalAssignments.agencyOrgId, actor.orgId),
            isNull(appraisalAssignments.appraisalId),
          ),
        )
    : [];
  const project = assignment
    ? (await db.select().from(projects).where(eq(projects.id, input.projectId)))[0]
    : (await loadProject(db, actor, "appraisal.record", input.projectId)).project;
  const total = input.dimensions.reduce((s, d) => s.plus(d.score), new Decimal(0)).toFixed(2);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appraisals)
      .values({
        projectId: project.id,
        fiscalYear: input.fiscalYear,
        dimensions: input.dimensions,
        totalScore: total,
        conclusion: input.conclusion,
        summary: input.summary,
        appraiserId: actor.userId,
        agencyOrgId: assignment ? actor.orgId : null,
      })
      .returning({ id: appraisals.id });
    if (assignment) {
      const [done] = await tx
        .update(appraisalAssignments)
        .set({ appraisalId: row.id })
        .where(and(eq(appraisalAssignments.id, assignment.id), isNull(appraisalAssignments.appraisalId)))
        .returning({ id: appraisalAssignments.id });
      if (!done) throw new ActionError("conflict");
    }
    await writeAudit(tx, actor, {
      action: "appraisal.record",
      objectType: "project",
      objectId: project.id,
      after: { appraisalId: row.id, totalScore: total, conclusion: input.conclusion },
    });
    return { id: row.id, totalScore: total };
  });
}
