"use client";
import { useState, type ChangeEvent } from "react";
import { DISPOSITION_KINDS } from "@/db/schema/monitoring";
import { decideRectificationEvidence } from "@/lib/actions/monitoring/decide-evidence";
import { disposeWarning } from "@/lib/actions/monitoring/dispose-warning";
import { releaseHold } from "@/lib/actions/ledger/release-hold";
import { openMonitoringPeriod } from "@/lib/actions/monitoring/open-period";
import { reviewMonitoringReport } from "@/lib/actions/monitoring/review-report";
import { submitRectificationEvidence } from "@/lib/actions/monitoring/submit-evidence";
import { ACCEPT } from "@/lib/objective/attachment-rules";
import { Field, FieldErrors, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";

const area = `${cls.input} h-auto min-h-16`;

/** Finance opens a period of a fiscal year: through which month, and by when reports are due. */
export function OpenPeriodForm({ years }: { years: number[] }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(openMonitoringPeriod);
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-4 sm:items-end">
      <Field id="mp-year" name="fiscalYear" label={t("monitoring.fiscalYear")} options={years.map((y) => ({ value: String(y), label: String(y) }))} errors={errors.fiscalYear} required />
      <Field
        id="mp-month"
        name="throughMonth"
        label={t("monitoring.throughMonth")}
        options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}` }))}
        defaultValue="6"
        errors={errors.throughMonth}
        required
      />
      <Field id="mp-deadline" name="deadline" type="date" label={t("monitoring.deadline")} errors={errors.deadline} required />
      <div>
        <button type="submit" className={cls.primary} disabled={pending}>
          {t("monitoring.open")}
        </button>
      </div>
      <div className="sm:col-span-4">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** The department passes or returns a unit's report. */
export function ReviewReportForm({ reportId, version }: { reportId: number; version: number }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(reviewMonitoringReport);
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <Choice name="result" options={[["pass", t("monitoring.pass")], ["return", t("monitoring.return")]]} />
      <label htmlFor="rv-comment" className="block text-slate-700">
        {t("monitoring.comment")}
      </label>
      <textarea id="rv-comment" name="comment" className={area} aria-invalid={errors.comment ? true : undefined} />
      <FieldErrors errors={errors.comment} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("monitoring.submit")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Finance disposes one warning; a rectification needs a deadline. */
export function DisposeForm({ warningId, version }: { warningId: number; version: number }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(disposeWarning);
  const [kind, setKind] = useState("");
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="grid gap-2 sm:grid-cols-3 sm:items-start" aria-label={t("monitoring.dispose")}>
      <input type="hidden" name="warningId" value={warningId} />
      <input type="hidden" name="version" value={version} />
      <Field
        id={`dk-${warningId}`}
        name="kind"
        label={t("monitoring.dispositionKind")}
        options={DISPOSITION_KINDS.map((k) => ({ value: k, label: t(`monitoring.kindLabel.${k}`) }))}
        placeholder={t("monitoring.choose")}
        value={kind}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => setKind(e.target.value)}
        errors={errors.kind}
        required
      />
      {kind === "rectify" && (
        <Field id={`dd-${warningId}`} name="rectifyDeadline" type="date" label={t("monitoring.rectifyDeadline")} errors={errors.rectifyDeadline} required />
      )}
      {(kind === "adjust_budget" || kind === "reclaim" || kind === "suspend") && (
        <Field id={`da-${warningId}`} name="amount" inputMode="decimal" label={t(`ledger.dispositionAmount.${kind}`)} errors={errors.amount} required />
      )}
      <div className="sm:col-span-3">
        <label htmlFor={`dc-${warningId}`} className="mb-1 block text-slate-700">
          {t("monitoring.disposition")}
        </label>
        <textarea id={`dc-${warningId}`} name="comment" className={area} aria-invalid={errors.comment ? true : undefined} />
        <FieldErrors errors={errors.comment} />
      </div>
      <div className="sm:col-span-3 flex items-center gap-3">
        <button type="submit" className={cls.primary} disabled={pending}>
          {t("monitoring.dispose")}
        </button>
        <FormMessage state={state} compact />
      </div>
    </form>
  );
}

/** 恢复拨款: finance releases (part of) what a 暂缓拨款 held. */
export function ReleaseForm({ dispositionId }: { dispositionId: number }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(releaseHold);
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={t("ledger.releaseTitle")}>
      <input type="hidden" name="dispositionId" value={dispositionId} />
      <Field id={`rl-${dispositionId}`} name="amount" inputMode="decimal" label={t("ledger.amount")} errors={errors.amount} required />
      <button type="submit" className={cls.small} disabled={pending}>
        {t("ledger.release")}
      </button>
      <FormMessage state={state} compact />
    </form>
  );
}

/** The filer reports what was rectified. */
export function EvidenceForm({ dispositionId, version }: { dispositionId: number; version: number }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(submitRectificationEvidence);
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="dispositionId" value={dispositionId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`ev-${dispositionId}`} className="block text-slate-700">
        {t("monitoring.evidence")}
      </label>
      <textarea id={`ev-${dispositionId}`} name="evidence" className={area} aria-invalid={errors.evidence ? true : undefined} />
      <FieldErrors errors={errors.evidence} />
      <label htmlFor={`evf-${dispositionId}`} className="block text-slate-700">
        {t("monitoring.evidenceFiles")}
      </label>
      <input id={`evf-${dispositionId}`} type="file" name="files" multiple accept={ACCEPT} className="text-sm" />
      <FieldErrors errors={Object.entries(errors).flatMap(([k, v]) => (k === "files" || k.startsWith("files.") ? v : []))} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("monitoring.sendEvidence")}
      </button>
      <FormMessage state={state} compact />
    </form>
  );
}

/** Finance accepts the rectification or sends it back with a reason. */
export function DecideEvidenceForm({ dispositionId, version }: { dispositionId: number; version: number }) {
  const t = useT();
  const { state, pending, errors, formRef, onSubmit } = useActionForm(decideRectificationEvidence);
  return (
    <form noValidate ref={formRef} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="dispositionId" value={dispositionId} />
      <input type="hidden" name="version" value={version} />
      <Choice name="accept" options={[["true", t("monitoring.acceptEvidence")], ["false", t("monitoring.sendBack")]]} />
      <label htmlFor={`de-${dispositionId}`} className="block text-slate-700">
        {t("monitoring.comment")}
      </label>
      <textarea id={`de-${dispositionId}`} name="comment" className={area} aria-invalid={errors.comment ? true : undefined} />
      <FieldErrors errors={errors.comment} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("monitoring.submit")}
      </button>
      <FormMessage state={state} compact />
    </form>
  );
}

/** A pair of radio buttons, the first chosen. */
function Choice({ name, options }: { name: string; options: [string, string][] }) {
  return (
    <fieldset className="flex flex-wrap gap-4">
      {options.map(([value, label], i) => (
        <label key={value} className="inline-flex items-center gap-1.5">
          <input type="radio" name={name} value={value} defaultChecked={i === 0} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
