"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Decimal from "decimal.js";
import { GRADES, type Grade } from "@/db/schema/enums";
import { reviewObjective } from "@/lib/actions/objective/review-objective";
import type { ObjectiveEvent } from "@/lib/workflow/objective";
import { FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

type Result = "pass" | "return" | "reject";
/** DESIGN §3.4: 优、良 → approve; 中 → return to be revised; 差 → excluded from this round. */
const GRADE_RESULT: Record<Grade, Result> = { excellent: "pass", good: "pass", fair: "return", poor: "reject" };
const EVENT: Record<"department" | "finance", Record<Result, ObjectiveEvent>> = {
  department: { pass: "dept_pass", return: "dept_return", reject: "dept_return" },
  finance: { pass: "finance_approve", return: "finance_return", reject: "finance_reject" },
};
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;

export interface IndicatorRef {
  ordinal: number;
  name: string;
}

/**
 * 审核意见: the department passes or returns; finance grades (优/良/中/差, which decides the
 * result), scores and may mark the subject key. Optional comments per indicator row, keyed by
 * the row's ordinal. A reviewer who lost a race to another gets the conflict and a reload.
 */
export function ReviewForm({
  objectiveId,
  version,
  stage,
  events,
  isKey,
  indicators,
}: {
  objectiveId: number;
  version: number;
  stage: "department" | "finance";
  events: ObjectiveEvent[];
  isKey: boolean;
  indicators: IndicatorRef[];
}) {
  const t = useT();
  const router = useRouter();
  const [result, setResult] = useState<Result | "">("");
  const [grade, setGrade] = useState<Grade | "">("");
  const [score, setScore] = useState("");
  const [reasons, setReasons] = useState("");
  const [key, setKey] = useState(isKey);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const { state, setState, pending, errors, run } = useActionCall(reviewObjective, {
    refresh: false,
    onSuccess: (r) => {
      const to = (r.data as { state: string }).state;
      const done = stage === "department" ? (to === "finance_review" ? "dept_pass" : "dept_return") : to === "approved" ? "finance_approve" : to === "rejected" ? "finance_reject" : "finance_return";
      router.replace(`/objectives/${objectiveId}?done=${done}`);
    },
  });

  const decided: Result | "" = stage === "finance" ? (grade ? GRADE_RESULT[grade] : "") : result;
  const errs = (k: string) => local[k] ?? errors[k];
  const allowed = (r: Result) => events.includes(EVENT[stage][r]);

  function submit() {
    const found: Record<string, string[]> = {};
    if (!decided) found[stage === "finance" ? "grade" : "result"] = [t("review.decisionRequired")];
    const s = score.trim();
    if (s && !(SCORE.test(s) && new Decimal(s).lte(100))) found.score = [t("review.scoreRange")];
    if (stage === "finance" && !s) found.score = [t("review.scoreRange")];
    if (decided && decided !== "pass" && !reasons.trim()) found.reasons = [t("review.reasonsRequired")];
    setLocal(found);
    if (Object.keys(found).length || !decided) return;
    const indicatorComments = Object.fromEntries(Object.entries(comments).filter(([, c]) => c.trim()).map(([k, c]) => [k, c.trim()]));
    run({
      objectiveId,
      version,
      stage,
      result: decided,
      grade: stage === "finance" ? grade || null : null,
      score: s || null,
      reasons: reasons.trim() || null,
      indicatorComments,
      ...(stage === "finance" ? { isKey: key } : {}),
    });
  }

  const radio = "h-4 w-4 accent-accent";
  return (
    <form
      className="space-y-4"
      noValidate
      aria-label={stage === "department" ? t("review.deptReview") : t("review.financeReview")}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ResultNotice state={state} reloadLabel={t("review.conflictReload")} onReload={() => setState(null)} />
      {stage === "department" ? (
        <fieldset>
          <legend className="mb-1 text-slate-700">
            {t("review.decision")}
            <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
          </legend>
          <div className="flex flex-wrap gap-x-6 gap-y-1">
            {(["pass", "return"] as const).map((r) => (
              <label key={r} htmlFor={`rv-result-${r}`} className="inline-flex items-center gap-1.5">
                <input
                  id={`rv-result-${r}`}
                  type="radio"
                  name="result"
                  value={r}
                  className={radio}
                  checked={result === r}
                  disabled={!allowed(r)}
                  onChange={() => setResult(r)}
                />
                {t(r === "pass" ? "review.pass" : "review.return")}
              </label>
            ))}
          </div>
          <FieldErrors errors={errs("result")} />
        </fieldset>
      ) : (
        <fieldset>
          <legend className="mb-1 text-slate-700">
            {t("review.gradeInput")}
            <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
          </legend>
          <div className="grid gap-1.5 sm:grid-cols-2">
            {GRADES.map((g) => (
              <label key={g} htmlFor={`rv-grade-${g}`} className="inline-flex items-center gap-1.5">
                <input
                  id={`rv-grade-${g}`}
                  type="radio"
                  name="grade"
                  value={g}
                  className={radio}
                  checked={grade === g}
                  disabled={!allowed(GRADE_RESULT[g])}
                  onChange={() => setGrade(g)}
                />
                <span>
                  <strong className="mr-1">{t(`review.gradeLabel.${g}`)}</strong>
                  <span className="text-slate-600">{t(`review.gradeHint.${g}`).replace(/^[^：:]*[：:]\s*/, "")}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldErrors errors={errs("grade") ?? errs("result")} />
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor="rv-score" className="mb-1 block text-slate-700">
            {t("review.scoreInput")}
            {stage === "finance" && <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>}
          </label>
          <input
            id="rv-score"
            inputMode="decimal"
            className={cls.input}
            value={score}
            onChange={(e) => setScore(e.target.value)}
            aria-invalid={errs("score")?.length ? true : undefined}
            aria-describedby={stage === "department" ? "rv-score-hint" : undefined}
          />
          {stage === "department" && (
            <p id="rv-score-hint" className="mt-1 text-xs text-slate-500">
              {t("review.scoreOptional")}
            </p>
          )}
          <FieldErrors errors={errs("score")} />
        </div>
        <div>
          <label htmlFor="rv-reasons" className="mb-1 block text-slate-700">
            {t("review.reasonsInput")}
            {decided && decided !== "pass" && <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>}
          </label>
          <textarea
            id="rv-reasons"
            rows={3}
            maxLength={4000}
            className={`${cls.input} h-auto`}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            aria-invalid={errs("reasons")?.length ? true : undefined}
            aria-describedby="rv-reasons-hint"
          />
          <p id="rv-reasons-hint" className="mt-1 text-xs text-slate-500">
            {t("review.reasonsHint")}
          </p>
          <FieldErrors errors={errs("reasons")} />
        </div>
      </div>

      {stage === "finance" && (
        <label htmlFor="rv-key" className="inline-flex items-center gap-2">
          <input id="rv-key" type="checkbox" className="h-4 w-4 accent-accent" checked={key} onChange={(e) => setKey(e.target.checked)} />
          {t("review.keyInput")}
        </label>
      )}

      {indicators.length > 0 && (
        <details className="rounded-sm border border-slate-200">
          <summary className="cursor-pointer select-none bg-slate-50 px-3 py-2 text-slate-700">{t("review.commentsToggle")}</summary>
          <div className="space-y-2 p-3">
            {indicators.map((r) => {
              const id = `rv-comment-${r.ordinal}`;
              return (
                <div key={r.ordinal}>
                  <label htmlFor={id} className="mb-0.5 block text-xs text-slate-600">
                    {t("review.commentFor", { n: r.ordinal, name: r.name })}
                  </label>
                  <input
                    id={id}
                    className={cls.input}
                    maxLength={1000}
                    value={comments[String(r.ordinal)] ?? ""}
                    onChange={(e) => setComments({ ...comments, [String(r.ordinal)]: e.target.value })}
                  />
                  <FieldErrors errors={errs(`indicatorComments.${r.ordinal}`)} />
                </div>
              );
            })}
          </div>
        </details>
      )}
      <FieldErrors errors={errs("indicatorComments")} />

      <button type="submit" className={cls.primary} disabled={pending}>
        {pending ? t("common.submitting") : t("review.submitReview")}
      </button>
    </form>
  );
}
