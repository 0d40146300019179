"use client";
import { useEffect, useState, type ChangeEvent } from "react";
import { decideAssessmentObjection } from "@/lib/actions/assessment/decide-objection";
import { discloseAssessmentRound } from "@/lib/actions/assessment/disclose-round";
import { fireAssessmentRound } from "@/lib/actions/assessment/fire-round";
import { judgeAssessmentResult } from "@/lib/actions/assessment/judge-result";
import { objectAssessmentResult } from "@/lib/actions/assessment/object-result";
import { openAssessmentRound } from "@/lib/actions/assessment/open-round";
import { assessmentRoundProgress } from "@/lib/actions/assessment/round-progress";
import { Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../_workflow/result-notice";
import { useActionCall } from "../_workflow/use-action-call";

/** Finance opens the round of its region's year (the framework in force governs it). */
export function OpenRoundForm({ defaultYear }: { defaultYear: number }) {
  const t = useT();
  const [year, setYear] = useState(String(defaultYear));
  const [deadline, setDeadline] = useState("");
  const { state, pending, errors, run } = useActionCall(openAssessmentRound);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ fiscalYear: year, objectionDeadline: deadline } as never);
      }}
    >
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      <Field id="open-year" name="fiscalYear" label={t("assessment.frameworks.yearLabel")} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} errors={errors.fiscalYear} />
      <Field id="open-deadline" name="objectionDeadline" type="date" label={t("assessment.round.objectionDeadline")} value={deadline} onChange={(e) => setDeadline(e.target.value)} errors={errors.objectionDeadline} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("assessment.round.open")}
      </button>
    </form>
  );
}

/** The round's buttons, drawn from the workflow's available() events; computing shows its progress. */
export function RoundButtons({ roundId, version, events }: { roundId: number; version: number; events: ("compute" | "release" | "publish")[] }) {
  const t = useT();
  const { state, pending, run } = useActionCall(fireAssessmentRound);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [computing, setComputing] = useState(false);
  // While a computation runs (this button's call is pending), its progress is read from the round row.
  const running = computing && pending;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const r = await assessmentRoundProgress({ roundId });
      if (r.ok) setProgress({ done: r.data.done, total: r.data.total });
    }, 700);
    return () => clearInterval(timer);
  }, [running, roundId]);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      {events.map((event) =>
        event === "compute" ? (
          <button
            key={event}
            type="button"
            className={cls.primary}
            disabled={pending}
            onClick={() => {
              setComputing(true);
              setProgress(null);
              run({ roundId, version, event });
            }}
          >
            {t(`assessment.event.${event}`)}
          </button>
        ) : (
          <ConfirmButton key={event} label={t(`assessment.event.${event}`)} disabled={pending} onConfirm={() => run({ roundId, version, event })} />
        ),
      )}
      {running && (
        <span role="status" className="flex items-center gap-2 text-sm text-slate-700">
          {progress && progress.total > 0 ? t("assessment.round.progress", progress) : t("assessment.round.computing")}
          <progress max={progress?.total || 1} value={progress?.done ?? 0} className="w-40" />
        </span>
      )}
    </div>
  );
}

/** The portal setting of a published round. */
export function DiscloseToggle({ roundId, version, disclose }: { roundId: number; version: number; disclose: boolean }) {
  const t = useT();
  const { state, pending, run } = useActionCall(discloseAssessmentRound);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      <button type="button" className={cls.button} disabled={pending} onClick={() => run({ roundId, version, disclose: !disclose })}>
        {t(disclose ? "assessment.round.undisclose" : "assessment.round.disclose")}
      </button>
    </span>
  );
}

/** Finance scores one judged indicator, with its evidence. */
export function JudgeForm({ resultId, version, code, max, score, evidence }: { resultId: number; version: number; code: string; max: string; score: string; evidence: string }) {
  const t = useT();
  const [s, setS] = useState(score);
  const [ev, setEv] = useState(evidence);
  const { state, pending, errors, run } = useActionCall(judgeAssessmentResult);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      aria-label={`${t("assessment.result.score")} ${code}`}
      onSubmit={(e) => {
        e.preventDefault();
        run({ resultId, version, code, score: s, evidence: ev });
      }}
    >
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      <Field id={`judge-${resultId}-${code}-score`} name="score" className="w-24" label={`${t("assessment.result.score")}（0–${max}）`} inputMode="decimal" value={s} onChange={(e) => setS(e.target.value)} errors={errors.score} />
      <Field id={`judge-${resultId}-${code}-evidence`} name="evidence" className="min-w-64 flex-1" label={t("assessment.result.evidence")} value={ev} onChange={(e) => setEv(e.target.value)} errors={errors.evidence} />
      <FieldErrors errors={errors.code} />
      <button type="submit" className={cls.button} disabled={pending}>
        {t("assessment.result.judge")}
      </button>
    </form>
  );
}

/** The assessed organisation's one objection. */
export function ObjectionForm({ resultId, version }: { resultId: number; version: number }) {
  const t = useT();
  const [reason, setReason] = useState("");
  const { state, pending, errors, run } = useActionCall(objectAssessmentResult);
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        run({ resultId, version, reason });
      }}
    >
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} />
      <label htmlFor="objection-reason" className="block text-slate-700">
        {t("assessment.result.reason")}
      </label>
      <textarea id="objection-reason" name="reason" className={cls.input} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={errors.reason ? "objection-reason-error" : undefined} />
      <FieldErrors id="objection-reason-error" errors={errors.reason} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("assessment.result.submitObjection")}
      </button>
    </form>
  );
}

/** Finance decides an objection: upheld (with changed judged scores) or dismissed, with a reply. */
export function DecideObjectionForm({ resultId, version, judgedCodes }: { resultId: number; version: number; judgedCodes: { code: string; name: string; score: string }[] }) {
  const t = useT();
  const [outcome, setOutcome] = useState<"upheld" | "dismissed">("dismissed");
  const [reply, setReply] = useState("");
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(judgedCodes.map((j) => [j.code, j.score])));
  const { state, pending, errors, run } = useActionCall(decideAssessmentObjection);
  // The adjustments sent are the changed scores, in this order: their errors come back by that index.
  const changed = judgedCodes.filter((j) => scores[j.code] !== j.score).map((j) => j.code);
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const adjustments = outcome === "upheld" ? changed.map((code) => ({ code, score: scores[code] })) : [];
        run({ resultId, version, outcome, reply, adjustments });
      }}
    >
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} />
      <Field
        id="decide-outcome"
        name="outcome"
        label={t("assessment.result.outcome")}
        value={outcome}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => setOutcome(e.target.value as "upheld" | "dismissed")}
        options={[
          { value: "dismissed", label: t("assessment.objection.dismissed") },
          { value: "upheld", label: t("assessment.objection.upheld") },
        ]}
      />
      {outcome === "upheld" && (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="text-slate-700">{t("assessment.result.adjust")}</legend>
          {judgedCodes.map((j) => (
            <Field
              key={j.code}
              id={`decide-${j.code}`}
              className="w-40"
              label={`${j.code} ${j.name}`}
              inputMode="decimal"
              value={scores[j.code] ?? ""}
              onChange={(e) => setScores((s) => ({ ...s, [j.code]: e.target.value }))}
              errors={changed.includes(j.code) ? errors[`adjustments.${changed.indexOf(j.code)}.score`] : undefined}
            />
          ))}
        </fieldset>
      )}
      <Field id="decide-reply" name="reply" label={t("assessment.result.reply")} value={reply} onChange={(e) => setReply(e.target.value)} errors={errors.reply} />
      <FieldErrors errors={errors.adjustments} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("assessment.result.decide")}
      </button>
    </form>
  );
}
