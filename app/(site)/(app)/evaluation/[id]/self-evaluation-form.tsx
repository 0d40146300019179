"use client";
import { useState } from "react";
import type { Comparison, IndicatorLevel1 } from "@/db/schema/enums";
import { saveSelfEvaluationAction } from "@/lib/actions/evaluation/save-self-evaluation";
import { refusedInput } from "@/lib/actions/result";
import { submitSelfEvaluation } from "@/lib/actions/evaluation/submit-self-evaluation";
import { QUALITATIVE_BANDS, type QualitativeBand } from "@/lib/evaluation/rules";
import { wanToYuan, yuanToWanInput } from "@/lib/project/money";
import type { ActualRow } from "@/lib/validation/evaluation";
import { Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

interface IndicatorInfo {
  ordinal: number;
  name: string;
  level1: IndicatorLevel1;
  comparison: Comparison;
  target: string;
  unit: string;
}

/**
 * The filer's self-evaluation form: executed amount, and per indicator the actual value (or, for a
 * qualitative one, the judgement and the percent within its band) with a deviation analysis.
 * Saving recomputes the score shown below; submitting checks completeness on the server.
 */
export function SelfEvaluationForm(props: {
  selfEvaluationId: number;
  version: number;
  executedAmount: string;
  executionExplanation: string;
  summary: string;
  indicators: IndicatorInfo[];
  actuals: ActualRow[];
}) {
  const t = useT();
  // Typed in 万元 like every amount on screen; the action takes 元.
  const [executed, setExecuted] = useState(() => (props.executedAmount ? yuanToWanInput(props.executedAmount) : ""));
  const [explanation, setExplanation] = useState(props.executionExplanation);
  const [summary, setSummary] = useState(props.summary);
  const [rows, setRows] = useState<ActualRow[]>(() =>
    props.indicators.map((i) => props.actuals.find((a) => a.ordinal === i.ordinal) ?? { ordinal: i.ordinal, actual: null, band: null, percent: null, deviation: null }),
  );
  const save = useActionCall(saveSelfEvaluationAction);
  const submit = useActionCall(submitSelfEvaluation);
  const errors = { ...save.errors, ...submit.errors };
  const set = (k: number, patch: Partial<ActualRow>) => setRows((rs) => rs.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  const payload = (executedAmount: string) => ({
    selfEvaluationId: props.selfEvaluationId,
    version: props.version,
    executedAmount,
    executionExplanation: explanation,
    summary,
    actuals: rows.map((r) => ({ ...r, actual: r.actual || null, percent: r.percent || null, deviation: r.deviation || null, band: r.band || null })),
  });

  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit.setState(null);
        const yuan = wanToYuan(executed);
        if (!yuan) return save.setState(refusedInput(t("errors.invalid_input"), { executedAmount: [t("errors.amountWan")] }));
        save.run(payload(yuan));
      }}
      className="space-y-4"
    >
      <ResultNotice state={save.state} reloadLabel={t("evaluation.reload")} />
      <ResultNotice state={submit.state} reloadLabel={t("evaluation.reload")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="executedAmount" label={t("evaluation.fields.executed")} inputMode="decimal" value={executed} onChange={(e) => setExecuted(e.target.value)} errors={errors.executedAmount} />
        <Field
          id="executionExplanation"
          label={t("evaluation.fields.executionExplanation")}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          errors={errors.executionExplanation}
        />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("evaluation.formTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-300 bg-slate-50 text-left">
              <th scope="col" className="px-2 py-1.5">{t("evaluation.fields.indicator")}</th>
              <th scope="col" className="px-2 py-1.5">{t("evaluation.fields.target")}</th>
              <th scope="col" className="px-2 py-1.5">{t("evaluation.fields.actual")}</th>
              <th scope="col" className="px-2 py-1.5">{t("evaluation.fields.deviation")}</th>
            </tr>
          </thead>
          <tbody>
            {props.indicators.map((ind, k) => {
              const r = rows[k];
              const base = `actuals.${ind.ordinal}`;
              return (
                <tr key={ind.ordinal} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-2 py-2 text-left font-normal">
                    {ind.name}
                    <div className="text-xs text-slate-500">{t(`wizard.level1.${ind.level1}`)}</div>
                  </th>
                  <td className="whitespace-nowrap px-2 py-2">
                    {t(`wizard.comparison.${ind.comparison}`)} {ind.target} {ind.comparison !== "qualitative" ? ind.unit : ""}
                  </td>
                  <td className="min-w-48 px-2 py-2">
                    {ind.comparison === "qualitative" ? (
                      <div className="space-y-1">
                        <label className="sr-only" htmlFor={`band-${ind.ordinal}`}>{`${ind.name} ${t("evaluation.fields.band")}`}</label>
                        <select
                          id={`band-${ind.ordinal}`}
                          className={cls.input}
                          value={r.band ?? ""}
                          onChange={(e) => set(k, { band: (e.target.value || null) as QualitativeBand | null })}
                          aria-invalid={errors[`${base}.band`] ? true : undefined}
                        >
                          <option value="">{t("evaluation.fields.band")}</option>
                          {QUALITATIVE_BANDS.map((b) => (
                            <option key={b} value={b}>
                              {t(`evaluation.band.${b}`)}
                            </option>
                          ))}
                        </select>
                        <FieldErrors errors={errors[`${base}.band`]} />
                        <label className="sr-only" htmlFor={`percent-${ind.ordinal}`}>{`${ind.name} ${t("evaluation.fields.percent")}`}</label>
                        <input
                          id={`percent-${ind.ordinal}`}
                          className={cls.input}
                          inputMode="decimal"
                          placeholder={t("evaluation.fields.percent")}
                          value={r.percent ?? ""}
                          onChange={(e) => set(k, { percent: e.target.value })}
                          aria-invalid={errors[`${base}.percent`] ? true : undefined}
                        />
                        <FieldErrors errors={errors[`${base}.percent`]} />
                      </div>
                    ) : (
                      <>
                        <label className="sr-only" htmlFor={`actual-${ind.ordinal}`}>{`${ind.name} ${t("evaluation.fields.actual")}`}</label>
                        <input
                          id={`actual-${ind.ordinal}`}
                          className={cls.input}
                          inputMode="decimal"
                          value={r.actual ?? ""}
                          onChange={(e) => set(k, { actual: e.target.value })}
                          aria-invalid={errors[`${base}.actual`] ? true : undefined}
                        />
                        <FieldErrors errors={errors[`${base}.actual`]} />
                      </>
                    )}
                  </td>
                  <td className="min-w-64 px-2 py-2">
                    <label className="sr-only" htmlFor={`deviation-${ind.ordinal}`}>{`${ind.name} ${t("evaluation.fields.deviation")}`}</label>
                    <textarea
                      id={`deviation-${ind.ordinal}`}
                      className={`${cls.input} h-16`}
                      value={r.deviation ?? ""}
                      onChange={(e) => set(k, { deviation: e.target.value })}
                      aria-invalid={errors[`${base}.deviation`] ? true : undefined}
                    />
                    <FieldErrors errors={errors[`${base}.deviation`]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <label htmlFor="summary" className="mb-1 block text-sm font-medium text-slate-700">
          {t("evaluation.fields.summary")}
        </label>
        <textarea id="summary" className={`${cls.input} h-20`} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={cls.button} disabled={save.pending || submit.pending}>
          {t("evaluation.saveAndScore")}
        </button>
        <button
          type="button"
          className={cls.primary}
          disabled={save.pending || submit.pending}
          onClick={() => {
            save.setState(null);
            submit.run({ selfEvaluationId: props.selfEvaluationId, version: props.version });
          }}
        >
          {t("evaluation.submit")}
        </button>
      </div>
    </form>
  );
}
