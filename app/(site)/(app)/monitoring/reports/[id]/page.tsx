import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionError } from "@/lib/errors";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDate, formatDateTime, todayIso } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { loadReport, loadReportLines } from "@/lib/monitoring/load";
import { evidenceFiles, reportWarnings } from "@/lib/monitoring/queries";
import { executionLight } from "@/lib/monitoring/rules";
import { mayEditReport } from "@/lib/monitoring/workflow";
import { reportWorkflow, warningRectificationWorkflow, warningWorkflow } from "@/lib/workflow/machines";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { DecideEvidenceForm, DisposeForm, EvidenceForm, ReleaseForm, ReviewReportForm } from "../../forms";
import { LedgerCard } from "../../../_ledger/ledger-card";
import { ledgerOf } from "@/lib/ledger/queries";
import { canOn } from "@/lib/auth/scope";
import { LightBadge, warningText } from "../../parts";
import { ExcelPanel } from "./excel-panel";
import { ReportForm } from "./report-form";

export const generateMetadata = pageTitle("monitoring.reportTitle");

/**
 * One monitoring report: the filer's form while it is a draft or returned, the department's
 * review while it waits for it, and — once submitted — the light, the warnings with the rule and
 * numbers behind each, finance's dispositions, and the rectification in progress.
 */
export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("project.read");
  const { id } = await params;
  const reportId = Number(id);
  if (!Number.isInteger(reportId) || reportId <= 0 || reportId > 2_147_483_647) notFound();
  const [db, t, locale] = await Promise.all([getDb(), getT(), getLocale()]);
  let loaded;
  try {
    loaded = await loadReport(db, actor, "project.read", reportId);
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
  const { report, period, ref } = loaded;
  const [lines, warnings, ledger] = await Promise.all([loadReportLines(db, report), reportWarnings(db, report.id), ledgerOf(db, report.objectiveId)]);
  const mayMoveMoney = canOn(actor, "warning.dispose", { orgPath: loaded.orgPath, regionPath: loaded.regionPath });
  const files = await evidenceFiles(
    db,
    warnings.flatMap((w) => (w.disposition ? [w.disposition.id] : [])),
  );
  const editable = mayEditReport(actor, ref);
  const reviewable = reportWorkflow.available(actor, ref).includes("dept_pass");
  const place = { orgPath: loaded.orgPath, regionPath: loaded.regionPath };
  const exec = report.executedAmount ? executionLight({ executed: report.executedAmount, budget: report.budget, adjustedBudget: report.adjustedBudget, throughMonth: period.throughMonth }) : null;

  return (
    <>
      <PageHeader title={`${loaded.title} · ${t("monitoring.reportTitle")}`} subtitle={`${t("monitoring.periodLabel", { year: period.fiscalYear, month: period.throughMonth })} · ${loaded.ownerName}`}>
        <div className="flex items-center gap-2">
          <Badge tone={report.state === "accepted" ? "green" : report.state === "returned" ? "red" : "navy"}>{t(`monitoring.stateLabel.${report.state}`)}</Badge>
          <span className="text-slate-700">{t("monitoring.inboxDue", { date: formatDate(period.deadline, locale) })}</span>
          {report.submittedAt && todayIso(report.submittedAt) > period.deadline && <Badge tone="red">{t("monitoring.late")}</Badge>}
          <Link href={`/objectives/${report.objectiveId}`} className={cls.small}>
            {t("monitoring.history")}
          </Link>
        </div>
      </PageHeader>

      {report.reviewComment && report.state === "returned" && (
        <p className="mb-4 rounded-sm border-l-4 border-red-300 bg-red-50/60 px-3 py-2">{t("monitoring.reviewComment", { comment: report.reviewComment })}</p>
      )}

      <Card className="mb-5" title={t("monitoring.budgetSection")}>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {[
            [t("monitoring.budget"), wan(report.budget)],
            [t("monitoring.adjustedBudget"), wan(report.adjustedBudget)],
            [t("monitoring.executed"), wan(report.executedAmount)],
            [t("monitoring.executionRate"), exec?.ratePercent ? `${exec.ratePercent}%` : "—"],
            [t("monitoring.timeProgress"), `${exec?.timeProgressPercent ?? ((period.throughMonth * 100) / 12).toFixed(2)}%`],
            [t("monitoring.executionIndex"), report.executionIndex ?? "—"],
          ].map(([k, v]) => (
            <div key={k}>
              <dt className="text-slate-500">{k}</dt>
              <dd className="tabular-nums text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
        {report.executionLight && (
          <p className="mt-3">
            {t("monitoring.light")}: <LightBadge light={report.executionLight} t={t} />
          </p>
        )}
      </Card>

      <LedgerCard ledger={ledger} t={t} className="mb-5" />

      <Card className="mb-5" title={t("monitoring.targetSection")}>
        {editable ? (
          <ReportForm
            reportId={report.id}
            version={report.version}
            budgetYuan={report.budget}
            adjustedYuan={report.adjustedBudget}
            executedYuan={report.executedAmount}
            lines={lines.map(({ line, indicator }) => ({
              ordinal: indicator.ordinal,
              name: indicator.name,
              unit: indicator.unit,
              comparison: indicator.comparison,
              annualTarget: indicator.annualTarget,
              valueReached: line?.valueReached ?? "",
              expectedValue: line?.expectedValue ?? "",
              judgement: line?.judgement ?? "",
              deviationReason: line?.deviationReason ?? "",
              correctiveMeasure: line?.correctiveMeasure ?? "",
            }))}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("monitoring.targetSection")}</caption>
              <thead>
                <tr className="bg-slate-50 text-left">
                  {(["indicator", "annualTarget", "valueReached", "expectedValue", "judgement", "deviationReason", "correctiveMeasure"] as const).map((k) => (
                    <th key={k} className="border border-slate-300 px-2 py-1">
                      {t(`monitoring.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lines.map(({ line, indicator }) => (
                  <tr key={indicator.ordinal} className="align-top">
                    <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">
                      {indicator.name}
                    </th>
                    <td className="border border-slate-300 px-2 py-1">
                      {indicator.annualTarget ?? "—"} {indicator.unit ?? ""}
                    </td>
                    <td className="border border-slate-300 px-2 py-1">{line?.valueReached ?? "—"}</td>
                    <td className="border border-slate-300 px-2 py-1">{line?.expectedValue ?? "—"}</td>
                    <td className="border border-slate-300 px-2 py-1">
                      {line?.judgement ? t(indicator.comparison === "qualitative" ? `monitoring.qualitativeLabel.${line.judgement}` : `monitoring.judgementLabel.${line.judgement}`) : "—"}
                    </td>
                    <td className="border border-slate-300 px-2 py-1">{line?.deviationReason ?? ""}</td>
                    <td className="border border-slate-300 px-2 py-1">{line?.correctiveMeasure ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {editable && (
        <Card className="mb-5" title={t("monitoring.excel")}>
          <ExcelPanel reportId={report.id} version={report.version} />
        </Card>
      )}

      {reviewable && (
        <Card className="mb-5" title={t("monitoring.reviewTitle")}>
          <ReviewReportForm reportId={report.id} version={report.version} />
        </Card>
      )}

      {report.submittedAt && (
        <Card title={t("monitoring.warnings")}>
          {warnings.length === 0 ? (
            <p className="text-slate-500">{t("monitoring.noWarnings")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {warnings.map(({ warning: w, disposition: d, decidedByName }) => (
                <li key={w.id} className="py-3" data-warning-rule={w.rule}>
                  <p className="flex flex-wrap items-center gap-2">
                    <LightBadge light={w.light} t={t} />
                    <span className="font-medium">{t(`monitoring.ruleLabel.${w.rule}`)}</span>
                    <Badge tone={d ? "slate" : "red"}>{t(`monitoring.warningState.${w.state}`)}</Badge>
                  </p>
                  <p className="mt-1 text-slate-700">{warningText(w, t)}</p>
                  {d ? (
                    <div className="mt-2 rounded-sm border-l-4 border-navy/40 bg-slate-50 px-3 py-2">
                      <p>
                        <span className="font-medium">{t(`monitoring.kindLabel.${d.kind}`)}</span>
                        {d.rectifyDeadline && <span className="ml-2">{t("monitoring.rectifyDeadline")}：{formatDate(d.rectifyDeadline, locale)}</span>}
                        {d.rectificationState && (
                          <span className="ml-2">
                            <Badge tone={d.rectificationState === "accepted" ? "green" : "amber"}>{t(`monitoring.rectState.${d.rectificationState}`)}</Badge>
                          </span>
                        )}
                      </p>
                      <p className="mt-1">{d.comment}</p>
                      {ledger.movements
                        .filter((m) => m.dispositionId === d.id)
                        .map((m) => (
                          <p key={m.id} className="mt-1 text-sm" data-testid={`money-effect-${d.id}`}>
                            <span className="text-slate-500">{t("ledger.moneyEffect")}：</span>
                            {t(`ledger.kind.${m.kind}`)} {wan(m.amount)} {t("ledger.wanUnit")}
                          </p>
                        ))}
                      {d.kind === "suspend" && mayMoveMoney && Number(ledger.held) > 0 && (
                        <div className="mt-2">
                          <ReleaseForm dispositionId={d.id} />
                        </div>
                      )}
                      <p className="mt-1 text-xs text-slate-500">{t("monitoring.disposedBy", { name: decidedByName ?? "", date: formatDateTime(d.decidedAt).slice(0, 16) })}</p>
                      {d.evidence && (
                        <p className="mt-2">
                          <span className="text-slate-500">{t("monitoring.evidence")}：</span>
                          {d.evidence}
                        </p>
                      )}
                      {files.some((f) => f.dispositionId === d.id) && (
                        <ul className="mt-1 list-disc pl-5">
                          {files
                            .filter((f) => f.dispositionId === d.id)
                            .map((f) => (
                              <li key={f.id}>
                                <a href={`/api/monitoring/evidence/${f.id}`} className={cls.link}>
                                  {f.filename}
                                </a>
                                <span className="ml-1 text-xs text-slate-500">({Math.ceil(f.size / 1024)} KB)</span>
                              </li>
                            ))}
                        </ul>
                      )}
                      {d.evidenceReview && <p className="mt-1 text-slate-600">{t("monitoring.evidenceReview", { comment: d.evidenceReview })}</p>}
                      {d.rectificationState && warningRectificationWorkflow.available(actor, { id: d.id, state: d.rectificationState, version: d.version, ...place }).includes("evidence") && (
                        <div className="mt-3">
                          <EvidenceForm dispositionId={d.id} version={d.version} />
                        </div>
                      )}
                      {d.rectificationState && warningRectificationWorkflow.available(actor, { id: d.id, state: d.rectificationState, version: d.version, ...place }).includes("accept") && (
                        <div className="mt-3">
                          <DecideEvidenceForm dispositionId={d.id} version={d.version} />
                        </div>
                      )}
                    </div>
                  ) : (
                    warningWorkflow.available(actor, { id: w.id, state: w.state, version: w.version, ...place }).includes("dispose") && (
                      <div className="mt-3">
                        <DisposeForm warningId={w.id} version={w.version} />
                      </div>
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </>
  );
}
