"use client";
import { chinaYear } from "@/lib/format";
import { useState } from "react";
import type { Grade } from "@/db/schema/enums";
import { decideBudgetProposal } from "@/lib/actions/evaluation/decide-budget-proposal";
import { generateBudgetProposals } from "@/lib/actions/evaluation/generate-budget-proposals";
import { reviseBudgetProposal } from "@/lib/actions/evaluation/revise-budget-proposal";
import { refusedInput } from "@/lib/actions/result";
import { wanToYuan } from "@/lib/project/money";
import { Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** Generates the proposals of an evaluated year (for the year after it), and says how many subjects got none. */
export function GenerateProposals({ years, defaultYear }: { years: number[]; defaultYear?: number }) {
  const t = useT();
  const [year, setYear] = useState(String(defaultYear ?? years[years.length - 1] ?? chinaYear() - 1));
  const { state, pending, run } = useActionCall(generateBudgetProposals);
  const counts = state?.ok ? state.data : null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id="gen-year" label={t("evaluation.fields.fiscalYear")} value={year} onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setYear(e.target.value)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <button type="button" className={cls.primary} disabled={pending} onClick={() => run({ fiscalYear: Number(year) })}>
        {t("evaluation.proposal.generate")}
      </button>
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      {counts && (
        <p className="w-full text-sm text-slate-700" data-testid="proposal-generated-counts">
          {t("evaluation.proposal.generatedCounts", { year, subjects: counts.subjects, created: counts.created })}
        </p>
      )}
    </div>
  );
}

/** Change the proposed amount (typed in 万元) with a reason before deciding; 差 above zero also needs the exception. */
export function ReviseProposal({ proposalId, version, grade }: { proposalId: number; version: number; grade: Grade }) {
  const t = useT();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [exception, setException] = useState("");
  const { state, setState, pending, errors, run } = useActionCall(reviseBudgetProposal);
  function revise() {
    const yuan = amount.trim() ? wanToYuan(amount) : "";
    if (yuan === null) return setState(refusedInput(t("errors.invalid_input"), { amount: [t("errors.amountWan")] }));
    run({ proposalId, version, amount: yuan, reason, exceptionReason: exception });
  }
  return (
    <div className="space-y-2" data-testid="proposal-revise">
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      <Field id={`revise-amount-${proposalId}`} label={t("evaluation.proposal.newAmount")} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} errors={errors.amount} />
      <Field id={`revise-reason-${proposalId}`} label={t("evaluation.proposal.revisionReason")} value={reason} onChange={(e) => setReason(e.target.value)} errors={errors.reason} />
      {grade === "poor" && <Field id={`revise-exception-${proposalId}`} label={t("evaluation.proposal.exceptionReason")} value={exception} onChange={(e) => setException(e.target.value)} errors={errors.exceptionReason} />}
      <button type="button" className={cls.button} disabled={pending} onClick={revise}>
        {t("evaluation.proposal.revise")}
      </button>
    </div>
  );
}

/** Confirm the proposal, or override it with an amount and a reason (and, for 差, an exception). */
export function DecideProposal({ proposalId, version, grade }: { proposalId: number; version: number; grade: Grade }) {
  const t = useT();
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [exception, setException] = useState("");
  const [withdraw, setWithdraw] = useState(false);
  const { state, setState, pending, errors, run } = useActionCall(decideBudgetProposal);
  const base = { proposalId, version, reason, exceptionReason: exception, withdraw };
  // The amount is typed in 万元 like every amount on screen; the action takes 元 (empty: the server says it is needed).
  function override() {
    const yuan = amount.trim() ? wanToYuan(amount) : "";
    if (yuan === null) return setState(refusedInput(t("errors.invalid_input"), { amount: [t("errors.amountWan")] }));
    run({ ...base, decision: "override", amount: yuan });
  }
  return (
    <div className="space-y-2">
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      <Field id={`amount-${proposalId}`} label={t("evaluation.proposal.amount")} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} errors={errors.amount} />
      <Field id={`reason-${proposalId}`} label={t("evaluation.proposal.reason")} value={reason} onChange={(e) => setReason(e.target.value)} errors={errors.reason} />
      {grade === "poor" && (
        <>
          <Field id={`exception-${proposalId}`} label={t("evaluation.proposal.exceptionReason")} value={exception} onChange={(e) => setException(e.target.value)} errors={errors.exceptionReason} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={withdraw} onChange={(e) => setWithdraw(e.target.checked)} aria-describedby={errors.withdraw ? `withdraw-${proposalId}-error` : undefined} />
            {t("evaluation.proposal.withdraw")}
          </label>
          <FieldErrors id={`withdraw-${proposalId}-error`} errors={errors.withdraw} />
        </>
      )}
      <div className="flex gap-2">
        <button type="button" className={cls.primary} disabled={pending} onClick={() => run({ ...base, decision: "confirm", amount: null })}>
          {t("evaluation.proposal.confirm")}
        </button>
        <button type="button" className={cls.button} disabled={pending} onClick={override}>
          {t("evaluation.proposal.override")}
        </button>
      </div>
    </div>
  );
}
