import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionError } from "@/lib/errors";
import { requireActor } from "@/lib/auth/current-user";
import { canOn } from "@/lib/auth/scope";
import { getDb } from "@/lib/db";
import { loadSelfEvaluation } from "@/lib/evaluation/load";
import { evidenceOf, selfEvaluationDetail } from "@/lib/evaluation/queries";
import type { ScoreResult } from "@/lib/evaluation/scoring";
import { actualsOf, indicatorsOf } from "@/lib/evaluation/self-evaluation";
import { getT } from "@/lib/i18n/server";
import { wan } from "@/lib/project/money";
import { selfEvaluationWorkflow } from "@/lib/workflow/machines";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { GradeBadge, SelfEvaluationStateBadge } from "../badges";
import { AdjustQualitative } from "./adjust-qualitative";
import { Breakdown } from "./breakdown";
import { Evidence } from "./evidence";
import { ImportActuals } from "./import-actuals";
import { CreateRectification } from "../rectification/rectification-forms";
import { ReviewButtons } from "./review-buttons";
import { SelfEvaluationForm } from "./self-evaluation-form";

export async function generateMetadata() {
  return { title: (await getT())("evaluation.title") };
}

async function load(id: string) {
  const actor = await requireActor("project.read");
  const selfEvaluationId = Number(id);
  if (!Number.isInteger(selfEvaluationId) || selfEvaluationId <= 0 || selfEvaluationId > 2_147_483_647) notFound();
  const db = await getDb();
  try {
    return { actor, db, loaded: await loadSelfEvaluation(db, actor, "project.read", selfEvaluationId) };
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
}

/**
 * One self-evaluation: the filer's form while it is being filled (or was returned), the score with
 * the rule and numbers behind every figure, and the reviewer's buttons drawn from the workflow table.
 */
export default async function SelfEvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, db, loaded } = await load(id);
  const t = await getT();
  const se = loaded.se;
  const place = { orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  const [indicators, detail, files] = await Promise.all([indicatorsOf(db, se.versionId), selfEvaluationDetail(db, se.id), evidenceOf(db, se.id)]);
  const ref = { id: se.id, state: se.state, version: se.version, ownerKind: loaded.ownerKind, ...place };
  const available = selfEvaluationWorkflow.available(actor, ref);
  // The form is open to whoever may submit it; the card shows the reviewers' decisions.
  const editable = available.includes("submit");
  const events = available.filter((e) => e !== "submit");
  const breakdown = se.breakdown as ScoreResult | null;

  return (
    <>
      <PageHeader title={`${detail.title} · ${t("evaluation.title")}`} subtitle={`${detail.ownerName} · ${se.fiscalYear}`}>
        <Link href="/evaluation" className={cls.button}>
          {t("evaluation.backToList")}
        </Link>
      </PageHeader>
      <Card className="mb-4">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">{t("evaluation.fields.state")}</dt>
            <dd>
              <SelfEvaluationStateBadge state={se.state} t={t} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("evaluation.fields.total")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="total-score">
              {se.totalScore ?? "—"}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("evaluation.fields.grade")}</dt>
            <dd data-testid="grade">
              <GradeBadge grade={se.grade} t={t} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("evaluation.fields.ruleSet")}</dt>
            <dd>{detail.ruleSetName ? `${detail.ruleSetName}（第${detail.ruleSetNumber}版）` : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("evaluation.fields.budget")}</dt>
            <dd className="tabular-nums">{wan(se.budgetAmount)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("evaluation.fields.executed")}</dt>
            <dd className="tabular-nums">{wan(se.executedAmount)}</dd>
          </div>
          {se.returnReason && (
            <div className="col-span-2">
              <dt className="text-slate-500">{t("evaluation.returnReason")}</dt>
              <dd className="text-amber-800">{se.returnReason}</dd>
            </div>
          )}
        </dl>
      </Card>
      {events.length > 0 && (
        <Card title={t("evaluation.actions")} className="mb-4">
          <ReviewButtons selfEvaluationId={se.id} version={se.version} events={events} />
          {indicators.some((i) => i.comparison === "qualitative") && (se.state === "dept_review" || se.state === "finance_review") && (
            <AdjustQualitative
              selfEvaluationId={se.id}
              version={se.version}
              stage={se.state === "dept_review" ? "department" : "finance"}
              indicators={indicators.filter((i) => i.comparison === "qualitative").map((i) => ({ ordinal: i.ordinal, name: i.name }))}
            />
          )}
        </Card>
      )}
      {se.state === "accepted" && canOn(actor, "evaluation.review.finance", place) && (
        <Card title={t("evaluation.rectification.create")} className="mb-4">
          <CreateRectification selfEvaluationId={se.id} />
        </Card>
      )}
      {editable && (
        <Card title={t("evaluation.formTitle")} className="mb-4">
          <div className="mb-4 border-b border-slate-100 pb-4">
            <ImportActuals key={se.version} selfEvaluationId={se.id} version={se.version} />
          </div>
          <SelfEvaluationForm
            selfEvaluationId={se.id}
            version={se.version}
            executedAmount={se.executedAmount}
            executionExplanation={se.executionExplanation ?? ""}
            summary={se.summary ?? ""}
            indicators={indicators.map((i) => ({
              ordinal: i.ordinal,
              name: i.name,
              level1: i.level1,
              comparison: i.comparison,
              target: i.annualTarget ?? "",
              unit: i.unit ?? "",
            }))}
            actuals={actualsOf(se)}
          />
        </Card>
      )}
      <Card title={t("evaluation.evidence.title")} className="mb-4">
        <Evidence selfEvaluationId={se.id} indicators={indicators.map((i) => ({ ordinal: i.ordinal, name: i.name }))} files={files} editable={editable} />
      </Card>
      <Card title={t("evaluation.breakdown")}>{breakdown ? <Breakdown result={breakdown} t={t} actuals={actualsOf(se)} /> : <p className="text-slate-500">{t("evaluation.noScore")}</p>}</Card>
    </>
  );
}
