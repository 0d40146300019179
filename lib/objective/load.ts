import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appraisals, objectiveIndicators, objectives, objectiveVersions, orgs, projects, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import type { ObjectiveRef, ProjectRef } from "@/lib/workflow/machines";

/**
 * Loads an objective only if the actor may touch it for `permission` (the owner's place in the
 * org tree decides); out of scope reads exactly like missing.
 */
export async function loadObjective(db: DbOrTx, actor: Actor, permission: Permission, objectiveId: number) {
  const [row] = await db
    .select({ objective: objectives, ownerKind: orgs.kind, ownerName: orgs.name, orgPath: orgs.path, regionPath: regions.path, version: objectiveVersions })
    .from(objectives)
    .innerJoin(orgs, eq(orgs.id, objectives.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .leftJoin(objectiveVersions, eq(objectiveVersions.id, objectives.currentVersionId))
    .where(eq(objectives.id, objectiveId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "objective", id: objectiveId });
  }
  if (!row.version) throw new Error(`objective ${objectiveId} has no current version`);
  const ref: ObjectiveRef = {
    id: row.objective.id,
    state: row.objective.state,
    version: row.objective.version,
    ownerKind: row.ownerKind,
    isAdjustment: row.version.kind === "adjustment",
    orgPath: row.orgPath,
    regionPath: row.regionPath,
  };
  return { ...row, version: row.version, ref };
}

export async function loadIndicators(db: DbOrTx, versionId: number) {
  return db.select().from(objectiveIndicators).where(eq(objectiveIndicators.versionId, versionId)).orderBy(asc(objectiveIndicators.ordinal));
}

/** Loads a project only if the actor may touch it for `permission`. */
export async function loadProject(db: DbOrTx, actor: Actor, permission: Permission, projectId: number) {
  const [row] = await db
    .select({ project: projects, ownerKind: orgs.kind, ownerName: orgs.name, orgPath: orgs.path, regionPath: regions.path })
    .from(projects)
    .innerJoin(orgs, eq(orgs.id, projects.ownerOrgId))
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(eq(projects.id, projectId));
  if (!row || !canOn(actor, permission, { orgPath: row.orgPath, regionPath: row.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "project", id: projectId });
  }
  const ref: ProjectRef = { id: row.project.id, state: row.project.state, version: row.project.version, orgPath: row.orgPath, regionPath: row.regionPath };
  return { ...row, ref };
}

/** The latest ex-ante appraisal of a project, if any. */
export async function latestAppraisal(db: DbOrTx, projectId: number) {
  const [row] = await db.select().from(appraisals).where(eq(appraisals.projectId, projectId)).orderBy(desc(appraisals.id)).limit(1);
  return row ?? null;
}

/** Whether the project has an objective with an approved version in force. */
export async function hasApprovedObjective(db: DbOrTx, projectId: number): Promise<boolean> {
  const rows = await db
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.projectId, projectId), isNotNull(objectives.approvedVersionId)))
    .limit(1);
  return rows.length > 0;
}
