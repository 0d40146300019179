import { eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { keyEvaluationReports, keyEvaluations, objectives, orgs, regions } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { recogniseAttachment } from "@/lib/objective/attachment-rules";
import { loadKey } from "./key-evaluation";

/** A key evaluation report is PDF or Word (.docx / .doc), recognised by name and content. */
const REPORT_MIMES = new Set(["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword"]);
export const REPORT_ACCEPT = ".pdf,.docx,.doc";

/**
 * The evaluator of the engaged agency (or finance, in its scope) attaches the report file while the
 * evaluation is not yet accepted; a new one replaces the old. Audited in the same transaction.
 */
export async function attachKeyReport(db: Db, actor: Actor, as: "evaluator" | "finance", input: { keyEvaluationId: number; file: File }) {
  const loaded = await loadKey(db, actor, input.keyEvaluationId);
  if (as === "evaluator" ? !loaded.asEvaluator : !loaded.financeScope) throw new ActionError("not_found", undefined, { type: "key_evaluation", id: input.keyEvaluationId });
  if (loaded.k.state === "accepted") throw new ActionError("forbidden", { _form: "workflow.notNow" });
  const data = Buffer.from(await input.file.arrayBuffer());
  const type = recogniseAttachment(input.file.name, data.subarray(0, 8));
  if (!type || !REPORT_MIMES.has(type.mime)) throw new ActionError("invalid_input", { file: "evaluation.key.reportType" });
  const filename = input.file.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(-200);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(keyEvaluationReports)
      .values({ keyEvaluationId: loaded.k.id, filename, mime: type.mime, size: data.length, data, uploadedBy: actor.userId })
      .onConflictDoUpdate({ target: keyEvaluationReports.keyEvaluationId, set: { filename, mime: type.mime, size: data.length, data, uploadedBy: actor.userId, createdAt: new Date() } })
      .returning({ id: keyEvaluationReports.id });
    await writeAudit(tx, actor, { action: "keyEvaluation.attachReport", objectType: "key_evaluation", objectId: loaded.k.id, after: { reportId: row.id, filename, size: data.length } });
    return { id: row.id, filename };
  });
}

/** Who may read a key evaluation and its report: the engaged agency, or a reader of the evaluated unit (finance in its region, the unit and its department, oversight). */
export async function loadKeyForReading(db: DbOrTx, actor: Actor, keyEvaluationId: number) {
  const [row] = await db
    .select({ k: keyEvaluations, title: objectives.title, amount: objectives.requestedAmount, ownerName: orgs.name, orgPath: orgs.path, regionPath: regions.path })
    .from(keyEvaluations)
    .innerJoin(objectives, eq(objectives.id, keyEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
    .where(eq(keyEvaluations.id, keyEvaluationId));
  const allowed = row && ((row.k.agencyOrgId != null && row.k.agencyOrgId === actor.orgId && actor.roles.includes("evaluator")) || canOn(actor, "project.read", { orgPath: row.orgPath, regionPath: row.regionPath }));
  if (!allowed) throw new ActionError("not_found", undefined, { type: "key_evaluation", id: keyEvaluationId });
  const [report] = await db
    .select({ id: keyEvaluationReports.id, filename: keyEvaluationReports.filename, size: keyEvaluationReports.size, createdAt: keyEvaluationReports.createdAt })
    .from(keyEvaluationReports)
    .where(eq(keyEvaluationReports.keyEvaluationId, keyEvaluationId));
  const [agency] = row.k.agencyOrgId ? await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.k.agencyOrgId)) : [];
  return { ...row, report: report ?? null, agencyName: agency?.name ?? null };
}

/** The attached report's filename of each listed key evaluation (the list is already scoped). */
export async function reportFilesOf(db: DbOrTx, keyEvaluationIds: number[]): Promise<Map<number, string>> {
  if (!keyEvaluationIds.length) return new Map();
  const rows = await db
    .select({ keyEvaluationId: keyEvaluationReports.keyEvaluationId, filename: keyEvaluationReports.filename })
    .from(keyEvaluationReports)
    .where(inArray(keyEvaluationReports.keyEvaluationId, keyEvaluationIds));
  return new Map(rows.map((r) => [r.keyEvaluationId, r.filename]));
}
