import Link from "next/link";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { assessmentFrameworks } from "@/db/schema";
import { ASSESSED_KINDS } from "@/db/schema/assessment";
import { ActionError } from "@/lib/errors";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { frameworkOf } from "@/lib/assessment/framework";
import { loadRound, roundResults } from "@/lib/assessment/rounds";
import type { Figure } from "@/lib/assessment/scoring";
import { assessmentRoundWorkflow } from "@/lib/assessment/workflow";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { AssessmentGradeBadge, RoundStateBadge } from "../badges";
import { DiscloseToggle, JudgeForm, RoundButtons } from "../forms";

export const generateMetadata = pageTitle("assessment.title");

/**
 * One round: its state and the buttons the workflow offers now, the computation's progress, the
 * results of each kind by rank, the judged scores finance enters before release, objections.
 */
export default async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("assessment.read");
  const roundId = Number((await params).id);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2_147_483_647) notFound();
  const [t, db] = await Promise.all([getT(), getDb()]);
  let loaded;
  try {
    loaded = await loadRound(db, actor, "assessment.read", roundId);
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
  const { round, regionName, ref } = loaded;
  const [[fw], results] = await Promise.all([db.select().from(assessmentFrameworks).where(eq(assessmentFrameworks.id, round.frameworkId)), roundResults(db, roundId)]);
  const framework = frameworkOf(fw.framework);
  const events = assessmentRoundWorkflow.available(actor, ref);
  const judging = round.state === "computed" && hasPermission(actor.roles, "assessment.manage");
  const th = "px-2 py-1 text-left";
  return (
    <>
      <PageHeader title={t("assessment.round.heading", { year: round.fiscalYear, region: regionName })}>
        <RoundStateBadge state={round.state} t={t} />
      </PageHeader>
      <Card className="mb-4">
        <dl className="mb-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-500">{t("assessment.round.framework")}</dt><dd>{fw.name} · {t("assessment.frameworks.number", { n: fw.number })}</dd></div>
          <div><dt className="text-slate-500">{t("assessment.round.objectionDeadline")}</dt><dd>{round.objectionDeadline}</dd></div>
          <div>
            <dt className="text-slate-500">{t("assessment.round.computedAt")}</dt>
            <dd>{round.computedAt ? round.computedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—"}{round.computeMs !== null && <span className="ml-1 text-slate-500">{t("assessment.round.computeMs", { ms: round.computeMs })}</span>}</dd>
          </div>
          <div><dt className="text-slate-500">{t("assessment.round.discloseState", { state: round.disclose ? t("common.yes") : t("common.no") })}</dt></div>
        </dl>
        <div className="flex flex-wrap items-center gap-3">
          {events.length > 0 && <RoundButtons roundId={round.id} version={round.version} events={events} />}
          {round.state === "published" && hasPermission(actor.roles, "disclosure.manage") && <DiscloseToggle roundId={round.id} version={round.version} disclose={round.disclose} />}
        </div>
      </Card>
      {ASSESSED_KINDS.map((kind) => {
        const rows = results.filter((r) => r.res.kind === kind);
        if (!rows.length) return null;
        const judgedInds = framework.indicators.filter((i) => i.kind === kind && i.method === "judged");
        return (
          <section key={kind} aria-labelledby={`results-${kind}`}>
            <Card title={<span id={`results-${kind}`}>{t(`assessment.kind.${kind}`)}</span>} className="mb-4">
              <table className="w-full text-sm" data-testid={`results-${kind}`}>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className={th}>{t("assessment.round.rank")}</th>
                    <th scope="col" className={th}>{t("assessment.round.org")}</th>
                    <th scope="col" className={`${th} text-right`}>{t("assessment.round.raw")}</th>
                    <th scope="col" className={`${th} text-right`}>{t("assessment.frameworks.difficulty")}</th>
                    <th scope="col" className={`${th} text-right`}>{t("assessment.round.final")}</th>
                    <th scope="col" className={th}>{t("assessment.round.grade")}</th>
                    <th scope="col" className={th}>{t("assessment.round.objection")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, 300).map(({ res, orgName }) => {
                    const figures = res.figures as Figure[];
                    const objection = res.objection === null ? "none" : (res.objectionOutcome ?? "pending");
                    return (
                      <tr key={res.id} className="border-b border-slate-100 align-top">
                        <td className="px-2 py-1 tabular-nums">{res.rank ?? "—"}</td>
                        <td className="px-2 py-1">
                          <Link href={`/assessment/results/${res.id}`} className={cls.link}>{orgName}</Link>
                          {judging &&
                            judgedInds.map((ind) => {
                              const f = figures.find((x) => x.code === ind.code);
                              return (
                                <div key={ind.code} className="mt-1">
                                  <span className="text-xs text-slate-600">{ind.code} {ind.name}</span>
                                  <JudgeForm resultId={res.id} version={res.version} code={ind.code} max={ind.weight} score={f?.points ?? ""} evidence={f?.evidence ?? ""} />
                                </div>
                              );
                            })}
                        </td>
                        <td className="px-2 py-1 text-right tabular-nums">{res.rawScore ?? t("assessment.round.pending")}</td>
                        <td className="px-2 py-1 text-right tabular-nums">{res.difficulty}</td>
                        <td className="px-2 py-1 text-right tabular-nums">{res.finalScore ?? "—"}</td>
                        <td className="px-2 py-1"><AssessmentGradeBadge grade={res.grade} t={t} /></td>
                        <td className="px-2 py-1">{t(`assessment.objection.${objection}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Card>
          </section>
        );
      })}
      {results.length === 0 && <p className="text-sm text-slate-600">{t("assessment.round.noResults")}</p>}
    </>
  );
}
