"use client";
import { useState } from "react";
import { approveBudget } from "@/lib/actions/ledger/approve-budget";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

export interface ApproveRow {
  objectiveId: number;
  title: string;
  requestedText: string;
  suggestedText: string | null;
  /** 万元, prefilled with the confirmed proposal, else the requested amount. */
  amount: string;
}

/**
 * 批复: the department's approved objectives, each with its amount (万元, prefilled, editable, and a
 * reason when above the request), chosen together and approved under one 批复文号 and date.
 */
export function ApproveForm({ departmentOrgId, fiscalYear, rows }: { departmentOrgId: number; fiscalYear: number; rows: ApproveRow[] }) {
  const t = useT();
  const [chosen, setChosen] = useState<Record<number, boolean>>(() => Object.fromEntries(rows.map((r) => [r.objectiveId, true])));
  const [amounts, setAmounts] = useState<Record<number, string>>(() => Object.fromEntries(rows.map((r) => [r.objectiveId, r.amount])));
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [documentNo, setDocumentNo] = useState("");
  const [documentDate, setDocumentDate] = useState("");
  const { state, setState, pending, errors, run } = useActionCall(approveBudget);
  const picked = rows.filter((r) => chosen[r.objectiveId]);
  // The action names a row's problems by its place in the items sent (items.<i>.<field>).
  const rowError = (objectiveId: number, field: string) => {
    const i = picked.findIndex((r) => r.objectiveId === objectiveId);
    return i >= 0 ? errors[`items.${i}.${field}`] : undefined;
  };
  return (
    <form
      noValidate
      aria-label={t("ledger.approveTitle")}
      className="space-y-3 rounded-sm border border-slate-300 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        run({
          departmentOrgId,
          fiscalYear,
          documentNo,
          documentDate,
          items: picked.map((r) => ({ objectiveId: r.objectiveId, amount: amounts[r.objectiveId] ?? "", reason: reasons[r.objectiveId] ?? "" })),
        });
      }}
    >
      <ResultNotice state={state} reloadLabel={t("pool.conflictReload")} onReload={() => setState(null)} />
      <table className="data-table w-full text-sm">
        <thead>
          <tr>
            <th scope="col" className="w-8" />
            <th scope="col">{t("ledger.objectives")}</th>
            <th scope="col" className="text-right">{t("ledger.requested")}</th>
            <th scope="col" className="text-right">{t("ledger.suggested")}</th>
            <th scope="col">{t("ledger.arrangedAmount")}</th>
            <th scope="col">{t("ledger.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.objectiveId} data-testid="approve-row">
              <td>
                <input type="checkbox" aria-label={r.title} checked={!!chosen[r.objectiveId]} onChange={(e) => setChosen({ ...chosen, [r.objectiveId]: e.target.checked })} />
              </td>
              <td>
                {r.title}
                {rowError(r.objectiveId, "objectiveId")?.map((m) => (
                  <span key={m} className="block text-xs text-red-700">
                    {m}
                  </span>
                ))}
              </td>
              <td className="text-right tabular-nums">{r.requestedText}</td>
              <td className="text-right tabular-nums">{r.suggestedText ?? "—"}</td>
              <td className="min-w-36">
                <input
                  id={`approve-amount-${r.objectiveId}`}
                  name={`items.${picked.findIndex((p) => p.objectiveId === r.objectiveId)}.amount`}
                  aria-label={`${r.title} ${t("ledger.arrangedAmount")}`}
                  aria-invalid={rowError(r.objectiveId, "amount")?.length ? true : undefined}
                  className={cls.input}
                  inputMode="decimal"
                  value={amounts[r.objectiveId] ?? ""}
                  onChange={(e) => setAmounts({ ...amounts, [r.objectiveId]: e.target.value })}
                />
                {rowError(r.objectiveId, "amount")?.map((m) => (
                  <span key={m} className="block text-xs text-red-700">
                    {m}
                  </span>
                ))}
              </td>
              <td className="min-w-40">
                <input
                  id={`approve-reason-${r.objectiveId}`}
                  name={`items.${picked.findIndex((p) => p.objectiveId === r.objectiveId)}.reason`}
                  aria-label={`${r.title} ${t("ledger.reason")}`}
                  aria-invalid={rowError(r.objectiveId, "reason")?.length ? true : undefined}
                  className={cls.input}
                  maxLength={2000}
                  value={reasons[r.objectiveId] ?? ""}
                  onChange={(e) => setReasons({ ...reasons, [r.objectiveId]: e.target.value })}
                />
                {rowError(r.objectiveId, "reason")?.map((m) => (
                  <span key={m} className="block text-xs text-red-700">
                    {m}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.items?.map((m) => (
        <p key={m} className="text-sm text-red-700">
          {m}
        </p>
      ))}
      <div className="grid max-w-xl grid-cols-2 gap-3">
        <Field id="approve-document-no" name="documentNo" label={t("ledger.documentNo")} required maxLength={60} value={documentNo} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDocumentNo(e.target.value)} errors={errors.documentNo} />
        <Field id="approve-document-date" name="documentDate" type="date" label={t("ledger.documentDate")} required value={documentDate} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDocumentDate(e.target.value)} errors={errors.documentDate} />
      </div>
      <button type="submit" className={cls.primary} disabled={pending || picked.length === 0}>
        {t("ledger.approve")}
      </button>
    </form>
  );
}
