import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx, type Tx } from "@/db/client";
import { assessmentFrameworks, assessmentResults, assessmentRounds, fiscalYears, orgs, regions } from "@/db/schema";
import type { AssessedKind } from "@/db/schema/assessment";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { canOn } from "@/lib/auth/scope";
import { ActionError } from "@/lib/errors";
import { isPastDeadline } from "@/lib/format";
import { msg } from "@/lib/i18n/core";
import { activeFrameworkFor } from "./frameworks";
import { frameworkOf, type Framework, type MetricKey } from "./framework";
import { computeMetric, type MetricContext } from "./metrics";
import { indicatorsFor, rankOf, scoreResult, type Figure, type JudgedScore, type ResultScore } from "./scoring";
import { assessmentRoundWorkflow } from "./workflow";

export type RoundRow = typeof assessmentRounds.$inferSelect;
export type ResultRow = typeof assessmentResults.$inferSelect;

const refOf = (r: RoundRow, regionPath: string) => ({ id: r.id, state: r.state, version: r.version, orgPath: "", regionPath });

/** A round of the actor's region or below, for `permission` (else not found). */
export async function loadRound(db: DbOrTx, actor: Actor, permission: Permission, roundId: number) {
  const [row] = await db
    .select({ r: assessmentRounds, regionPath: regions.path, regionName: regions.name })
    .from(assessmentRounds)
    .innerJoin(regions, eq(regions.id, assessmentRounds.regionId))
    .where(eq(assessmentRounds.id, roundId));
  if (!row || !canOn(actor, permission, { orgPath: "", regionPath: row.regionPath })) throw new ActionError("not_found", undefined, { type: "assessment_round", id: roundId });
  return { round: row.r, regionPath: row.regionPath, regionName: row.regionName, ref: refOf(row.r, row.regionPath) };
}

/** Opens the round of the actor's region for a year, under the active framework that governs it. */
export async function openRound(tx: Tx, actor: Actor, input: { fiscalYear: number; objectionDeadline: string }) {
  const framework = await activeFrameworkFor(tx, actor.regionPath, input.fiscalYear);
  if (!framework) throw new ActionError("invalid_input", { fiscalYear: msg("assessment.errors.noFramework", { year: input.fiscalYear }) });
  const [existing] = await tx
    .select({ id: assessmentRounds.id })
    .from(assessmentRounds)
    .where(and(eq(assessmentRounds.regionId, actor.regionId), eq(assessmentRounds.fiscalYear, input.fiscalYear)));
  if (existing) throw new ActionError("invalid_input", { fiscalYear: msg("assessment.errors.roundExists", { year: input.fiscalYear }) });
  const [row] = await tx
    .insert(assessmentRounds)
    .values({ regionId: actor.regionId, fiscalYear: input.fiscalYear, frameworkId: framework.id, objectionDeadline: input.objectionDeadline, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ActionError("invalid_input", { fiscalYear: msg("assessment.errors.roundExists", { year: input.fiscalYear }) });
  await writeAudit(tx, actor, { action: "assessmentRound.open", objectType: "assessment_round", objectId: row.id, after: { fiscalYear: input.fiscalYear, frameworkId: framework.id, objectionDeadline: input.objectionDeadline } });
  return row;
}

export interface AssessedOrg {
  orgId: number;
  kind: AssessedKind;
  /** The figures' group key: the org itself (a department) or its region (a finance department). */
  key: number;
  name: string;
}

/** 本级部门 (active departments of the round's region) and 下级财政部门 (finance departments of the regions below). */
export async function assessedOrgs(db: DbOrTx, regionId: number, regionPath: string): Promise<AssessedOrg[]> {
  const rows = await db
    .select({ id: orgs.id, kind: orgs.kind, regionId: orgs.regionId, name: orgs.name })
    .from(orgs)
    .innerJoin(regions, eq(regions.id, orgs.regionId))
    .where(
      and(
        eq(orgs.active, true),
        sql`((${orgs.kind} = 'department' and ${orgs.regionId} = ${regionId}) or (${orgs.kind} = 'finance' and ${regions.path} like ${regionPath + "%"} and ${orgs.regionId} <> ${regionId}))`,
      ),
    )
    .orderBy(asc(orgs.path));
  return rows.map((r) => ({ orgId: r.id, kind: r.kind as AssessedKind, key: r.kind === "department" ? r.id : r.regionId, name: r.name }));
}

/** The province's declaration end and review deadline of the year (fiscal years are the province's). */
export async function metricContext(db: DbOrTx, regionPath: string, fiscalYear: number): Promise<MetricContext> {
  const provinceId = Number(regionPath.split("/")[1]);
  const [fy] = await db
    .select({ declarationEnd: fiscalYears.declarationEnd, reviewDeadline: fiscalYears.reviewDeadline })
    .from(fiscalYears)
    .where(and(eq(fiscalYears.regionId, provinceId), eq(fiscalYears.year, fiscalYear)));
  // Without a fiscal year on record nothing can be on time: the deadlines are the year's first day.
  return { fiscalYear, declarationEnd: fy?.declarationEnd ?? `${fiscalYear - 1}-01-01`, reviewDeadline: fy?.reviewDeadline ?? `${fiscalYear - 1}-01-01` };
}

export interface ComputedResult extends ResultScore {
  org: AssessedOrg;
  judged: Record<string, JudgedScore>;
  rank: number | null;
}

/**
 * Every assessed organisation's figures under a framework, in memory: one grouped query per
 * (kind, metric) the framework uses, whatever the number of organisations. `judged` carries the
 * scores finance entered (by org id); `progress` is told after each query.
 */
export async function computeFigures(
  db: DbOrTx,
  framework: Framework,
  place: { regionId: number; regionPath: string; fiscalYear: number },
  judgedByOrg: Map<number, Record<string, JudgedScore>>,
  progress?: (done: number, total: number) => Promise<void>,
): Promise<ComputedResult[]> {
  const [assessed, ctx] = await Promise.all([assessedOrgs(db, place.regionId, place.regionPath), metricContext(db, place.regionPath, place.fiscalYear)]);
  const kinds = (["department", "finance"] as const).filter((k) => assessed.some((a) => a.kind === k) && indicatorsFor(framework, k).length);
  const jobs = kinds.flatMap((kind) => [...new Set(indicatorsFor(framework, kind).flatMap((i) => (i.method !== "judged" && i.metric ? [i.metric] : [])))].map((metric) => ({ kind, metric })));
  const values = new Map<string, Map<number, { numerator: string; denominator: string }>>();
  let done = 0;
  await progress?.(0, jobs.length);
  for (const job of jobs) {
    const keys = assessed.filter((a) => a.kind === job.kind).map((a) => a.key);
    values.set(`${job.kind}:${job.metric}`, await computeMetric(db, job.metric, job.kind, keys, ctx));
    await progress?.(++done, jobs.length);
  }
  const out: ComputedResult[] = [];
  for (const kind of kinds) {
    const rows = assessed
      .filter((a) => a.kind === kind)
      .map((org) => {
        const metrics: Partial<Record<MetricKey, { numerator: string; denominator: string }>> = {};
        for (const [k, m] of values) {
          const [kk, metric] = k.split(":");
          const v = kk === kind ? m.get(org.key) : undefined;
          if (kk === kind) metrics[metric as MetricKey] = v ?? { numerator: "0", denominator: "0" };
        }
        const judged = judgedByOrg.get(org.orgId) ?? {};
        const difficulty = framework.difficulty[String(org.orgId)] ?? "1";
        return { org, judged, ...scoreResult(framework, kind, metrics, judged, difficulty) };
      });
    const ranks = rankOf(rows);
    rows.forEach((r, i) => out.push({ ...r, rank: ranks[i] }));
  }
  return out;
}

/** Ranks within each kind by final score (1, 2, 2, 4), in one statement; unscored rows unranked. */
async function rerank(tx: Tx, roundId: number) {
  await tx.execute(sql`
    update assessment_results r set rank = x.rk
    from (select id, case when final_score is null then null else rank() over (partition by kind, final_score is null order by final_score desc) end as rk
          from assessment_results where round_id = ${roundId}) x
    where x.id = r.id and r.round_id = ${roundId} and r.rank is distinct from x.rk`);
}

/**
 * Computes (or recomputes) a round: the figures outside any transaction (progress on the round row
 * after each query), then in one transaction the state change on the round's version, every result
 * written in one statement (the judged scores kept), the ranks, the framework marked used.
 */
export async function computeRound(db: Db, actor: Actor, roundId: number, expectedVersion: number) {
  const started = Date.now();
  const loaded = await loadRound(db, actor, "assessment.manage", roundId);
  assessmentRoundWorkflow.assert(actor, loaded.ref, "compute", expectedVersion);
  const [fw] = await db.select().from(assessmentFrameworks).where(eq(assessmentFrameworks.id, loaded.round.frameworkId));
  const framework = frameworkOf(fw.framework);
  const existing = await db.select({ orgId: assessmentResults.orgId, judged: assessmentResults.judged }).from(assessmentResults).where(eq(assessmentResults.roundId, roundId));
  const judgedByOrg = new Map(existing.map((e) => [e.orgId, e.judged as Record<string, JudgedScore>]));
  const results = await computeFigures(db, framework, { regionId: loaded.round.regionId, regionPath: loaded.regionPath, fiscalYear: loaded.round.fiscalYear }, judgedByOrg, async (done, total) => {
    await db.update(assessmentRounds).set({ progressDone: done, progressTotal: total }).where(eq(assessmentRounds.id, roundId));
  });
  return db.transaction(async (tx) => {
    const ms = Date.now() - started;
    const { version } = await assessmentRoundWorkflow.fire(tx, actor, loaded.ref, "compute", expectedVersion, {
      set: { computedAt: new Date(), computeMs: ms },
      audit: { results: results.length, ms },
    });
    for (let i = 0; i < results.length; i += 1000) {
      const chunk = results.slice(i, i + 1000);
      await tx
        .insert(assessmentResults)
        .values(chunk.map((r) => ({ roundId, orgId: r.org.orgId, kind: r.org.kind, figures: r.figures, judged: r.judged, difficulty: r.difficulty, rawScore: r.raw, finalScore: r.final, grade: r.grade, rank: r.rank })))
        .onConflictDoUpdate({
          target: [assessmentResults.roundId, assessmentResults.orgId],
          set: {
            figures: sql`excluded.figures`,
            difficulty: sql`excluded.difficulty`,
            rawScore: sql`excluded.raw_score`,
            finalScore: sql`excluded.final_score`,
            grade: sql`excluded.grade`,
            rank: sql`excluded.rank`,
            version: sql`${assessmentResults.version} + 1`,
          },
        });
    }
    await tx.update(assessmentFrameworks).set({ used: true }).where(and(eq(assessmentFrameworks.id, fw.id), eq(assessmentFrameworks.used, false)));
    return { version, results: results.length, ms };
  });
}

/** A result with its round, for `permission` over the round's region, or its own organisation's (assessment.own) once released. */
export async function loadResult(db: DbOrTx, actor: Actor, resultId: number, as: "finance" | "own" | "either") {
  const [row] = await db
    .select({ res: assessmentResults, round: assessmentRounds, regionPath: regions.path, orgName: orgs.name, framework: assessmentFrameworks.framework })
    .from(assessmentResults)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentResults.roundId))
    .innerJoin(assessmentFrameworks, eq(assessmentFrameworks.id, assessmentRounds.frameworkId))
    .innerJoin(regions, eq(regions.id, assessmentRounds.regionId))
    .innerJoin(orgs, eq(orgs.id, assessmentResults.orgId))
    .where(eq(assessmentResults.id, resultId));
  const finance = !!row && canOn(actor, as === "finance" ? "assessment.manage" : "assessment.read", { orgPath: "", regionPath: row.regionPath });
  const own = !!row && hasPermission(actor.roles, "assessment.own") && row.res.orgId === actor.orgId && (row.round.state === "released" || row.round.state === "published");
  const ok = as === "finance" ? finance : as === "own" ? own : finance || own;
  if (!row || !ok) throw new ActionError("not_found", undefined, { type: "assessment_result", id: resultId });
  return { ...row, framework: frameworkOf(row.framework), ref: refOf(row.round, row.regionPath), own };
}

function metricsOf(figures: Figure[]): Partial<Record<MetricKey, { numerator: string; denominator: string }>> {
  const out: Partial<Record<MetricKey, { numerator: string; denominator: string }>> = {};
  for (const f of figures) if (f.metric && f.numerator !== null && f.denominator !== null) out[f.metric] = { numerator: f.numerator, denominator: f.denominator };
  return out;
}

/** Checks judged scores against the framework: a judged indicator of the result's kind, 0 ≤ score ≤ its weight. Field errors keyed by `prefix`. */
function checkJudged(framework: Framework, kind: AssessedKind, scores: { code: string; score: string }[], prefix: (i: number) => string) {
  const errors: Record<string, string> = {};
  scores.forEach((s, i) => {
    const ind = indicatorsFor(framework, kind).find((x) => x.code === s.code && x.method === "judged");
    if (!ind) errors[`${prefix(i)}code`] = "assessment.errors.notJudged";
    else if (!(Number(s.score) >= 0 && Number(s.score) <= Number(ind.weight))) errors[`${prefix(i)}score`] = msg("assessment.errors.scoreRange", { max: ind.weight });
  });
  if (Object.keys(errors).length) throw new ActionError("invalid_input", errors);
}

async function rescore(tx: Tx, actor: Actor, loaded: Awaited<ReturnType<typeof loadResult>>, expectedVersion: number, judged: Record<string, JudgedScore>, set: Partial<typeof assessmentResults.$inferInsert>) {
  const r = loaded.res;
  const s = scoreResult(loaded.framework, r.kind, metricsOf(r.figures as Figure[]), judged, r.difficulty);
  const [updated] = await tx
    .update(assessmentResults)
    .set({ ...set, judged, figures: s.figures, rawScore: s.raw, finalScore: s.final, grade: s.grade, version: sql`${assessmentResults.version} + 1` })
    .where(and(eq(assessmentResults.id, r.id), eq(assessmentResults.version, expectedVersion)))
    .returning();
  if (!updated) throw new ActionError("conflict");
  await rerank(tx, r.roundId);
  return updated;
}

/** Finance enters a judged indicator's score with its evidence, while the round is computed (before release). */
export async function judgeResult(tx: Tx, actor: Actor, input: { resultId: number; version: number; code: string; score: string; evidence: string }) {
  const loaded = await loadResult(tx, actor, input.resultId, "finance");
  if (loaded.round.state !== "computed") throw new ActionError("forbidden", { _form: "assessment.errors.notNow" });
  if (loaded.res.version !== input.version) throw new ActionError("conflict");
  checkJudged(loaded.framework, loaded.res.kind, [input], () => "");
  const judged = { ...(loaded.res.judged as Record<string, JudgedScore>), [input.code]: { score: input.score, evidence: input.evidence, by: actor.userId, at: new Date().toISOString() } };
  const updated = await rescore(tx, actor, loaded, input.version, judged, {});
  await writeAudit(tx, actor, { action: "assessmentResult.judge", objectType: "assessment_result", objectId: loaded.res.id, before: { score: (loaded.res.judged as Record<string, JudgedScore>)[input.code]?.score ?? null }, after: { code: input.code, score: input.score, evidence: input.evidence, total: updated.finalScore } });
  return updated;
}

/** The assessed organisation objects once, with a reason, by the round's objection deadline (China time). */
export async function objectToResult(tx: Tx, actor: Actor, input: { resultId: number; version: number; reason: string }, now = new Date()) {
  const loaded = await loadResult(tx, actor, input.resultId, "own");
  const deadline = loaded.round.objectionDeadline;
  if (loaded.res.objection !== null) throw new ActionError("invalid_input", { reason: "assessment.errors.objectionOnce" });
  if (loaded.round.state !== "released" || isPastDeadline(now, deadline)) throw new ActionError("invalid_input", { reason: msg("assessment.errors.objectionLate", { deadline }) });
  const [updated] = await tx
    .update(assessmentResults)
    .set({ objection: input.reason, objectionAt: now, objectionBy: actor.userId, version: sql`${assessmentResults.version} + 1` })
    .where(and(eq(assessmentResults.id, input.resultId), isNull(assessmentResults.objection), eq(assessmentResults.version, input.version)))
    .returning();
  if (!updated) {
    const [again] = await tx.select({ objection: assessmentResults.objection }).from(assessmentResults).where(eq(assessmentResults.id, input.resultId));
    if (again?.objection) throw new ActionError("invalid_input", { reason: "assessment.errors.objectionOnce" });
    throw new ActionError("conflict");
  }
  await writeAudit(tx, actor, { action: "assessmentResult.object", objectType: "assessment_result", objectId: input.resultId, after: { reason: input.reason } });
  return updated;
}

/** Finance decides an objection once: dismissed with a reply, or upheld with a reply and, where it says so, changed judged scores. */
export async function decideObjection(
  tx: Tx,
  actor: Actor,
  input: { resultId: number; version: number; outcome: "upheld" | "dismissed"; reply: string; adjustments: { code: string; score: string }[] },
) {
  const loaded = await loadResult(tx, actor, input.resultId, "finance");
  if (loaded.round.state !== "released" || loaded.res.objection === null || loaded.res.objectionOutcome !== null) throw new ActionError("forbidden", { _form: "assessment.errors.noObjection" });
  if (loaded.res.version !== input.version) throw new ActionError("conflict");
  if (input.outcome === "dismissed" && input.adjustments.length) throw new ActionError("invalid_input", { adjustments: "assessment.errors.dismissedNoChange" });
  checkJudged(loaded.framework, loaded.res.kind, input.adjustments, (i) => `adjustments.${i}.`);
  const judged = { ...(loaded.res.judged as Record<string, JudgedScore>) };
  for (const a of input.adjustments) judged[a.code] = { score: a.score, evidence: input.reply, by: actor.userId, at: new Date().toISOString() };
  const updated = await rescore(tx, actor, loaded, input.version, judged, { objectionOutcome: input.outcome, objectionReply: input.reply, objectionDecidedBy: actor.userId, objectionDecidedAt: new Date() });
  await writeAudit(tx, actor, {
    action: "assessmentResult.decide",
    objectType: "assessment_result",
    objectId: input.resultId,
    before: { total: loaded.res.finalScore },
    after: { outcome: input.outcome, reply: input.reply, adjustments: input.adjustments, total: updated.finalScore },
  });
  return updated;
}

/** The facts release and publish require, counted in the caller's transaction. */
export async function roundFacts(db: DbOrTx, roundId: number) {
  const [f] = await queryRows<{ unjudged: number; pending: number }>(
    db,
    sql`select count(*) filter (where final_score is null)::int as unjudged, count(*) filter (where objection is not null and objection_outcome is null)::int as pending from assessment_results where round_id = ${roundId}`,
  );
  return { unjudged: Number(f.unjudged), pendingObjections: Number(f.pending) };
}

/** Release (results shown to the assessed, objections open) or publish (the ranking with grades). */
export async function fireRound(tx: Tx, actor: Actor, roundId: number, event: "release" | "publish", expectedVersion: number) {
  const loaded = await loadRound(tx, actor, "assessment.manage", roundId);
  const facts = await roundFacts(tx, roundId);
  const { version, to } = await assessmentRoundWorkflow.fire(tx, actor, loaded.ref, event, expectedVersion, {
    facts,
    set: event === "publish" ? { publishedAt: new Date() } : {},
  });
  return { version, state: to };
}

/** The portal setting: a published round's ranking shown to the public (finance's discloser). */
export async function setRoundDisclosure(tx: Tx, actor: Actor, roundId: number, expectedVersion: number, disclose: boolean) {
  const loaded = await loadRound(tx, actor, "disclosure.manage", roundId);
  if (loaded.round.state !== "published") throw new ActionError("forbidden", { _form: "assessment.errors.notPublished" });
  const [updated] = await tx
    .update(assessmentRounds)
    .set({ disclose, version: sql`${assessmentRounds.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessmentRounds.id, roundId), eq(assessmentRounds.version, expectedVersion)))
    .returning();
  if (!updated) throw new ActionError("conflict");
  await writeAudit(tx, actor, { action: "assessmentRound.disclose", objectType: "assessment_round", objectId: roundId, before: { disclose: loaded.round.disclose }, after: { disclose } });
  return updated;
}

/** The rounds of the actor's region and below (finance, observers). */
export async function listRounds(db: DbOrTx, actor: Actor) {
  return db
    .select({ r: assessmentRounds, regionName: regions.name })
    .from(assessmentRounds)
    .innerJoin(regions, eq(regions.id, assessmentRounds.regionId))
    .where(sql`${regions.path} like ${actor.regionPath + "%"}`)
    .orderBy(sql`${assessmentRounds.fiscalYear} desc`, asc(regions.path))
    .limit(100);
}

/** The actor's own organisation's results, once released. */
export async function ownResults(db: DbOrTx, actor: Actor) {
  return db
    .select({ res: assessmentResults, round: assessmentRounds, regionName: regions.name })
    .from(assessmentResults)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentResults.roundId))
    .innerJoin(regions, eq(regions.id, assessmentRounds.regionId))
    .where(and(eq(assessmentResults.orgId, actor.orgId), inArray(assessmentRounds.state, ["released", "published"])))
    .orderBy(sql`${assessmentRounds.fiscalYear} desc`);
}

/** A round's results, by kind and rank, with the organisations' names. */
export async function roundResults(db: DbOrTx, roundId: number) {
  return db
    .select({ res: assessmentResults, orgName: orgs.name })
    .from(assessmentResults)
    .innerJoin(orgs, eq(orgs.id, assessmentResults.orgId))
    .where(eq(assessmentResults.roundId, roundId))
    .orderBy(asc(assessmentResults.kind), sql`${assessmentResults.rank} asc nulls last`, asc(orgs.path));
}

/** Published rankings of a year in the reader's region (the congress pack), or only disclosed ones (the portal). */
export async function publishedRankings(db: DbOrTx, regionPath: string, fiscalYear: number, onlyDisclosed = false) {
  const rows = await db
    .select({ roundId: assessmentRounds.id, regionName: regions.name, kind: assessmentResults.kind, orgName: orgs.name, rank: assessmentResults.rank, finalScore: assessmentResults.finalScore, grade: assessmentResults.grade })
    .from(assessmentResults)
    .innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentResults.roundId))
    .innerJoin(regions, eq(regions.id, assessmentRounds.regionId))
    .innerJoin(orgs, eq(orgs.id, assessmentResults.orgId))
    .where(
      and(
        eq(assessmentRounds.fiscalYear, fiscalYear),
        eq(assessmentRounds.state, "published"),
        isNotNull(assessmentResults.finalScore),
        sql`${regions.path} like ${regionPath + "%"}`,
        onlyDisclosed ? eq(assessmentRounds.disclose, true) : undefined,
      ),
    )
    .orderBy(asc(regions.path), asc(assessmentResults.kind), asc(assessmentResults.rank), asc(orgs.path));
  return rows;
}
