"use client";
import { useState } from "react";
import Link from "next/link";
import { decideIndicatorChange } from "@/lib/actions/indicator/decide-change";
import type { IndicatorChangeEvent } from "@/lib/workflow/indicator";
import { useT } from "@/app/_components/i18n";
import { Badge, cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";
import { TextArea } from "../fields-editor";

/**
 * 批准 / 驳回 one pending request (finance): the buttons of the events the change workflow offers (`events`, from available()). The row stays where it is after the decision, showing
 * the outcome, so a list being worked through does not jump; a reload shows it among the decided.
 */
export function DecideForm({ requestId, version, events }: { requestId: number; version: number; events: readonly IndicatorChangeEvent[] }) {
  const t = useT();
  const [approve, setApprove] = useState<boolean | null>(null);
  const [missingReason, setMissingReason] = useState(false);
  const { state, setState, pending, errors, run } = useActionCall(decideIndicatorChange, { refresh: false });
  const id = `decide-${requestId}`;

  function decide(form: HTMLFormElement | null, yes: boolean) {
    const reason = String(new FormData(form ?? undefined).get("reason") ?? "").trim();
    if (!yes && !reason) {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    setApprove(yes);
    run({ requestId, version, approve: yes, reason: reason || null });
  }

  if (state?.ok) {
    const published = state.data.published;
    const message = approve
      ? published
        ? t("bank.changes.approvedPublished", { id: requestId, code: published.code, version: published.version })
        : t("bank.changes.approved", { id: requestId })
      : t("bank.changes.rejected", { id: requestId });
    return (
      <div className="space-y-2" data-testid={`decided-${requestId}`}>
        <Badge tone={approve ? "green" : "red"}>{t(approve ? "bank.changes.statusLabel.approved" : "bank.changes.statusLabel.rejected")}</Badge>
        <ResultNotice state={{ ...state, message }} reloadLabel={t("bank.act.reload")} compact />
        {published && (
          <Link href={`/indicators/${encodeURIComponent(published.code)}`} className={cls.link}>
            {t("bank.propose.viewIndicator")} {published.code}
          </Link>
        )}
      </div>
    );
  }

  const reasonErrors = [...(missingReason ? [t("bank.changes.rejectNeedsReason")] : []), ...(errors.reason ?? [])];
  return (
    <form
      className="min-w-56 space-y-2"
      aria-label={t("bank.changes.requestNo", { id: requestId })}
      onSubmit={(e) => {
        e.preventDefault();
        if (events.includes("approve")) decide(e.currentTarget, true);
      }}
      noValidate
    >
      <Badge tone="amber">{t("bank.changes.statusLabel.pending")}</Badge>
      <ResultNotice state={state} reloadLabel={t("bank.act.reload")} onReload={() => setState(null)} compact />
      <TextArea id={`${id}-reason`} name="reason" label={t("bank.changes.decisionReasonLabel")} hint={t("bank.changes.decisionReasonHint")} errors={reasonErrors} />
      <div className="flex gap-2">
        {events.includes("approve") && (
          <button type="submit" className={cls.primary} disabled={pending}>
            {t("bank.changes.approve")}
          </button>
        )}
        {events.includes("reject") && (
          <button type="button" className={`${cls.button} text-red-800`} disabled={pending} onClick={(e) => decide(e.currentTarget.form, false)}>
            {t("bank.changes.reject")}
          </button>
        )}
      </div>
    </form>
  );
}
