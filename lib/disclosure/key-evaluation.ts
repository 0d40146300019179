import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { disclosures, keyEvaluationReports, keyEvaluations, objectives, orgs, regions, type Grade } from "@/db/schema";
import { ActionError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canOn } from "@/lib/auth/scope";
import { isUniqueViolation } from "@/lib/db-errors";
import { KEY_DIMENSIONS, type KeyDimension } from "@/lib/evaluation/key-evaluation";
import { msg } from "@/lib/i18n/core";

/**
 * A live key-evaluation disclosure: key_evaluation_id is set exactly on subject_type "key_evaluation"
 * rows (check disclosures_subject_ck), and this predicate matches the partial indexes disclosures_live_key_evaluation_*.
 */
export const liveKeyEvaluation = and(isNull(disclosures.withdrawnAt), isNotNull(disclosures.keyEvaluationId));

/**
 * Finance discloses an ACCEPTED key evaluation (重点评价结果 and its report): a disclosure row of
 * subject_type "key_evaluation" freezing the total score and grade, with its audit row, in one
 * transaction. Refused before acceptance, outside the actor's region and below, and when a live
 * disclosure of it exists (a concurrent second one → conflict). Withdrawn through withdrawDisclosure.
 */
export async function discloseKeyEvaluation(db: DbOrTx, actor: Actor, input: { keyEvaluationId: number }): Promise<number> {
  const [c] = await db
    .select({
      k: keyEvaluations,
      title: objectives.title,
      amount: objectives.requestedAmount,
      departmentOrgId: objectives.departmentOrgId,
      orgPath: orgs.path,
      regionPath: regions.path,
    })
    .from(keyEvaluations)
    .innerJoin(objectives, eq(objectives.id, keyEvaluations.objectiveId))
    .innerJoin(orgs, eq(orgs.id, keyEvaluations.ownerOrgId))
    .innerJoin(regions, eq(regions.id, keyEvaluations.regionId))
    .where(eq(keyEvaluations.id, input.keyEvaluationId));
  if (!c || !canOn(actor, "disclosure.manage", { orgPath: c.orgPath, regionPath: c.regionPath })) {
    throw new ActionError("not_found", undefined, { type: "key_evaluation", id: input.keyEvaluationId });
  }
  const k = c.k;
  if (k.state !== "accepted" || k.totalScore == null || k.grade == null) {
    throw new ActionError("invalid_input", { keyEvaluationId: msg("refusal.keyEvaluationNotAccepted") });
  }
  const [already] = await db.select({ id: disclosures.id }).from(disclosures).where(and(eq(disclosures.keyEvaluationId, k.id), liveKeyEvaluation));
  if (already) throw new ActionError("invalid_input", { keyEvaluationId: msg("refusal.keyEvaluationDisclosed") });
  try {
    return await db.transaction(async (tx) => {
      // Still accepted at this version when the row is written (a row lock orders it with any change).
      const [locked] = await tx
        .select({ id: keyEvaluations.id })
        .from(keyEvaluations)
        .where(and(eq(keyEvaluations.id, k.id), eq(keyEvaluations.state, "accepted"), eq(keyEvaluations.version, k.version)))
        .for("update");
      if (!locked) throw new ActionError("conflict");
      const [d] = await tx
        .insert(disclosures)
        .values({
          subjectType: "key_evaluation",
          objectiveId: k.objectiveId,
          keyEvaluationId: k.id,
          score: k.totalScore,
          grade: k.grade,
          fiscalYear: k.fiscalYear,
          regionId: k.regionId,
          regionPath: c.regionPath,
          departmentOrgId: c.departmentOrgId,
          ownerOrgId: k.ownerOrgId,
          title: c.title,
          amount: c.amount,
          disclosedBy: actor.userId,
        })
        .returning({ id: disclosures.id });
      await writeAudit(tx, actor, {
        action: "disclosure.publish",
        objectType: "disclosure",
        objectId: d.id,
        after: { keyEvaluationId: k.id, objectiveId: k.objectiveId, fiscalYear: k.fiscalYear, score: k.totalScore, grade: k.grade },
      });
      return d.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ActionError("conflict");
    throw e;
  }
}

export interface PublicKeyEvaluation {
  /** The key-evaluation disclosure's id: the public report route takes this, never the evaluation's id. */
  disclosureId: number;
  fiscalYear: number;
  score: string;
  grade: Grade;
  disclosedAt: string;
  /** 决策/过程/产出/效益: the weight (points available) and the score obtained. */
  dimensions: { dimension: KeyDimension; points: string; score: string }[];
  findings: string;
  recommendations: string;
  /** The attached report file, if any (served by /portal/key-reports/[disclosureId]). */
  report: { filename: string; size: number } | null;
  /** Who scored it: the agency the finance department engaged, or null when finance evaluated it itself. */
  agencyName: string | null;
}

/** The live key-evaluation disclosure of an objective, with the accepted evaluation's framework scores, findings and report; else null. */
export async function publicKeyEvaluation(db: DbOrTx, objectiveId: number): Promise<PublicKeyEvaluation | null> {
  const [r] = await db
    .select({
      disclosureId: disclosures.id,
      fiscalYear: disclosures.fiscalYear,
      score: disclosures.score,
      grade: disclosures.grade,
      disclosedAt: disclosures.disclosedAt,
      weights: keyEvaluations.weights,
      scores: keyEvaluations.scores,
      findings: keyEvaluations.findings,
      recommendations: keyEvaluations.recommendations,
      filename: keyEvaluationReports.filename,
      size: keyEvaluationReports.size,
      agencyName: orgs.name,
    })
    .from(disclosures)
    .innerJoin(keyEvaluations, eq(keyEvaluations.id, disclosures.keyEvaluationId))
    .leftJoin(orgs, eq(orgs.id, keyEvaluations.agencyOrgId))
    .leftJoin(keyEvaluationReports, eq(keyEvaluationReports.keyEvaluationId, keyEvaluations.id))
    .where(and(liveKeyEvaluation, eq(disclosures.objectiveId, objectiveId)))
    .orderBy(desc(disclosures.id))
    .limit(1);
  if (!r || r.score == null || r.grade == null) return null;
  const weights = (r.weights ?? {}) as Partial<Record<KeyDimension, string>>;
  const scores = (r.scores ?? {}) as Partial<Record<KeyDimension, { score: string }>>;
  return {
    disclosureId: r.disclosureId,
    fiscalYear: r.fiscalYear,
    score: r.score,
    grade: r.grade,
    disclosedAt: r.disclosedAt.toISOString(),
    dimensions: KEY_DIMENSIONS.map((d) => ({ dimension: d, points: weights[d] ?? "0", score: scores[d]?.score ?? "0" })),
    findings: r.findings ?? "",
    recommendations: r.recommendations ?? "",
    report: r.filename != null && r.size != null ? { filename: r.filename, size: r.size } : null,
    agencyName: r.agencyName ?? null,
  };
}

/** The report file of a LIVE key-evaluation disclosure (by the disclosure's id); null when withdrawn, unknown, another kind, or no file. */
export async function publicKeyReportFile(db: DbOrTx, disclosureId: number) {
  const [row] = await db
    .select({ filename: keyEvaluationReports.filename, mime: keyEvaluationReports.mime, data: keyEvaluationReports.data })
    .from(disclosures)
    .innerJoin(keyEvaluationReports, eq(keyEvaluationReports.keyEvaluationId, disclosures.keyEvaluationId))
    .where(and(liveKeyEvaluation, eq(disclosures.id, disclosureId)));
  return row ?? null;
}
