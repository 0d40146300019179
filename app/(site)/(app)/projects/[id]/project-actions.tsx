"use client";
import { useState } from "react";
import { fireProjectEvent } from "@/lib/actions/project/project-event";
import type { ProjectEvent } from "@/lib/workflow/project";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/**
 * The pool's buttons for this project: what projectWorkflow.available lets the user press. The
 * server checks the guards again (无目标不入库 …) and its message is shown as it comes.
 */
export function ProjectActions({ projectId, version, events }: { projectId: number; version: number; events: ProjectEvent[] }) {
  const t = useT();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<ProjectEvent | null>(null);
  const { state, setState, pending, errors, run } = useActionCall(fireProjectEvent, {
    onSuccess: () => {
      setWithdrawing(false);
      setReason("");
    },
  });

  function fire(event: ProjectEvent) {
    setDone(event);
    run({ projectId, event, version, reason: event === "withdraw" ? reason : undefined });
  }

  // A refused guard (无目标不入库 …) is the whole message; the generic "check the form" line would mislead.
  const shown =
    state?.ok && done
      ? { ...state, message: t(`pool.eventDone.${done}`) }
      : state && !state.ok && state.fieldErrors?._form?.length
        ? { ...state, message: state.fieldErrors._form.join("；"), fieldErrors: undefined }
        : state;
  return (
    <div className="space-y-3">
      <ResultNotice state={shown} reloadLabel={t("pool.conflictReload")} onReload={() => setState(null)} />
      <div className="flex flex-wrap gap-2">
        {events
          .filter((e) => e !== "withdraw")
          .map((e) => (
            <ConfirmButton key={e} label={t(`pool.eventLabel.${e}`)} disabled={pending} onConfirm={() => fire(e)} />
          ))}
        {events.includes("withdraw") && !withdrawing && (
          <button type="button" className={cls.button} disabled={pending} onClick={() => setWithdrawing(true)}>
            {t("pool.eventLabel.withdraw")}
          </button>
        )}
      </div>
      {withdrawing && (
        <form noValidate
          className="space-y-2 rounded-sm border border-slate-300 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            fire("withdraw");
          }}
        >
          <Field
            id="withdraw-reason"
            name="reason"
            label={t("pool.withdrawReason")}
            required
            maxLength={1000}
            value={reason}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
            errors={errors.reason}
          />
          <div className="flex gap-2">
            <button type="submit" className={cls.primary} disabled={pending || !reason.trim()}>
              {t("pool.withdrawConfirm")}
            </button>
            <button type="button" className={cls.button} onClick={() => setWithdrawing(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
