"use client";
import { useState, type ChangeEvent } from "react";
import Decimal from "decimal.js";
import { APPRAISAL_CONCLUSIONS, APPRAISAL_DIMENSIONS, type AppraisalConclusion } from "@/db/schema/enums";
import { recordAppraisal } from "@/lib/actions/project/record-appraisal";
import { trimDecimal } from "@/lib/format";
import { Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

const SCORE = /^\d{1,2}(\.\d{1,2})?$/;
const validScore = (s: string) => SCORE.test(s.trim()) && new Decimal(s.trim()).lte(20);

type Dim = { score: string; comment: string };
const blank = () => Object.fromEntries(APPRAISAL_DIMENSIONS.map((d) => [d, { score: "", comment: "" }])) as Record<(typeof APPRAISAL_DIMENSIONS)[number], Dim>;

/**
 * 录入事前评估: five dimensions (0–20 each, a comment each) and a conclusion → recordAppraisal.
 * `idPrefix` keeps the fields' ids apart when a page holds several (the evaluators' list).
 */
export function AppraisalForm({ projectId, years, idPrefix = "ap" }: { projectId: number; years: number[]; idPrefix?: string }) {
  const t = useT();
  const [year, setYear] = useState(String(years[0]));
  const [dims, setDims] = useState(blank);
  const [conclusion, setConclusion] = useState<AppraisalConclusion | "">("");
  const [summary, setSummary] = useState("");
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const { state, pending, errors, run } = useActionCall(recordAppraisal, {
    onSuccess: () => {
      setDims(blank());
      setConclusion("");
      setSummary("");
    },
  });

  const total = APPRAISAL_DIMENSIONS.reduce((s, d) => (validScore(dims[d].score) ? s.plus(dims[d].score.trim()) : s), new Decimal(0));
  const errs = (key: string) => local[key] ?? errors[key];

  function submit() {
    const found: Record<string, string[]> = {};
    APPRAISAL_DIMENSIONS.forEach((d, i) => {
      if (!validScore(dims[d].score)) found[`dimensions.${i}.score`] = [t("pool.scoreFormat")];
      if (!dims[d].comment.trim()) found[`dimensions.${i}.comment`] = [t("pool.commentRequired")];
    });
    if (!conclusion) found.conclusion = [t("pool.conclusionRequired")];
    setLocal(found);
    if (Object.keys(found).length) return;
    run({
      projectId,
      fiscalYear: Number(year),
      dimensions: APPRAISAL_DIMENSIONS.map((d) => ({ dimension: d, score: dims[d].score.trim(), comment: dims[d].comment.trim() })),
      conclusion,
      summary: summary.trim() || null,
    });
  }

  const saved = state?.ok ? { ...state, message: t("pool.appraisalSaved", { score: trimDecimal((state.data as { totalScore: string }).totalScore) }) } : state;
  return (
    <Disclosure label={t("pool.appraisalRecord")}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ResultNotice state={saved} reloadLabel={t("pool.conflictReload")} />
        <Field
          id={`${idPrefix}-year`}
          name="fiscalYear"
          label={t("pool.appraisalYear")}
          options={years.map((y) => ({ value: String(y), label: t("pool.fiscalYearValue", { year: y }) }))}
          value={year}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setYear(e.target.value)}
          disabled={years.length === 1}
          className="w-40"
        />
        <table className="w-full border-collapse border border-slate-300 text-sm">
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="w-40 border border-slate-300 px-2 py-1.5 text-left">{t("pool.dimension")}</th>
              <th scope="col" className="w-32 border border-slate-300 px-2 py-1.5 text-left">{t("pool.score")}</th>
              <th scope="col" className="border border-slate-300 px-2 py-1.5 text-left">{t("pool.comment")}</th>
            </tr>
          </thead>
          <tbody>
            {APPRAISAL_DIMENSIONS.map((d, i) => {
              const label = t(`pool.dimensionLabel.${d}`);
              const scoreErr = errs(`dimensions.${i}.score`);
              const commentErr = errs(`dimensions.${i}.comment`);
              return (
                <tr key={d} className="align-top">
                  <th scope="row" className="border border-slate-200 px-2 py-1.5 text-left font-normal">
                    {label}
                  </th>
                  <td className="border border-slate-200 px-2 py-1.5">
                    <label htmlFor={`${idPrefix}-${d}-score`} className="sr-only">
                      {`${label} ${t("pool.score")}`}
                    </label>
                    <input
                      id={`${idPrefix}-${d}-score`}
                      inputMode="decimal"
                      className={cls.input}
                      value={dims[d].score}
                      aria-invalid={scoreErr?.length ? true : undefined}
                      aria-describedby={scoreErr?.length ? `${idPrefix}-${d}-score-error` : undefined}
                      onChange={(e) => setDims({ ...dims, [d]: { ...dims[d], score: e.target.value } })}
                    />
                    <FieldErrors id={`${idPrefix}-${d}-score-error`} errors={scoreErr} />
                  </td>
                  <td className="border border-slate-200 px-2 py-1.5">
                    <label htmlFor={`${idPrefix}-${d}-comment`} className="sr-only">
                      {`${label} ${t("pool.comment")}`}
                    </label>
                    <textarea
                      id={`${idPrefix}-${d}-comment`}
                      rows={2}
                      maxLength={2000}
                      className={`${cls.input} h-auto`}
                      value={dims[d].comment}
                      aria-invalid={commentErr?.length ? true : undefined}
                      aria-describedby={commentErr?.length ? `${idPrefix}-${d}-comment-error` : undefined}
                      onChange={(e) => setDims({ ...dims, [d]: { ...dims[d], comment: e.target.value } })}
                    />
                    <FieldErrors id={`${idPrefix}-${d}-comment-error`} errors={commentErr} />
                  </td>
                </tr>
              );
            })}
            <tr className="bg-slate-50">
              <th scope="row" className="border border-slate-200 px-2 py-1.5 text-left">
                {t("pool.totalScore")}
              </th>
              <td className="border border-slate-200 px-2 py-1.5 font-semibold tabular-nums" aria-live="polite">
                {trimDecimal(total.toFixed(2))}
              </td>
              <td className="border border-slate-200 px-2 py-1.5" />
            </tr>
          </tbody>
        </table>
        <FieldErrors errors={errs("dimensions")} />
        <Field
          id={`${idPrefix}-conclusion`}
          name="conclusion"
          label={t("pool.conclusion")}
          required
          options={APPRAISAL_CONCLUSIONS.map((c) => ({ value: c, label: t(`pool.conclusionLabel.${c}`) }))}
          placeholder={t("pool.choose")}
          value={conclusion}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setConclusion(e.target.value as AppraisalConclusion)}
          errors={errs("conclusion")}
          className="max-w-xs"
        />
        <div>
          <label htmlFor={`${idPrefix}-summary`} className="mb-1 block text-slate-700">
            {t("pool.summary")}
          </label>
          <textarea id={`${idPrefix}-summary`} rows={2} maxLength={4000} className={`${cls.input} h-auto`} value={summary} onChange={(e) => setSummary(e.target.value)} />
          <FieldErrors errors={errs("summary")} />
        </div>
        <button type="submit" className={cls.primary} disabled={pending}>
          {pending ? t("common.submitting") : t("pool.submit")}
        </button>
      </form>
    </Disclosure>
  );
}
