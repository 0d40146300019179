import "server-only";
import { z } from "zod";
import { appraisalAssignments } from "@/db/schema";
import { loadOrgInScope } from "@/lib/admin/load";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { loadProject } from "@/lib/objective/load";
import { id } from "@/lib/validation/common";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/** The input of assignAppraisal (the action in lib/actions/project/assign-appraisal.ts). */
export const assignAppraisalInput = z.strictObject({ projectId: id, fiscalYear: z.coerce.number().int().min(2000).max(2100), agencyOrgId: id });

/** Finance engages an agency (第三方机构) of its region for a project's ex-ante appraisal. */
export async function assignAppraisal(db: Db, actor: Actor, input: z.output<typeof assignAppraisalInput>) {
  const { project } = await loadProject(db, actor, "appraisal.assign", input.projectId);
  const { org } = await loadOrgInScope(db, actor, "appraisal.assign", input.agencyOrgId);
  if (org.kind !== "agency") throw new ActionError("invalid_input", { agencyOrgId: msg("rules.chooseAgency") });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appraisalAssignments)
        .values({ projectId: project.id, fiscalYear: input.fiscalYear, agencyOrgId: org.id, assignedBy: actor.userId })
        .returning({ id: appraisalAssignments.id });
      await writeAudit(tx, actor, {
        action: "appraisal.assign",
        objectType: "project",
        objectId: project.id,
        after: { agency: org.name, fiscalYear: input.fiscalYear },
      });
      return { id: row.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("invalid_input", { agencyOrgId: msg("rules.alreadyEngaged") });
    throw e;
  }
}
