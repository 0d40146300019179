import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionError } from "@/lib/errors";
import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { canOn } from "@/lib/auth/scope";
import { getDb } from "@/lib/db";
import { formatDateTime, trimDecimal } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { diffDeclarations, parseDiffParam } from "@/lib/objective/diff";
import { listTransferRecipients, loadTransferPlan } from "@/lib/objective/transfer-recipients";
import { overallObjectiveOf, regionalRollup } from "@/lib/objective/regional";
import { subjectHistory, type SubjectRef } from "@/lib/objective/history";
import { loadObjectiveView, loadVersionContent } from "@/lib/objective/view";
import type { ObjectiveEvent } from "@/lib/workflow/objective";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { LedgerCard } from "../../_ledger/ledger-card";
import { ArrangeForm } from "../../_ledger/arrange-form";
import { arrangeContext, ledgerOf } from "@/lib/ledger/queries";
import { ARRANGE_PERMISSION } from "@/lib/ledger/arrange";
import { wan, yuanToWanInput } from "@/lib/project/money";
import { ObjectiveStateBadge } from "../../_workflow/badges";
import { DeclarationTable } from "./declaration-table";
import { DiffView } from "./diff-view";
import { IssueRegional } from "./issue-regional";
import { ObjectiveActions } from "./objective-actions";
import { PrintButton, PrintStyles } from "./print-button";
import { RegionalRollup } from "./regional-rollup";
import { ReviewForm } from "./review-form";
import { ReviewHistory } from "./review-history";
import { Versions } from "./versions";
import { YearCompare, YearHistory } from "./year-history";
import { MonitoringHistory } from "../../monitoring/history";

export async function generateMetadata() {
  return { title: (await getT())("review.objective") };
}

const FILER_EVENTS: ObjectiveEvent[] = ["submit", "recall", "adjust", "cancel_adjustment"];
const DONE = ["recall", "cancel_adjustment", "dept_pass", "dept_return", "finance_approve", "finance_return", "finance_reject"] as const;
type Done = (typeof DONE)[number];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function load(id: string) {
  const actor = await requireActor("project.read");
  const objectiveId = Number(id);
  if (!Number.isInteger(objectiveId) || objectiveId <= 0 || objectiveId > 2_147_483_647) notFound();
  const db = await getDb();
  try {
    return { actor, db, objectiveId, view: await loadObjectiveView(db, actor, objectiveId) };
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
}

/**
 * One performance objective, read-only, in the published 绩效目标申报表 layout — with its
 * attachments, review history and versions, the comparison of two versions, and what the reader
 * may do now: the filer's buttons or the reviewer's form, drawn from the workflow's events.
 */
export default async function ObjectivePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const { actor, db, objectiveId, view } = await load(id);
  const t = await getT();
  const o = view.objective;

  // ?v=N shows an earlier version read-only; ?diff=a..b compares two.
  const vParam = Number(first(sp.v));
  const viewingNumber = Number.isInteger(vParam) && vParam !== view.version.number && view.versions.some((v) => v.number === vParam) ? vParam : null;
  const shown = viewingNumber ? await loadVersionContent(db, actor, objectiveId, viewingNumber) : null;
  const content = shown?.content ?? view.content;
  const diffPair = parseDiffParam(sp.diff);
  const diff = diffPair
    ? await Promise.all([loadVersionContent(db, actor, objectiveId, diffPair[0]), loadVersionContent(db, actor, objectiveId, diffPair[1])])
    : null;
  const doneRaw = first(sp.done);
  const done = DONE.includes(doneRaw as Done) ? (doneRaw as Done) : null;

  // Transfer payments (转移支付): the overall objective rolls its regions up and issues new ones;
  // a regional objective names the overall one it was issued from.
  const isOverallTransfer = o.subjectKind === "transfer" && o.parentObjectiveId === null;
  // Finance of the payer's region issues it (下达), once approved: lib/objective/transfer-issue.ts.
  const canIssue = isOverallTransfer && canOn(actor, "transfer.issue", view.place);
  // The same subject's earlier years: ONE query for the history panel and the review's comparison (lib/objective/history.ts).
  const subject: SubjectRef = { id: o.id, subjectKind: o.subjectKind, projectId: o.projectId, ownerOrgId: o.ownerOrgId, parentObjectiveId: o.parentObjectiveId, fiscalYear: o.fiscalYear };
  const [rollup, recipients, overall, plan, history] = await Promise.all([
    isOverallTransfer ? regionalRollup(db, actor, o.id, view.version.id) : null,
    canIssue ? listTransferRecipients(db, o.id, view.place.regionPath, o.departmentOrgId) : null,
    o.parentObjectiveId !== null ? overallObjectiveOf(db, actor, o.parentObjectiveId) : null,
    canIssue && o.state === "approved" && o.approvedVersionId !== null ? loadTransferPlan(db, o.approvedVersionId) : null,
    subjectHistory(db, actor, subject),
  ]);

  const events = view.events;
  const ledger = await ledgerOf(db, objectiveId);
  // A subject with no project (部门整体, 转移支付 and its regional parts) is arranged here; a project's on its pool page.
  const arrange = !o.projectId && o.approvedVersionId != null && ledger.arrangedOn == null && canOn(actor, ARRANGE_PERMISSION, view.place) ? await arrangeContext(db, objectiveId) : null;
  const filerEvents = events.filter((e) => FILER_EVENTS.includes(e));
  const reviewStage = events.some((e) => e === "dept_pass" || e === "dept_return")
    ? "department"
    : events.some((e) => e.startsWith("finance_"))
      ? "finance"
      : null;

  return (
    <>
      <PrintStyles />
      <div className="print-hide">
        <PageHeader title={o.title} subtitle={`${t("review.objective")} · ${t("pool.fiscalYearValue", { year: o.fiscalYear })} · ${view.ownerName}`}>
          <div className="flex flex-wrap gap-2">
            {view.project && (
              <Link href={`/projects/${view.project.id}`} className={cls.button}>
                {t("review.backToProject")}
              </Link>
            )}
            <PrintButton label={t("review.print")} />
            <a href={`/api/objectives/${o.id}/export${viewingNumber ? `?v=${viewingNumber}` : ""}`} className={cls.button} data-testid="objective-export">
              {t("review.exportExcel")}
            </a>
          </div>
        </PageHeader>
        {o.parentObjectiveId !== null && (
          <div className="-mt-2 mb-5 flex flex-wrap items-center gap-x-5 gap-y-1.5 rounded-sm border border-blue-200 bg-blue-50 px-3 py-2" data-testid="regional-header">
            <Badge tone="navy">{t("review.regional.isRegional")}</Badge>
            {overall && (
              <span>
                <span className="text-slate-600">{t("review.regional.overall")}：</span>
                {overall.readable ? (
                  <Link href={`/objectives/${overall.id}`} className={cls.link}>
                    {overall.title}
                  </Link>
                ) : (
                  overall.title
                )}
                <span className="ml-1 text-xs text-slate-500">（{t("review.regional.issuedBy", { owner: overall.ownerName })}）</span>
              </span>
            )}
            <span>
              <span className="text-slate-600">{t("review.regional.allocatedAmount")}：</span>
              <strong className="tabular-nums">{wan(o.allocatedAmount)}</strong>
            </span>
          </div>
        )}
      </div>

      {done && (
        <div role="status" className="print-hide mb-4 flex flex-wrap items-center justify-between gap-2 rounded-sm border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          <p>{done === "recall" ? t("review.recalled") : done === "cancel_adjustment" ? t("review.cancelled") : t(`review.reviewDone.${done}`)}</p>
          {done.startsWith("dept_") && (
            <Link href="/review/department" className={cls.small}>
              {t("review.backToQueue")}
            </Link>
          )}
          {done.startsWith("finance_") && (
            <Link href="/review/finance" className={cls.small}>
              {t("review.backToQueue")}
            </Link>
          )}
        </div>
      )}

      <Card className="print-hide mb-5">
        <StatusStrip view={view} t={t} />
        {filerEvents.length > 0 && (
          <div className="mt-3 border-t border-slate-200 pt-3">
            <ObjectiveActions objectiveId={o.id} version={o.version} events={filerEvents} />
          </div>
        )}
      </Card>

      {diffPair && (
        <Card
          className="print-hide mb-5"
          title={t("review.diffTitle", { a: diffPair[0], b: diffPair[1] })}
          actions={
            <Link href={`/objectives/${o.id}`} className={cls.small}>
              {t("review.diffClose")}
            </Link>
          }
        >
          {diff && diff[0] && diff[1] ? (
            <DiffView diff={diffDeclarations(diff[0].content, diff[1].content)} a={diffPair[0]} b={diffPair[1]} t={t} />
          ) : (
            <p className="text-slate-600">{t("review.diffNotFound")}</p>
          )}
        </Card>
      )}

      {viewingNumber && (
        <div className="print-hide mb-3 flex flex-wrap items-center justify-between gap-2 rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <p>{t("review.viewing", { n: viewingNumber })}</p>
          <Link href={`/objectives/${o.id}`} className={cls.small}>
            {t("review.viewCurrent")}
          </Link>
        </div>
      )}

      <Card className="print-card mb-5">
        <DeclarationTable t={t} view={view} content={content} />
      </Card>

      <div className="print-hide mb-5">
        <LedgerCard ledger={ledger} t={t} />
        {arrange && (
          <div className="mt-3 max-w-xl">
            <ArrangeForm objectiveId={objectiveId} requestedText={wan(arrange.requested)} suggested={arrange.suggested ? yuanToWanInput(arrange.suggested) : null} suggestedText={arrange.suggested ? wan(arrange.suggested) : null} conclusionText={null} />
          </div>
        )}
      </div>

      {reviewStage && (
        <Card className="print-hide mb-5" title={reviewStage === "department" ? t("review.deptReview") : t("review.financeReview")}>
          <YearCompare
            subject={subject}
            history={history}
            indicators={view.content.indicatorRows.map((r) => ({ ordinal: r.ordinal, name: r.name, level2: r.level2, comparison: r.comparison, annualTarget: r.annualTarget, unit: r.unit, changeReason: r.changeReason }))}
            t={t}
          />
          <ReviewForm
            objectiveId={o.id}
            version={o.version}
            stage={reviewStage}
            events={events}
            isKey={o.isKey}
            indicators={view.content.indicatorRows.map((r) => ({ ordinal: r.ordinal, name: r.name }))}
          />
        </Card>
      )}

      {rollup && (
        <Card className="print-hide mb-5" title={t("review.regional.title")}>
          <p className="mb-3 text-slate-600">{t("review.regional.intro")}</p>
          <RegionalRollup rollup={rollup} overall={{ ownerName: view.ownerName, amount: o.requestedAmount, state: o.state }} t={t} />
          {recipients && (
            <div className="mt-4 border-t border-slate-200 pt-4" data-testid="transfer-issue">
              {rollup.regions.length > 0 || recipients.recipients.some((r) => r.issued) ? (
                <p className="text-slate-500">{t("transfer.issuedHint")}</p>
              ) : !plan ? (
                <p className="text-slate-500">{t("transfer.notApprovedHint")}</p>
              ) : recipients.recipients.length === 0 ? (
                <p className="text-slate-500">{t("transfer.noRecipients")}</p>
              ) : (
                <IssueRegional objectiveId={o.id} recipients={recipients.recipients} fundYuan={plan.fund} split={plan.split} />
              )}
            </div>
          )}
        </Card>
      )}

      <MonitoringHistory db={db} objectiveId={o.id} t={t} />

      <YearHistory subject={subject} history={history} t={t} />

      <div className="print-hide grid gap-5 2xl:grid-cols-2">
        <Card title={t("review.history")}>
          <ReviewHistory view={view} t={t} />
        </Card>
        <div className="space-y-5">
          <Card title={t("review.attachments")}>
            <Attachments view={view} t={t} />
          </Card>
          <Card title={t("review.versions")}>
            <Versions view={view} viewing={viewingNumber} t={t} />
          </Card>
        </div>
      </div>
    </>
  );
}

type View = Awaited<ReturnType<typeof loadObjectiveView>>;

function StatusStrip({ view, t }: { view: View; t: Translate }) {
  const o = view.objective;
  const items: [string, React.ReactNode][] = [
    [t("review.currentState"), <ObjectiveStateBadge key="s" state={o.state} t={t} />],
    [t("review.fiscalYear"), o.fiscalYear],
    [t("review.amount"), <span key="a" className="tabular-nums">{wan(o.requestedAmount)}</span>],
    [t("review.version"), `${t("review.versionName", { n: view.version.number })} ${t(`review.versionKind.${view.version.kind}`)}`],
    [t("review.submittedAt"), o.submittedAt ? formatDateTime(o.submittedAt).slice(0, 16) : "—"],
  ];
  // The grade and score of a decision belong to it: while the declaration is back under review
  // they would read as a grade of the new submission, so they show only once decided.
  const decided = o.state === "approved" || o.state === "rejected";
  if (decided && o.grade) items.push([t("review.grade"), <strong key="g">{t(`review.gradeLabel.${o.grade}`)}</strong>]);
  const latestScore = view.reviews.find((r) => r.review.score)?.review.score;
  if (decided && latestScore) items.push([t("review.score"), trimDecimal(latestScore)]);
  return (
    <dl className="flex flex-wrap gap-x-8 gap-y-2" data-testid="objective-status">
      {items.map(([label, value]) => (
        <div key={label} className="flex items-center gap-2">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
      {o.isKey && (
        <div className="flex items-center">
          <Badge tone="amber">{t("review.keyMark")}</Badge>
        </div>
      )}
      {o.approvedVersionId && o.approvedVersionId !== o.currentVersionId && (
        <div className="flex items-center">
          <Badge tone="green">
            {t("review.approvedMarker")}：{t("review.versionName", { n: view.versions.find((v) => v.id === o.approvedVersionId)?.number ?? "?" })}
          </Badge>
        </div>
      )}
    </dl>
  );
}

function Attachments({ view, t }: { view: View; t: Translate }) {
  if (view.attachments.length === 0) return <p className="text-slate-500">{t("review.noAttachments")}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {view.attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="min-w-0">
            <Badge>{t(`review.attachmentKind.${a.kind}`)}</Badge>{" "}
            <a href={`/api/attachments/${a.id}`} className={cls.link} download={a.filename}>
              {a.filename}
            </a>
          </span>
          <span className="text-xs text-slate-500 tabular-nums">
            {t("review.size", { kb: Math.max(1, Math.round(a.size / 1024)) })} · {formatDateTime(a.createdAt).slice(0, 16)}
          </span>
        </li>
      ))}
    </ul>
  );
}
