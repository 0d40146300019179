"use client";
import { useState } from "react";
import { createRectificationAction } from "@/lib/actions/evaluation/create-rectification";
import { decideRectificationAction } from "@/lib/actions/evaluation/decide-rectification";
import { submitRectificationAction } from "@/lib/actions/evaluation/submit-rectification";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

export function SubmitRectification({ taskId, version }: { taskId: number; version: number }) {
  const t = useT();
  const [evidence, setEvidence] = useState("");
  const { state, pending, errors, run } = useActionCall(submitRectificationAction);
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <Field id={`evidence-${taskId}`} label={t("evaluation.rectification.evidence")} value={evidence} onChange={(e) => setEvidence(e.target.value)} errors={errors.evidence} className="min-w-80" />
      <button type="button" className={cls.primary} disabled={pending} onClick={() => run({ taskId, version, evidence })}>
        {t("evaluation.rectification.submit")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}

export function DecideRectification({ taskId, version }: { taskId: number; version: number }) {
  const t = useT();
  const { state, pending, run } = useActionCall(decideRectificationAction);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <button type="button" className={cls.primary} disabled={pending} onClick={() => run({ taskId, version, move: "close" })}>
        {t("evaluation.rectification.close")}
      </button>
      <button type="button" className={cls.button} disabled={pending} onClick={() => run({ taskId, version, move: "reopen" })}>
        {t("evaluation.rectification.reopen")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}

/** Finance sets a rectification task on an accepted self-evaluation. */
export function CreateRectification({ selfEvaluationId }: { selfEvaluationId: number }) {
  const t = useT();
  const [requirement, setRequirement] = useState("");
  const [deadline, setDeadline] = useState("");
  const { state, pending, errors, run } = useActionCall(createRectificationAction);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field id="rect-requirement" label={t("evaluation.rectification.requirement")} value={requirement} onChange={(e) => setRequirement(e.target.value)} errors={errors.requirement} className="min-w-80" />
      <Field id="rect-deadline" label={t("evaluation.rectification.deadline")} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} errors={errors.deadline} />
      <button type="button" className={cls.primary} disabled={pending} onClick={() => run({ selfEvaluationId, requirement, deadline })}>
        {t("evaluation.rectification.create")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}
