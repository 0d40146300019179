import { and, desc, eq, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { assessmentResults, assessmentRounds } from "@/db/schema";
import type { Grade } from "@/db/schema/enums";

/**
 * What a published assessment says about an organisation in result application (DESIGN §3.10:
 * results weigh in next year's budget): its grade, score and rank in the year's published round;
 * `flagged` when the grade is the bottom one (差), which marks its proposals for next year.
 */
export interface AssessmentFlag {
  roundId: number;
  fiscalYear: number;
  grade: Grade;
  finalScore: string;
  rank: number | null;
  flagged: boolean;
}

/** The published assessment of `orgId` for the assessed `year`, or null when none was published. */
export async function assessmentFlag(tx: DbOrTx, orgId: number, year: number): Promise<AssessmentFlag | null> {
  const [row] = await tx
    .select({ roundId: assessmentRounds.id, grade: assessmentResults.grade, finalScore: assessmentResults.finalScore, rank: assessmentResults.rank })
    .from(assessmentResults)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentResults.roundId))
    .where(and(eq(assessmentResults.orgId, orgId), eq(assessmentRounds.fiscalYear, year), eq(assessmentRounds.state, "published")))
    .orderBy(desc(assessmentRounds.id))
    .limit(1);
  if (!row?.grade || row.finalScore === null) return null;
  return { roundId: row.roundId, fiscalYear: year, grade: row.grade, finalScore: row.finalScore, rank: row.rank, flagged: row.grade === "poor" };
}

/**
 * The flags of a page of budget proposals, in one query: a proposal for budget year Y carries the
 * published assessment of year Y − 1 of the evaluated subject's department.
 */
export async function assessmentFlagsForProposals(db: DbOrTx, proposalIds: number[]): Promise<Map<number, AssessmentFlag>> {
  const out = new Map<number, AssessmentFlag>();
  if (!proposalIds.length) return out;
  const rows = await queryRows<{ proposal_id: number; round_id: number; fiscal_year: number; grade: Grade; final_score: string; rank: number | null }>(
    db,
    sql`select distinct on (p.id) p.id as proposal_id, ar.id as round_id, ar.fiscal_year, res.grade, res.final_score, res.rank
        from budget_proposals p
        join self_evaluations se on se.id = p.self_evaluation_id
        join assessment_rounds ar on ar.fiscal_year = p.fiscal_year - 1 and ar.state = 'published'
        join assessment_results res on res.round_id = ar.id and res.org_id = se.department_org_id
        where p.id = any(${`{${proposalIds.join(",")}}`}::int[]) and res.grade is not null
        order by p.id, ar.id desc`,
  );
  for (const r of rows) out.set(Number(r.proposal_id), { roundId: Number(r.round_id), fiscalYear: Number(r.fiscal_year), grade: r.grade, finalScore: r.final_score, rank: r.rank === null ? null : Number(r.rank), flagged: r.grade === "poor" });
  return out;
}
