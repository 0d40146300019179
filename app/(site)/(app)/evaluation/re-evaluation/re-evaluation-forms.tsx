"use client";
import { useState } from "react";
import { drawReEvaluationSampleAction } from "@/lib/actions/evaluation/draw-re-evaluation-sample";
import { recordReScoreAction } from "@/lib/actions/evaluation/record-re-score";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** Draws a sample: year, percentage, and optionally the seed (to reproduce an earlier draw). */
export function DrawSampleForm({ years }: { years: number[] }) {
  const t = useT();
  const [year, setYear] = useState(String(years[years.length - 1] ?? ""));
  const [percent, setPercent] = useState("10");
  const [seed, setSeed] = useState("");
  const { state, pending, errors, run } = useActionCall(drawReEvaluationSampleAction);
  return (
    <form noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ fiscalYear: Number(year), percent, seed });
      }}
    >
      <Field id="sample-year" label={t("evaluation.fields.fiscalYear")} value={year} onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setYear(e.target.value)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <Field id="sample-percent" label={t("evaluation.reEval.percent")} inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} errors={errors.percent} />
      <Field id="sample-seed" label={t("evaluation.reEval.seed")} inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} errors={errors.seed} hint={t("evaluation.reEval.seedHint")} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("evaluation.reEval.draw")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </form>
  );
}

/** Records the re-score of one sampled self-evaluation. */
export function ReScoreForm({ itemId, version }: { itemId: number; version: number }) {
  const t = useT();
  const [score, setScore] = useState("");
  const [note, setNote] = useState("");
  const { state, pending, errors, run } = useActionCall(recordReScoreAction);
  return (
    <form noValidate
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run({ itemId, version, reScore: score, note });
      }}
    >
      <Field id={`rescore-${itemId}`} label={t("evaluation.reEval.reScore")} inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} errors={errors.reScore} className="w-28" />
      <Field id={`renote-${itemId}`} label={t("evaluation.reEval.note")} value={note} onChange={(e) => setNote(e.target.value)} className="w-56" />
      <button type="submit" className={cls.small} disabled={pending}>
        {t("evaluation.reEval.save")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </form>
  );
}
