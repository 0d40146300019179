import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ObjectiveState } from "@/db/schema/enums";
import { ActionError } from "@/lib/errors";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { MessageKey, Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { bankRefs } from "@/lib/objective/bank-refs";
import { peerMedians } from "@/lib/indicator/queries";
import { completenessErrors, qualityWarnings, type Finding } from "@/lib/objective/completeness";
import { declarationWindow } from "@/lib/objective/declaration-window";
import { loadObjectiveView } from "@/lib/objective/view";
import { pickerSectors } from "@/lib/indicator/unit-sector";
import { pageTitle } from "@/lib/page-title";
import { EDITABLE_STATES } from "@/lib/workflow/objective";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { StepAttachments } from "./step-attachments";
import { StepBar, STEPS, stepTitle, type Step } from "./step-bar";
import { StepBasic } from "./step-basic";
import { StepDeptBasic } from "./step-dept-basic";
import { StepKeyTasks } from "./step-key-tasks";
import { StepFunding } from "./step-funding";
import { StepPerformance } from "./step-performance";
import { SubmitPanel } from "./submit-panel";
import { toWan } from "./money";
import { fieldId, stepField } from "./wizard-fields";
import { WizardStatusProvider } from "./wizard-save";
import Decimal from "decimal.js";

export const generateMetadata = pageTitle("wizard.title");

const STATE_TONE: Record<ObjectiveState, "slate" | "navy" | "green" | "red" | "amber"> = {
  draft: "slate",
  dept_review: "navy",
  finance_review: "navy",
  returned: "red",
  approved: "green",
  rejected: "red",
  superseded: "slate",
};

function parseStep(raw: string | string[] | undefined): Step {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return (STEPS as readonly number[]).includes(n) ? (n as Step) : 1;
}

/** Findings of one step, keyed by the name the step gives the field. */
function checksOf(findings: Finding[], step: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings.filter((x) => x.step === step)) (out[stepField(step, f.field)] ??= []).push(f.message);
  return out;
}

/**
 * 绩效目标申报 — the five-step wizard (DESIGN §3.3). A department-overall objective (部门整体) has its
 * own first two steps (部门基本信息 with its duties; 年度主要任务 with their budgets) and its own words. Open only while the objective is a draft or
 * returned and the reader may file it; anyone else is sent to the read-only page. Each step
 * saves on its own, with the version's edit counter this page was rendered with.
 */
export default async function EditObjectivePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("project.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const objectiveId = Number(id);
  if (!/^\d{1,10}$/.test(id) || objectiveId < 1 || objectiveId > 2_147_483_647) notFound();
  const step = parseStep(sp.step);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const inLanguage = (f: Finding): Finding => ({ ...f, message: t(f.message as MessageKey) });

  let view: Awaited<ReturnType<typeof loadObjectiveView>>;
  try {
    view = await loadObjectiveView(db, actor, objectiveId);
  } catch (e) {
    if (e instanceof ActionError) notFound();
    throw e;
  }
  const { objective, version, content } = view;
  const editable = EDITABLE_STATES.includes(objective.state) && hasPermission(actor.roles, "project.write") && view.events.includes("submit");
  if (!editable) redirect(`/objectives/${objectiveId}`);

  const bank = await bankRefs(db, content.performance.indicators?.map((r) => r.indicatorId) ?? []);
  // The picker starts on the owning unit's own sector (from its organisation code).
  const picker = step === 3 ? await pickerSectors(db, objective.ownerOrgId) : { sectors: [], own: null };
  // Targets other objectives set for the same bank indicators: "far from its peers" warnings.
  const peers = await peerMedians(db, Object.keys(bank).map(Number), objectiveId);
  const department = objective.subjectKind === "department";
  const findings = completenessErrors(content, objective.subjectKind).map(inLanguage);
  // The declaration period of the year (China time): a submission after it closed is recorded as late, and the filer is told so first.
  const period = step === 5 ? await declarationWindow(db, view.place.regionPath, objective.fiscalYear) : null;
  const issues: Record<number, number> = {};
  for (const f of findings) issues[f.step] = (issues[f.step] ?? 0) + 1;
  const latest = view.reviews[0];
  // Only a return of the version being edited concerns the filer now (not one of an older version).
  const returned = latest?.review.result === "return" && latest.review.versionId === version.id ? latest : null;
  const comments = returned ? ((returned.review.indicatorComments ?? {}) as Record<string, string>) : {};
  const common = { objectiveId, editVersion: version.editVersion, fiscalYear: objective.fiscalYear };

  return (
    <>
      <PageHeader title={objective.title} subtitle={t("wizard.subtitle", { owner: view.ownerName, year: objective.fiscalYear })}>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-slate-500">{t("wizard.title")}</span>
          <Badge tone={STATE_TONE[objective.state]}>{t(`wizard.state.${objective.state}`)}</Badge>
          <Badge>{t("wizard.versionNo", { n: version.number })}</Badge>
          {version.kind === "adjustment" && <Badge tone="amber">{t("wizard.adjustment")}</Badge>}
          <Link href={`/objectives/${objectiveId}`} className={`${cls.button} ml-2`}>
            {t("wizard.backToView")}
          </Link>
        </div>
      </PageHeader>

      {returned && <ReturnedNotice t={t} review={returned} commentCount={Object.keys(comments).length} />}

      <StepBar objectiveId={objectiveId} current={step} issues={issues} t={t} department={department} />

      <WizardStatusProvider>
        {step === 1 && !department && <StepBasic key={version.editVersion} {...common} initial={content.basic} checks={checksOf(findings, 1)} />}
        {step === 1 && department && <StepDeptBasic key={version.editVersion} {...common} initial={content.basic} checks={checksOf(findings, 1)} />}
        {step === 2 && !department && <StepFunding key={version.editVersion} {...common} initial={content.funding} checks={checksOf(findings, 2)} />}
        {step === 2 && department && (
          <StepKeyTasks key={version.editVersion} {...common} initial={{ requestedAmount: version.requestedAmount, tasks: content.keyTasks }} checks={checksOf(findings, 2)} />
        )}
        {step === 3 && (
          <StepPerformance key={version.editVersion} {...common} department={department} initial={content.performance} bank={bank} comments={comments} checks={checksOf(findings, 3)} sectors={picker.sectors} ownSector={picker.own} />
        )}
        {step === 4 && (
          <StepAttachments
            objectiveId={objectiveId}
            items={view.attachments.map((a) => ({ id: a.id, kind: a.kind, filename: a.filename, size: a.size, uploadedAt: formatDateTime(a.createdAt).slice(0, 16) }))}
          />
        )}
        {step === 5 && (
          <StepReview
            t={t}
            objectiveId={objectiveId}
            version={objective.version}
            department={department}
            late={period?.late ? { year: objective.fiscalYear, end: period.end } : null}
            findings={findings}
            warnings={qualityWarnings(content, (r) => ({
              reference: r.indicatorId ? bank[r.indicatorId]?.reference : null,
              peerMedian: r.indicatorId ? peers.get(r.indicatorId)?.median : null,
              peerCount: r.indicatorId ? peers.get(r.indicatorId)?.count : 0,
            })).map(inLanguage)}
            summary={{
              amount: version.requestedAmount,
              indicators: content.performance.indicators?.length ?? 0,
              attachments: view.attachments.length,
              tasks: content.keyTasks.length,
            }}
          />
        )}
      </WizardStatusProvider>
    </>
  );
}

function ReturnedNotice({ t, review, commentCount }: { t: Translate; review: Awaited<ReturnType<typeof loadObjectiveView>>["reviews"][number]; commentCount: number }) {
  return (
    <div role="note" className="mb-5 rounded-sm border border-red-300 border-l-4 border-l-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid="returned-notice">
      <p className="font-semibold">{t("wizard.returned.title")}</p>
      <p className="mt-0.5 text-xs text-red-800">
        {t("wizard.returned.by", { stage: t(`wizard.returned.stage.${review.review.stage}`), name: review.reviewerName, at: formatDateTime(review.review.createdAt).slice(0, 16) })}
      </p>
      <p className="mt-1 whitespace-pre-line">{review.review.reasons?.trim() || t("wizard.returned.noReason")}</p>
      {commentCount > 0 && <p className="mt-1 text-sm">{t("wizard.returned.comments", { n: commentCount })}</p>}
    </div>
  );
}

/**
 * Step 5 · 完整性检查与提交: the completeness checklist (each failure linked to its step and field), the
 * quality warnings, then submit — with a warning first when the declaration period has closed.
 */
function StepReview({
  t,
  objectiveId,
  version,
  department,
  late,
  findings,
  warnings,
  summary,
}: {
  t: Translate;
  objectiveId: number;
  version: number;
  department: boolean;
  /** Set when the year's declaration period closed (China time) before today. */
  late: { year: number; end: string } | null;
  findings: Finding[];
  warnings: Finding[];
  summary: { amount: string; indicators: number; attachments: number; tasks: number };
}) {
  const sorted = [...findings].sort((a, b) => a.step - b.step);
  const link = (f: Finding) => `/objectives/${objectiveId}/edit?step=${f.step}#${fieldId(stepField(f.step, f.field))}`;
  const stepLabel = (f: Finding) => t("wizard.review.goto", { n: f.step, step: stepTitle(t, f.step, department) });
  return (
    <div className="space-y-5">
      <Card title={t("wizard.review.summary")}>
        <p className="flex flex-wrap gap-x-6 gap-y-1 text-slate-700">
          <span>{t(department ? "deptObjective.review.amount" : "wizard.review.amount", { amount: toWan(new Decimal(summary.amount)) })}</span>
          {department && <span>{t("deptObjective.review.taskCount", { n: summary.tasks })}</span>}
          <span>{t("wizard.review.indicatorCount", { n: summary.indicators })}</span>
          <span>{t("wizard.review.attachmentCount", { n: summary.attachments })}</span>
        </p>
      </Card>
      <Card title={t("wizard.review.checklist")}>
        {sorted.length === 0 ? (
          <p className="text-emerald-800" data-testid="checklist-passed">
            ✓ {t("wizard.review.passed")}
          </p>
        ) : (
          <>
            <p className="mb-2 text-red-800">{t("wizard.review.failures", { n: sorted.length })}</p>
            <ol className="space-y-1.5" data-testid="checklist">
              {sorted.map((f, i) => (
                <li key={i} className="flex gap-3 border-l-2 border-red-600 bg-red-50/60 px-3 py-1.5">
                  <Link href={link(f)} className={`${cls.link} shrink-0 whitespace-nowrap`}>
                    {stepLabel(f)}
                  </Link>
                  <span className="text-slate-800">{f.message}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
      <Card title={t("wizard.review.warnings")}>
        {warnings.length === 0 ? (
          <p className="text-slate-600">{t("wizard.review.noWarnings")}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">{t("wizard.review.warningsHint")}</p>
            <ul className="space-y-1.5" data-testid="warnings">
              {warnings.map((f, i) => (
                <li key={i} className="flex gap-3 border-l-2 border-amber-500 bg-amber-50 px-3 py-1.5 text-amber-900">
                  <Link href={link(f)} className={`${cls.link} shrink-0 whitespace-nowrap`}>
                    {stepLabel(f)}
                  </Link>
                  <span>{f.message}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      {late && (
        <p role="alert" className="rounded-sm border border-amber-400 border-l-4 border-l-amber-600 bg-amber-50 px-4 py-3 text-amber-900" data-testid="late-warning">
          ▲ {t("wizard.review.late", { year: late.year, end: late.end })}
        </p>
      )}
      <SubmitPanel objectiveId={objectiveId} version={version} blocked={sorted.length > 0} lateEnd={late?.end ?? null} department={department} />
    </div>
  );
}
