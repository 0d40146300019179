import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { projects } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { loadProject } from "@/lib/objective/load";
import { updateProjectInput } from "@/lib/validation/project";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** Edit a project while it is still in reserve (储备). */
export async function updateProject(db: Db, actor: Actor, input: z.output<typeof updateProjectInput>) {
  const { project } = await loadProject(db, actor, "project.write", input.projectId);
  if (project.state !== "reserve") throw new ActionError("forbidden", { _form: "workflow.notNow" });
  if (input.ownerOrgId !== project.ownerOrgId) throw new ActionError("invalid_input", { ownerOrgId: "errors.not_found" });
  const { projectId, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(projects)
      .set({ ...fields, parentId: fields.parentId ?? null, version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, projectId), eq(projects.version, version), eq(projects.state, "reserve")))
      .returning({ version: projects.version });
    if (!row) throw new ActionError("conflict");
    await writeAudit(tx, actor, { action: "project.update", objectType: "project", objectId: projectId, before: project, after: fields });
    return { version: row.version };
  });
}
