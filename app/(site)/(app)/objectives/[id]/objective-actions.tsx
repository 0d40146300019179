"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { adjustObjective } from "@/lib/actions/objective/adjust-objective";
import { fireObjectiveEvent } from "@/lib/actions/objective/objective-event";
import type { ObjectiveEvent } from "@/lib/workflow/objective";
import { FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/**
 * The filer's buttons, from the events the workflow allows this reader now: 编辑申报 and 提交审核
 * (the wizard), 撤回, 取消调整, 目标调整. Each is checked again on the server.
 */
export function ObjectiveActions({ objectiveId, version, events }: { objectiveId: number; version: number; events: ObjectiveEvent[] }) {
  const t = useT();
  const router = useRouter();
  const [confirming, setConfirming] = useState<"recall" | "cancel_adjustment" | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [reason, setReason] = useState("");
  const base = `/objectives/${objectiveId}`;

  const event = useActionCall(fireObjectiveEvent, {
    refresh: false,
    onSuccess: () => {
      const done = confirming;
      setConfirming(null);
      router.replace(`${base}?done=${done}`);
    },
  });
  const adjust = useActionCall(adjustObjective, { refresh: false, onSuccess: () => router.push(`${base}/edit`) });
  const pending = event.pending || adjust.pending;
  const canEdit = events.includes("submit");

  return (
    <div className="space-y-3 print-hide">
      <ResultNotice state={event.state} reloadLabel={t("review.conflictReload")} onReload={() => event.setState(null)} />
      <ResultNotice state={adjust.state && !adjust.state.ok ? adjust.state : null} reloadLabel={t("review.conflictReload")} onReload={() => adjust.setState(null)} />
      <div className="flex flex-wrap gap-2">
        {canEdit && (
          <>
            <Link href={`${base}/edit`} className={cls.button}>
              {t("review.edit")}
            </Link>
            <Link href={`${base}/edit?step=5`} className={cls.primary}>
              {t("review.submit")}
            </Link>
          </>
        )}
        {events.includes("recall") && (
          <button type="button" className={cls.button} disabled={pending} onClick={() => setConfirming("recall")}>
            {t("review.recall")}
          </button>
        )}
        {events.includes("cancel_adjustment") && (
          <button type="button" className={cls.button} disabled={pending} onClick={() => setConfirming("cancel_adjustment")}>
            {t("review.cancelAdjustment")}
          </button>
        )}
        {events.includes("adjust") && !adjusting && (
          <button type="button" className={cls.button} disabled={pending} onClick={() => setAdjusting(true)}>
            {t("review.adjust")}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="confirm-text" className="rounded-sm border border-amber-300 bg-amber-50 p-3">
          <p id="confirm-text" className="mb-2 text-amber-900">
            {confirming === "recall" ? t("review.recallConfirm") : t("review.cancelConfirm")}
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className={cls.primary}
              disabled={pending}
              onClick={() => event.run({ objectiveId, event: confirming, version })}
            >
              {t("common.confirm")}
            </button>
            <button type="button" className={cls.button} onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      )}
      {adjusting && (
        <form noValidate
          className="space-y-2 rounded-sm border border-slate-300 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            adjust.run({ objectiveId, version, reason });
          }}
        >
          <p className="text-xs text-slate-600">{t("review.adjustHint")}</p>
          <label htmlFor="adjust-reason" className="block text-slate-700">
            {t("review.adjustReason")}
            <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
          </label>
          <textarea
            id="adjust-reason"
            rows={3}
            maxLength={2000}
            required
            className={`${cls.input} h-auto`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={adjust.errors.reason?.length ? true : undefined}
            aria-describedby={adjust.errors.reason?.length ? "adjust-reason-error" : undefined}
          />
          <FieldErrors id="adjust-reason-error" errors={adjust.errors.reason} />
          <div className="flex gap-2">
            <button type="submit" className={cls.primary} disabled={pending || reason.trim().length < 2}>
              {t("review.adjust")}
            </button>
            <button type="button" className={cls.button} onClick={() => setAdjusting(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
