import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionError } from "@/lib/errors";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { isPastDeadline } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { loadResult } from "@/lib/assessment/rounds";
import type { Figure } from "@/lib/assessment/scoring";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { AssessmentGradeBadge, RoundStateBadge } from "../../badges";
import { DecideObjectionForm, ObjectionForm } from "../../forms";

export const generateMetadata = pageTitle("assessment.title");

/**
 * One assessed organisation's result: every indicator with its definition, the numbers behind it
 * and the arithmetic; the difficulty coefficient, total, grade and (once published) rank; its one
 * objection (the assessed, by the deadline) and finance's decision.
 */
export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!hasPermission(actor.roles, "assessment.read") && !hasPermission(actor.roles, "assessment.own")) await requireActor("assessment.read");
  const resultId = Number((await params).id);
  if (!Number.isInteger(resultId) || resultId <= 0 || resultId > 2_147_483_647) notFound();
  const [t, db] = await Promise.all([getT(), getDb()]);
  let loaded;
  try {
    loaded = await loadResult(db, actor, resultId, "either");
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
  const { res, round, orgName, framework, own } = loaded;
  const figures = res.figures as Figure[];
  const className = (key: string) => framework.classes.find((c) => c.key === key)?.name ?? key;
  const canObject = own && round.state === "released" && res.objection === null && !isPastDeadline(new Date(), round.objectionDeadline);
  const canDecide = round.state === "released" && res.objection !== null && res.objectionOutcome === null && hasPermission(actor.roles, "assessment.manage") && !own;
  const th = "px-2 py-1 text-left";
  return (
    <>
      <PageHeader title={t("assessment.result.title", { org: orgName, year: round.fiscalYear })}>
        <RoundStateBadge state={round.state} t={t} />
        {hasPermission(actor.roles, "assessment.read") && !own && (
          <Link href={`/assessment/${round.id}`} className={cls.button}>{t("assessment.round.results")}</Link>
        )}
      </PageHeader>
      <Card className="mb-4">
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="result-summary">
          <div><dt className="text-slate-500">{t("assessment.round.raw")}</dt><dd className="tabular-nums">{res.rawScore ?? t("assessment.round.pending")}</dd></div>
          <div><dt className="text-slate-500">{t("assessment.result.difficultyApplied")}</dt><dd className="tabular-nums">{res.difficulty}</dd></div>
          <div><dt className="text-slate-500">{t("assessment.round.final")}</dt><dd className="tabular-nums" data-testid="final-score">{res.finalScore ?? "—"}</dd></div>
          <div><dt className="text-slate-500">{t("assessment.round.grade")}</dt><dd><AssessmentGradeBadge grade={res.grade} t={t} /></dd></div>
          <div><dt className="text-slate-500">{t("assessment.round.rank")}</dt><dd className="tabular-nums">{round.state === "published" ? (res.rank ?? "—") : "—"}</dd></div>
        </dl>
      </Card>
      <section aria-labelledby="basis">
        <Card title={<span id="basis">{t("assessment.result.basis")}</span>} className="mb-4">
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="figures">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={th}>{t("assessment.frameworks.className")}</th>
                  <th scope="col" className={th}>{t("assessment.frameworks.name")}</th>
                  <th scope="col" className={th}>{t("assessment.frameworks.methodCol")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("assessment.frameworks.weight")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("assessment.result.numerator")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("assessment.result.denominator")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("assessment.result.points")}</th>
                  <th scope="col" className={th}>{t("assessment.result.calc")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.code} className="border-b border-slate-100 align-top">
                    <td className="px-2 py-1">{className(f.class)}</td>
                    <td className="px-2 py-1">
                      {f.code} {f.name}
                      {f.metric && <div className="text-xs text-slate-500">{t("assessment.result.formula")}：{t(`assessment.formula.${f.metric}`)}</div>}
                      {f.method === "judged" && f.evidence && <div className="text-xs text-slate-500">{t("assessment.result.evidence")}：{f.evidence}</div>}
                    </td>
                    <td className="px-2 py-1">{t(`assessment.method.${f.method}`)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{f.weight}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{f.numerator ?? "—"}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{f.denominator ?? "—"}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{f.points ?? t("assessment.round.pending")}</td>
                    <td className="px-2 py-1 font-mono text-xs">{f.calc}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </section>
      <section aria-labelledby="objection">
        <Card title={<span id="objection">{t("assessment.round.objection")}</span>} className="mb-4">
          {res.objection !== null ? (
            <div className="space-y-1 text-sm" data-testid="objection">
              <p>{t("assessment.result.objectionBy", { text: res.objection })}</p>
              <p>
                {t("assessment.result.outcome")}：{t(`assessment.objection.${res.objectionOutcome ?? "pending"}`)}
                {res.objectionReply && <span> · {t("assessment.result.reply")}：{res.objectionReply}</span>}
              </p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("assessment.objection.none")} · {t("assessment.round.objectionDeadline")} {round.objectionDeadline}</p>
          )}
          {canObject && (
            <div className="mt-3">
              <h3 className="mb-2 font-medium">{t("assessment.result.objectTitle")}</h3>
              <ObjectionForm resultId={res.id} version={res.version} />
            </div>
          )}
          {canDecide && (
            <div className="mt-3">
              <DecideObjectionForm
                resultId={res.id}
                version={res.version}
                judgedCodes={figures.filter((f) => f.method === "judged").map((f) => ({ code: f.code, name: f.name, score: f.points ?? "" }))}
              />
            </div>
          )}
        </Card>
      </section>
    </>
  );
}
