"use client";
import { useState } from "react";
import { arrangeBudget } from "@/lib/actions/ledger/arrange-budget";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../_workflow/result-notice";
import { useActionCall } from "../_workflow/use-action-call";

/**
 * 安排预算: finance types the amount (万元) and the 批复文号 and date, beside the requested amount,
 * the appraisal's conclusion and the confirmed result-application proposal (prefilled when there is one).
 */
export function ArrangeForm({ objectiveId, requestedText, suggested, suggestedText, conclusionText }: { objectiveId: number; requestedText: string; suggested: string | null; suggestedText: string | null; conclusionText: string | null }) {
  const t = useT();
  const [amount, setAmount] = useState(suggested ?? "");
  const [documentNo, setDocumentNo] = useState("");
  const [documentDate, setDocumentDate] = useState("");
  const [reason, setReason] = useState("");
  const { state, setState, pending, errors, run } = useActionCall(arrangeBudget);
  return (
    <form
      noValidate
      aria-label={t("ledger.arrangeTitle")}
      className="space-y-2 rounded-sm border border-slate-300 bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ objectiveId, amount, documentNo, documentDate, reason });
      }}
    >
      <p className="font-medium">{t("ledger.arrangeTitle")}</p>
      <p className="text-xs text-slate-500">{t("ledger.arrangeHint")}</p>
      <dl className="grid grid-cols-2 gap-1 text-sm">
        <dt className="text-slate-500">{t("ledger.requested")}</dt>
        <dd className="tabular-nums" data-testid="arrange-requested">{requestedText}</dd>
        <dt className="text-slate-500">{t("ledger.appraisal")}</dt>
        <dd>{conclusionText ?? "—"}</dd>
        {suggestedText && (
          <>
            <dt className="text-slate-500">{t("ledger.suggested")}</dt>
            <dd className="tabular-nums">{suggestedText}</dd>
          </>
        )}
      </dl>
      <ResultNotice state={state} reloadLabel={t("pool.conflictReload")} onReload={() => setState(null)} />
      <Field id="arrange-amount" name="amount" inputMode="decimal" label={t("ledger.arrangedAmount")} required value={amount} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAmount(e.target.value)} errors={errors.amount} />
      <Field id="arrange-document-no" name="documentNo" label={t("ledger.documentNo")} required maxLength={60} value={documentNo} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDocumentNo(e.target.value)} errors={errors.documentNo} />
      <Field id="arrange-document-date" name="documentDate" type="date" label={t("ledger.documentDate")} required value={documentDate} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDocumentDate(e.target.value)} errors={errors.documentDate} />
      <Field id="arrange-reason" name="reason" label={t("ledger.reason")} maxLength={2000} value={reason} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)} errors={errors.reason} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("ledger.arrange")}
      </button>
    </form>
  );
}
