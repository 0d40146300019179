"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { discloseObjectives } from "@/lib/actions/disclosure/disclose-objectives";
import { withdrawDisclosure } from "@/lib/actions/disclosure/withdraw-disclosure";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "@/app/(site)/(app)/_workflow/result-notice";

export interface CandidateRow {
  id: number;
  title: string;
  ownerName: string;
  departmentName: string;
  /** The ledger's current budget, shown in 万元: disclosed exactly as it is, never typed again. */
  amountText: string;
  /** 公开期限 as shown, and whether it has passed (China date). */
  deadlineText: string;
  overdue: boolean;
}

/** Choose objectives whose budget is approved and disclose them together, each with the ledger's amount. */
export function DiscloseForm({
  year,
  rows,
  labels,
}: {
  year: number;
  rows: CandidateRow[];
  labels: { select: string; name: string; department: string; budget: string; deadline: string; overdue: string; disclose: string; reload: string; empty: string };
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<number[]>([]);
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  if (rows.length === 0) {
    return (
      <div>
        <ResultNotice state={state} reloadLabel={labels.reload} compact />
        <p className="py-3 text-slate-600">{labels.empty}</p>
      </div>
    );
  }
  const submit = () =>
    start(async () => {
      const result = await discloseObjectives({ fiscalYear: year, items: chosen.map((objectiveId) => ({ objectiveId })) });
      setState(result);
      if (result.ok) {
        setChosen([]);
        router.refresh();
      }
    });
  return (
    <div>
      <ResultNotice state={state} reloadLabel={labels.reload} compact />
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="w-12 px-2 py-1.5">{labels.select}</th>
            <th scope="col" className="px-2 py-1.5">{labels.name}</th>
            <th scope="col" className="px-2 py-1.5">{labels.department}</th>
            <th scope="col" className="px-2 py-1.5 text-right">{labels.budget}</th>
            <th scope="col" className="px-2 py-1.5">{labels.deadline}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const on = chosen.includes(r.id);
            const err = state && !state.ok ? state.fieldErrors?.[`items.${chosen.indexOf(r.id)}.objectiveId`] : undefined;
            return (
              <tr key={r.id} className="border-b border-slate-200">
                <td className="px-2 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`${labels.select} ${r.title}`}
                    checked={on}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))}
                    data-testid={`disclose-pick-${i}`}
                  />
                </td>
                <td className="px-2 py-1.5">
                  {r.title}
                  <span className="block text-xs text-slate-500">{r.ownerName}</span>
                  {on && err && <span className="block text-xs text-red-700">{err.join(" ")}</span>}
                </td>
                <td className="px-2 py-1.5">{r.departmentName}</td>
                <td className="px-2 py-1.5 text-right tabular-nums" data-testid={`disclose-amount-${r.id}`}>
                  {r.amountText}
                </td>
                <td className="px-2 py-1.5 tabular-nums">
                  {r.deadlineText}
                  {r.overdue && <span className="badge ml-1 bg-red-100 text-red-800">{labels.overdue}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-3">
        <ConfirmButton label={labels.disclose} disabled={pending || chosen.length === 0} onConfirm={submit} />
      </div>
    </div>
  );
}

/** Withdraw one disclosure, with the reason on record. */
export function WithdrawForm({ id, version, labels }: { id: number; version: number; labels: { withdraw: string; reason: string; confirm: string; reload: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <button type="button" className={cls.small} onClick={() => setOpen(true)}>
        {labels.withdraw}
      </button>
    );
  }
  const err = state && !state.ok ? state.fieldErrors?.reason : undefined;
  return (
    <form noValidate
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await withdrawDisclosure({ disclosureId: id, version, reason });
          setState(result);
          if (result.ok) router.refresh();
        });
      }}
    >
      <ResultNotice state={state} reloadLabel={labels.reload} compact />
      <label className="sr-only" htmlFor={`reason-${id}`}>
        {labels.reason}
      </label>
      <input id={`reason-${id}`} className={`${cls.input} w-56`} placeholder={labels.reason} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={err ? true : undefined} />
      <button type="submit" className={cls.small} disabled={pending}>
        {labels.confirm}
      </button>
      {err && <span className="w-full text-xs text-red-700">{err.join(" ")}</span>}
    </form>
  );
}
