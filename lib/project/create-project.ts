import "server-only";
import { eq } from "drizzle-orm";
import { projects, regions } from "@/db/schema";
import { loadOrgInScope } from "@/lib/admin/load";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { createProjectInput } from "@/lib/validation/project";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/core";

/** A filer enters a project into the pool (储备) for its unit or department. */
export async function createProject(db: Db, actor: Actor, input: z.output<typeof createProjectInput>) {
  const { org } = await loadOrgInScope(db, actor, "project.write", input.ownerOrgId);
  if (org.kind !== "unit" && org.kind !== "department") throw new ActionError("invalid_input", { ownerOrgId: "errors.not_found" });
  const departmentOrgId = org.kind === "unit" ? org.parentId! : org.id;
  if (input.parentId) {
    const [parent] = await db.select().from(projects).where(eq(projects.id, input.parentId));
    if (!parent || parent.tier !== 1 || parent.departmentOrgId !== departmentOrgId) {
      throw new ActionError("invalid_input", { parentId: msg("rules.parentTier1") });
    }
  }
  return db.transaction(async (tx) => {
    const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.id, org.regionId));
    const [row] = await tx
      .insert(projects)
      .values({
        ...input,
        code: `p-${crypto.randomUUID()}`, // replaced below once the id is known
        parentId: input.parentId ?? null,
        departmentOrgId,
        regionId: org.regionId,
        createdBy: actor.userId,
      })
      .returning({ id: projects.id });
    // 项目编码: region code, start year, sequence.
    const code = `${region.code}-${input.startYear}-${String(row.id).padStart(6, "0")}`;
    await tx.update(projects).set({ code }).where(eq(projects.id, row.id));
    await writeAudit(tx, actor, { action: "project.create", objectType: "project", objectId: row.id, after: { ...input, code } });
    return { id: row.id, code };
  });
}
