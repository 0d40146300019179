import "server-only";
import { and, eq } from "drizzle-orm";
import { objectives, objectiveVersions, orgs } from "@/db/schema";
import { loadOrgInScope } from "@/lib/admin/load";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadProject } from "@/lib/objective/load";
import { createObjectiveInput } from "@/lib/validation/project";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/**
 * Open a declaration (绩效目标申报) for a subject and fiscal year — a project of the
 * pool, a department's overall spending (一部门一套指标), or a transfer payment — with its first
 * version pre-filled from what the system already knows. One per subject and year.
 */
export async function createObjective(db: Db, actor: Actor, input: z.output<typeof createObjectiveInput>) {
  let owner: { id: number; kind: string; parentId: number | null; regionId: number; name: string };
  let basic: Record<string, unknown>;
  let projectId: number | null = null;
  let title: string;
  let requestedAmount = "0";
  if (input.subjectKind === "department") {
    const { org } = await loadOrgInScope(db, actor, "project.write", input.orgId);
    if (org.kind !== "department") throw new ActionError("invalid_input", { orgId: "errors.not_found" });
    owner = org;
    title = input.title ?? `${org.name}${input.fiscalYear}年度部门整体支出`;
    basic = { name: title, category: "operation", startYear: input.fiscalYear, endYear: input.fiscalYear, servesPublic: true };
  } else {
    const { project } = await loadProject(db, actor, "project.write", input.projectId);
    if ((input.subjectKind === "transfer") !== (project.category === "transfer")) {
      throw new ActionError("invalid_input", { projectId: msg("refusal.transferNeedsTransferProject") });
    }
    if (input.fiscalYear < project.startYear || input.fiscalYear > project.endYear) {
      throw new ActionError("invalid_input", { fiscalYear: msg("refusal.yearOutsideProject") });
    }
    const [org] = await db.select().from(orgs).where(eq(orgs.id, project.ownerOrgId));
    owner = org;
    projectId = project.id;
    title = project.name;
    // The year's amount where the pool has it; the whole amount only for a one-year project.
    const annual = (project.annualAmounts as { year: number; amount: string }[]).find((a) => a.year === input.fiscalYear);
    requestedAmount = annual?.amount ?? (project.startYear === project.endYear ? project.totalAmount : "0");
    basic = {
      name: project.name,
      category: project.category,
      startYear: project.startYear,
      endYear: project.endYear,
      policyBasis: project.policyBasis,
      servesPublic: true,
    };
  }
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: objectives.id })
      .from(objectives)
      .where(
        projectId
          ? and(eq(objectives.projectId, projectId), eq(objectives.fiscalYear, input.fiscalYear))
          : and(eq(objectives.ownerOrgId, owner.id), eq(objectives.fiscalYear, input.fiscalYear), eq(objectives.subjectKind, "department")),
      );
    if (existing.length) return { id: existing[0].id, existed: true };
    const [o] = await tx
      .insert(objectives)
      .values({
        subjectKind: input.subjectKind,
        projectId,
        ownerOrgId: owner.id,
        departmentOrgId: owner.kind === "unit" ? owner.parentId! : owner.id,
        regionId: owner.regionId,
        fiscalYear: input.fiscalYear,
        title,
        requestedAmount,
      })
      .returning({ id: objectives.id });
    const [v] = await tx
      .insert(objectiveVersions)
      .values({ objectiveId: o.id, number: 1, basic, requestedAmount, funding: [], createdBy: actor.userId })
      .returning({ id: objectiveVersions.id });
    await tx.update(objectives).set({ currentVersionId: v.id }).where(eq(objectives.id, o.id));
    await writeAudit(tx, actor, { action: "objective.create", objectType: "objective", objectId: o.id, after: { ...input, title } });
    return { id: o.id, existed: false };
  });
}
