import Link from "next/link";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { agencyOptions, keyEvaluationCandidates, listKeyEvaluations } from "@/lib/evaluation/queries";
import { reportFilesOf } from "@/lib/evaluation/key-report";
import type { KeyDimension, KeyWeights } from "@/lib/evaluation/key-evaluation";
import { KEY_DIMENSIONS } from "@/lib/evaluation/key-evaluation";
import { keyEvaluationWorkflow } from "@/lib/workflow/machines";
import { wan } from "@/lib/project/money";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { GradeBadge } from "../badges";
import { listYearOptions } from "@/lib/project/queries";
import { AcceptKey, AttachReport, CreateKey, FillKey, SelectByWarnings } from "./key-forms";

export const generateMetadata = pageTitle("evaluation.key.title");

/** Key evaluation (重点评价): finance selects and engages; the agency's evaluator (or finance) scores; finance accepts. */
export default async function KeyEvaluationsPage() {
  const actor = await requireActor();
  const finance = hasPermission(actor.roles, "evaluation.review.finance");
  const evaluator = hasPermission(actor.roles, "evaluation.key.fill");
  if (!finance && !evaluator) redirect("/forbidden");
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [rows, candidates, agencies, years] = await Promise.all([
    listKeyEvaluations(db, actor),
    finance ? keyEvaluationCandidates(db, actor) : Promise.resolve([]),
    finance ? agencyOptions(db, actor) : Promise.resolve([]),
    finance ? listYearOptions(db) : Promise.resolve([]),
  ]);
  const reports = await reportFilesOf(db, rows.map((r) => r.k.id));
  return (
    <>
      <PageHeader title={t("evaluation.key.title")} subtitle={t("evaluation.key.subtitle")} />
      {finance && (
        <Card className="mb-4" title={t("evaluation.key.select")}>
          <CreateKey candidates={candidates.map((c) => ({ value: String(c.id), label: `${c.title}（${c.fiscalYear}，${t("evaluation.amountWan", { amount: wan(c.amount) })}）` }))} agencies={agencies.map((a) => ({ value: String(a.id), label: a.name }))} />
        </Card>
      )}
      {finance && (
        <Card className="mb-4" title={t("evaluation.key.byWarnings")}>
          <SelectByWarnings years={years} agencies={agencies.map((a) => ({ value: String(a.id), label: a.name }))} />
        </Card>
      )}
      {rows.length === 0 && <p className="text-slate-500">{t("evaluation.key.empty")}</p>}
      {rows.map(({ k, title, ownerName, orgPath, regionPath }) => {
        const weights = k.weights as KeyWeights;
        const scores = (k.scores ?? null) as Record<KeyDimension, { score: string; evidence: string }> | null;
        const events = keyEvaluationWorkflow.available(actor, { id: k.id, state: k.state, version: k.version, agencyOrgId: k.agencyOrgId, orgPath, regionPath });
        const mayFill = events.includes("submit");
        return (
          <section key={k.id} aria-label={title}>
            <Card
              className="mb-4"
              title={
                <span className="flex flex-wrap items-center gap-2">
                  {title}
                  <span className="text-sm font-normal text-slate-500">
                    {ownerName} · {k.fiscalYear}
                    {k.reason && ` · ${k.reason}`}
                  </span>
                  <Badge tone={k.state === "accepted" ? "green" : k.state === "submitted" ? "navy" : "slate"}>{t(`evaluation.key.state.${k.state}`)}</Badge>
                  {k.totalScore && (
                    <span className="tabular-nums">
                      {k.totalScore} <GradeBadge grade={k.grade} t={t} />
                    </span>
                  )}
                </span>
              }
            >
              {scores && (
                <dl className="mb-3 grid gap-2 text-sm sm:grid-cols-4">
                  {KEY_DIMENSIONS.map((d) => (
                    <div key={d}>
                      <dt className="text-slate-500">
                        {t(`evaluation.key.dim.${d}`)}（{weights[d]}）
                      </dt>
                      <dd className="tabular-nums">{scores[d].score}</dd>
                      <dd className="text-xs text-slate-600">{scores[d].evidence}</dd>
                    </div>
                  ))}
                  <div className="sm:col-span-2">
                    <dt className="text-slate-500">{t("evaluation.key.findings")}</dt>
                    <dd>{k.findings}</dd>
                  </div>
                  <div className="sm:col-span-2">
                    <dt className="text-slate-500">{t("evaluation.key.recommendations")}</dt>
                    <dd>{k.recommendations}</dd>
                  </div>
                </dl>
              )}
              {mayFill && <FillKey id={k.id} version={k.version} weights={weights} asFinance={k.agencyOrgId == null} />}
              {events.includes("accept") && <AcceptKey id={k.id} version={k.version} />}
              <p className="mt-2 flex flex-wrap gap-3 text-sm">
                <span>
                  <span className="text-slate-500">{t("evaluation.key.report")}：</span>
                  {reports.has(k.id) ? (
                    <a className={cls.link} href={`/api/evaluation/key-report/${k.id}`}>
                      {reports.get(k.id)}
                    </a>
                  ) : (
                    t("evaluation.key.noReport")
                  )}
                </span>
                <Link className={cls.link} href={`/evaluation/key/${k.id}/report`}>
                  {t("evaluation.key.generatedReport")}
                </Link>
              </p>
              {k.state !== "accepted" && ((evaluator && k.agencyOrgId === actor.orgId) || finance) && <AttachReport id={k.id} asFinance={finance} />}
            </Card>
          </section>
        );
      })}
    </>
  );
}
