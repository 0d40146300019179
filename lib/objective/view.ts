import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments, objectiveVersions, orgs, projects, regions, reviews, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { objectiveWorkflow } from "@/lib/workflow/machines";
import { declarationContent } from "./content";
import { loadObjective } from "./load";

/**
 * Everything a page shows about one objective, loaded scoped to the reader: the objective, its
 * current version's whole declaration, the owner's place, the approved version id, reviews (newest first), the
 * attachments of the current version, the list of versions, and the workflow events the reader
 * may fire now. Throws ActionError("not_found") when out of the reader's scope.
 */
export async function loadObjectiveView(db: DbOrTx, actor: Actor, objectiveId: number) {
  const loaded = await loadObjective(db, actor, "project.read", objectiveId);
  const content = await declarationContent(db, loaded.version);
  const [owner] = await db.select({ name: orgs.name, kind: orgs.kind }).from(orgs).where(eq(orgs.id, loaded.objective.ownerOrgId));
  const [department] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, loaded.objective.departmentOrgId));
  // The 财政部门 row of the 绩效目标表: the finance department of the objective's region, and that region's level.
  const [region] = await db.select({ level: regions.level }).from(regions).where(eq(regions.id, loaded.objective.regionId));
  const [finance] = await db
    .select({ name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.regionId, loaded.objective.regionId), eq(orgs.kind, "finance")))
    .orderBy(asc(orgs.id))
    .limit(1);
  const project = loaded.objective.projectId
    ? (await db.select().from(projects).where(eq(projects.id, loaded.objective.projectId)))[0] ?? null
    : null;
  const reviewRows = await db
    .select({ review: reviews, reviewerName: users.displayName })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.objectiveId, objectiveId))
    .orderBy(desc(reviews.id));
  const files = await db
    .select({ id: attachments.id, kind: attachments.kind, filename: attachments.filename, size: attachments.size, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.versionId, loaded.version.id))
    .orderBy(asc(attachments.createdAt));
  const versions = await db
    .select({
      id: objectiveVersions.id,
      number: objectiveVersions.number,
      kind: objectiveVersions.kind,
      submittedAt: objectiveVersions.submittedAt,
      approvedAt: objectiveVersions.approvedAt,
      adjustmentReason: objectiveVersions.adjustmentReason,
      createdAt: objectiveVersions.createdAt,
    })
    .from(objectiveVersions)
    .where(eq(objectiveVersions.objectiveId, objectiveId))
    .orderBy(asc(objectiveVersions.number));
  return {
    objective: loaded.objective,
    version: loaded.version,
    /** The owner's place in the tree (what canOn decides on). */
    place: { orgPath: loaded.orgPath, regionPath: loaded.regionPath },
    ownerName: owner.name,
    ownerKind: owner.kind,
    departmentName: department.name,
    regionLevel: region.level,
    financeName: finance?.name ?? null,
    project,
    content,
    reviews: reviewRows,
    attachments: files,
    versions,
    events: objectiveWorkflow.available(actor, loaded.ref),
  };
}

/** One version's declaration (for the version history and the diff), scoped like the objective. */
export async function loadVersionContent(db: DbOrTx, actor: Actor, objectiveId: number, versionNumber: number) {
  await loadObjective(db, actor, "project.read", objectiveId);
  const [v] = await db
    .select()
    .from(objectiveVersions)
    .where(and(eq(objectiveVersions.objectiveId, objectiveId), eq(objectiveVersions.number, versionNumber)));
  return v ? { version: v, content: await declarationContent(db, v) } : null;
}
