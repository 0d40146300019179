import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { assessmentFrameworks, regions } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import type { Permission } from "@/lib/auth/permissions";
import { ActionError } from "@/lib/errors";
import { DEFAULT_FRAMEWORK, frameworkOf, type Framework } from "./framework";

export type FrameworkRow = typeof assessmentFrameworks.$inferSelect;

/** A framework of the actor's region or a region below, for `permission` (else not found, audited by the wrapper). */
export async function loadFramework(db: DbOrTx, actor: Actor, permission: Permission, frameworkId: number): Promise<FrameworkRow & { regionPath: string }> {
  const [row] = await db
    .select({ f: assessmentFrameworks, regionPath: regions.path })
    .from(assessmentFrameworks)
    .innerJoin(regions, eq(regions.id, assessmentFrameworks.regionId))
    .where(eq(assessmentFrameworks.id, frameworkId));
  if (!row || !canOn(actor, permission, { orgPath: "", regionPath: row.regionPath })) throw new ActionError("not_found", undefined, { type: "assessment_framework", id: frameworkId });
  return { ...row.f, regionPath: row.regionPath };
}

/** The frameworks of the actor's region and the regions below, newest year first. */
export async function listFrameworks(db: DbOrTx, actor: Actor) {
  return db
    .select({ f: assessmentFrameworks, regionName: regions.name })
    .from(assessmentFrameworks)
    .innerJoin(regions, eq(regions.id, assessmentFrameworks.regionId))
    .where(sql`${regions.path} like ${actor.regionPath + "%"}`)
    .orderBy(desc(assessmentFrameworks.fiscalYear), asc(regions.path), desc(assessmentFrameworks.number))
    .limit(200);
}

/** The active framework that governs a region's year: its own, else the nearest ancestor's. */
export async function activeFrameworkFor(db: DbOrTx, regionPath: string, fiscalYear: number): Promise<FrameworkRow | null> {
  const [row] = await db
    .select({ f: assessmentFrameworks })
    .from(assessmentFrameworks)
    .innerJoin(regions, eq(regions.id, assessmentFrameworks.regionId))
    .where(and(eq(assessmentFrameworks.fiscalYear, fiscalYear), eq(assessmentFrameworks.status, "active"), sql`${regionPath} like ${regions.path} || '%'`))
    .orderBy(desc(sql`length(${regions.path})`))
    .limit(1);
  return row?.f ?? null;
}

async function nextNumber(tx: Tx, regionId: number, fiscalYear: number) {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${assessmentFrameworks.number}), 0)::int + 1` })
    .from(assessmentFrameworks)
    .where(and(eq(assessmentFrameworks.regionId, regionId), eq(assessmentFrameworks.fiscalYear, fiscalYear)));
  return next;
}

/** A new draft for the actor's region and a year: the default framework (six classes), or a copy of another. */
export async function createFramework(tx: Tx, actor: Actor, fiscalYear: number, name: string, source?: FrameworkRow) {
  const number = await nextNumber(tx, actor.regionId, fiscalYear);
  const [row] = await tx
    .insert(assessmentFrameworks)
    .values({ regionId: actor.regionId, fiscalYear, number, name, status: "draft", framework: source ? frameworkOf(source.framework) : DEFAULT_FRAMEWORK, basedOnId: source?.id ?? null, createdBy: actor.userId })
    .returning();
  await writeAudit(tx, actor, { action: source ? "assessmentFramework.copy" : "assessmentFramework.create", objectType: "assessment_framework", objectId: row.id, after: { fiscalYear, number, basedOnId: source?.id ?? null } });
  return row;
}

/**
 * Edits a framework nobody was assessed under yet: refused once a round computed under it (used)
 * or it retired — a conditional update on used and version, so a computation that took it
 * meanwhile wins and the edit is told so.
 */
export async function editFramework(tx: Tx, actor: Actor, row: FrameworkRow, expectedVersion: number, framework: Framework, name?: string) {
  if (row.used || row.status === "retired") throw new ActionError("forbidden", { _form: "assessment.errors.frozen" });
  if (row.version !== expectedVersion) throw new ActionError("conflict");
  const [updated] = await tx
    .update(assessmentFrameworks)
    .set({ framework, name: name ?? row.name, version: sql`${assessmentFrameworks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessmentFrameworks.id, row.id), eq(assessmentFrameworks.used, false), sql`${assessmentFrameworks.status} <> 'retired'`, eq(assessmentFrameworks.version, expectedVersion)))
    .returning();
  if (!updated) {
    const [now] = await tx.select({ used: assessmentFrameworks.used }).from(assessmentFrameworks).where(eq(assessmentFrameworks.id, row.id));
    throw now?.used ? new ActionError("forbidden", { _form: "assessment.errors.frozen" }) : new ActionError("conflict");
  }
  await writeAudit(tx, actor, { action: "assessmentFramework.edit", objectType: "assessment_framework", objectId: row.id, before: { framework: row.framework, version: row.version }, after: { framework, version: updated.version } });
  return updated;
}

/** Adopts a draft: the active framework of its region and year; the one it replaces retires. */
export async function activateFramework(tx: Tx, actor: Actor, row: FrameworkRow, expectedVersion: number) {
  if (row.status !== "draft") throw new ActionError("forbidden", { _form: "assessment.errors.notDraft" });
  if (row.version !== expectedVersion) throw new ActionError("conflict");
  const retired = await tx
    .update(assessmentFrameworks)
    .set({ status: "retired", version: sql`${assessmentFrameworks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessmentFrameworks.regionId, row.regionId), eq(assessmentFrameworks.fiscalYear, row.fiscalYear), eq(assessmentFrameworks.status, "active")))
    .returning({ id: assessmentFrameworks.id });
  const [updated] = await tx
    .update(assessmentFrameworks)
    .set({ status: "active", version: sql`${assessmentFrameworks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessmentFrameworks.id, row.id), eq(assessmentFrameworks.status, "draft"), eq(assessmentFrameworks.version, expectedVersion)))
    .returning();
  if (!updated) throw new ActionError("conflict");
  await writeAudit(tx, actor, { action: "assessmentFramework.activate", objectType: "assessment_framework", objectId: row.id, before: { status: "draft" }, after: { status: "active", retired: retired.map((r) => r.id) } });
  return updated;
}
