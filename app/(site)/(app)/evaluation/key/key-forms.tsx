"use client";
import { useState } from "react";
import { acceptKeyEvaluationAction } from "@/lib/actions/evaluation/accept-key-evaluation";
import { attachKeyReportAction } from "@/lib/actions/evaluation/attach-key-report";
import { attachOwnKeyReportAction } from "@/lib/actions/evaluation/attach-own-key-report";
import { createKeyEvaluationAction } from "@/lib/actions/evaluation/create-key-evaluation";
import { fillKeyEvaluationAction } from "@/lib/actions/evaluation/fill-key-evaluation";
import { fillOwnKeyEvaluationAction } from "@/lib/actions/evaluation/fill-own-key-evaluation";
import { selectKeyByWarningsAction } from "@/lib/actions/evaluation/select-key-by-warnings";
import { KEY_DIMENSIONS, type KeyDimension, type KeyWeights } from "@/lib/evaluation/key-dimensions";
import { Field, FieldErrors, type Option } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

type Select = React.ChangeEvent<HTMLSelectElement>;

/** Finance selects a subject and, optionally, the agency it engages. */
export function CreateKey({ candidates, agencies }: { candidates: Option[]; agencies: Option[] }) {
  const t = useT();
  const [objectiveId, setObjectiveId] = useState(candidates[0]?.value ?? "");
  const [agencyOrgId, setAgency] = useState("");
  const [reason, setReason] = useState("");
  const { state, pending, errors, run } = useActionCall(createKeyEvaluationAction);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id="key-objective" label={t("evaluation.fields.objective")} value={objectiveId} onChange={(e: Select) => setObjectiveId(e.target.value)} options={candidates} errors={errors.objectiveId} />
      <Field id="key-agency" label={t("evaluation.key.agency")} value={agencyOrgId} onChange={(e: Select) => setAgency(e.target.value)} options={agencies} placeholder={t("evaluation.key.byFinance")} errors={errors.agencyOrgId} />
      <Field id="key-reason" label={t("evaluation.key.reason")} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="button" className={cls.primary} disabled={pending || !objectiveId} onClick={() => run({ objectiveId: Number(objectiveId), agencyOrgId, reason })}>
        {t("evaluation.key.create")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}

/** Scores of the four 一级 dimensions with evidence, findings and recommendations. */
export function FillKey({ id, version, weights, asFinance }: { id: number; version: number; weights: KeyWeights; asFinance: boolean }) {
  const t = useT();
  const [scores, setScores] = useState(() => Object.fromEntries(KEY_DIMENSIONS.map((d) => [d, { score: "", evidence: "" }])) as Record<KeyDimension, { score: string; evidence: string }>);
  const [findings, setFindings] = useState("");
  const [recommendations, setRecommendations] = useState("");
  const evaluator = useActionCall(fillKeyEvaluationAction);
  const own = useActionCall(fillOwnKeyEvaluationAction);
  const call = asFinance ? own : evaluator;
  return (
    <form noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        call.run({ keyEvaluationId: id, version, scores, findings, recommendations });
      }}
    >
      <ResultNotice state={call.state} reloadLabel={t("evaluation.reload")} />
      <div className="grid gap-3 sm:grid-cols-4">
        {KEY_DIMENSIONS.map((d) => (
          <div key={d} className="space-y-1">
            <Field
              id={`key-${id}-${d}`}
              label={`${t(`evaluation.key.dim.${d}`)}（${weights[d]}）`}
              inputMode="decimal"
              value={scores[d].score}
              onChange={(e) => setScores((s) => ({ ...s, [d]: { ...s[d], score: e.target.value } }))}
              errors={call.errors[`scores.${d}.score`]}
            />
            <Field
              id={`key-${id}-${d}-evidence`}
              label={t("evaluation.key.evidence")}
              value={scores[d].evidence}
              onChange={(e) => setScores((s) => ({ ...s, [d]: { ...s[d], evidence: e.target.value } }))}
              errors={call.errors[`scores.${d}.evidence`]}
            />
          </div>
        ))}
      </div>
      <Field id={`key-${id}-findings`} label={t("evaluation.key.findings")} value={findings} onChange={(e) => setFindings(e.target.value)} errors={call.errors.findings} />
      <Field id={`key-${id}-recs`} label={t("evaluation.key.recommendations")} value={recommendations} onChange={(e) => setRecommendations(e.target.value)} errors={call.errors.recommendations} />
      <button type="submit" className={cls.primary} disabled={call.pending}>
        {t("evaluation.key.submit")}
      </button>
    </form>
  );
}

export function AcceptKey({ id, version }: { id: number; version: number }) {
  const t = useT();
  const { state, pending, run } = useActionCall(acceptKeyEvaluationAction);
  return (
    <div className="flex items-center gap-2">
      <button type="button" className={cls.primary} disabled={pending} onClick={() => run({ keyEvaluationId: id, version })}>
        {t("evaluation.key.accept")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}

/** Finance selects every subject of a year with monitoring warnings (red only, or red and yellow). */
export function SelectByWarnings({ years, agencies }: { years: number[]; agencies: Option[] }) {
  const t = useT();
  const [fiscalYear, setYear] = useState(String(years[years.length - 1] ?? ""));
  const [selection, setSelection] = useState("red");
  const [agencyOrgId, setAgency] = useState("");
  const { state, pending, errors, run } = useActionCall(selectKeyByWarningsAction);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id="warn-year" label={t("evaluation.fields.fiscalYear")} value={fiscalYear} onChange={(e: Select) => setYear(e.target.value)} options={years.map((y) => ({ value: String(y), label: String(y) }))} errors={errors.fiscalYear} />
      <Field
        id="warn-lights"
        label={t("evaluation.key.lights")}
        value={selection}
        onChange={(e: Select) => setSelection(e.target.value)}
        options={[
          { value: "red", label: t("evaluation.key.lightsRed") },
          { value: "red_yellow", label: t("evaluation.key.lightsRedYellow") },
        ]}
        errors={errors.selection}
      />
      <Field id="warn-agency" label={t("evaluation.key.agency")} value={agencyOrgId} onChange={(e: Select) => setAgency(e.target.value)} options={agencies} placeholder={t("evaluation.key.byFinance")} errors={errors.agencyOrgId} />
      <button type="button" className={cls.primary} disabled={pending || !fiscalYear} onClick={() => run({ fiscalYear, selection, agencyOrgId })}>
        {t("evaluation.key.selectWarned")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}

/** The evaluator (or finance) attaches the evaluation report, PDF or Word; a new one replaces the old. */
export function AttachReport({ id, asFinance }: { id: number; asFinance: boolean }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const evaluator = useActionCall(attachKeyReportAction);
  const own = useActionCall(attachOwnKeyReportAction);
  const call = asFinance ? own : evaluator;
  return (
    <div className="mt-3 flex flex-wrap items-end gap-2 text-sm">
      <div>
        <label htmlFor={`key-${id}-report`} className="mb-1 block font-medium text-slate-700">
          {t("evaluation.key.reportFile")}
        </label>
        <input id={`key-${id}-report`} type="file" accept=".pdf,.docx,.doc" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <FieldErrors errors={call.errors.file} />
      </div>
      <button type="button" className={cls.button} disabled={call.pending || !file} onClick={() => file && call.run({ keyEvaluationId: id, file })}>
        {t("evaluation.key.attachReport")}
      </button>
      <ResultNotice state={call.state && !call.state.ok && call.state.code === "invalid_input" ? null : call.state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}
