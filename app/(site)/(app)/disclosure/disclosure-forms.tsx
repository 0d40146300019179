"use client";
import { useRouter } from "next/navigation";
import { wanToYuan, yuanToWanInput } from "@/lib/project/money";
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
  amount: string;
  amountText: string;
}

/** Choose approved objectives (and the budget disclosed with each) and disclose them together. */
export function DiscloseForm({
  year,
  rows,
  labels,
}: {
  year: number;
  rows: CandidateRow[];
  labels: { select: string; name: string; department: string; budget: string; budgetInvalid: string; disclose: string; reload: string; empty: string };
}) {
  const router = useRouter();
  /** The chosen objectives and the budget typed for each, in 万元 like every amount on screen (sent in 元). */
  const [chosen, setChosen] = useState<Record<number, string>>({});
  const [invalid, setInvalid] = useState<Set<number>>(new Set());
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
      const typed = Object.entries(chosen).map(([id, wanText]) => ({ objectiveId: Number(id), amount: wanToYuan(wanText) }));
      const bad = new Set(typed.filter((i) => i.amount === null).map((i) => i.objectiveId));
      setInvalid(bad);
      if (bad.size) return;
      const items = typed.map((i) => ({ objectiveId: i.objectiveId, amount: i.amount! }));
      const result = await discloseObjectives({ fiscalYear: year, items });
      setState(result);
      if (result.ok) {
        setChosen({});
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
            <th scope="col" className="w-48 px-2 py-1.5">{labels.budget}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const on = r.id in chosen;
            const err = state && !state.ok ? state.fieldErrors?.[`items.${Object.keys(chosen).indexOf(String(r.id))}.objectiveId`] : undefined;
            return (
              <tr key={r.id} className="border-b border-slate-200">
                <td className="px-2 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`${labels.select} ${r.title}`}
                    checked={on}
                    onChange={(e) =>
                      setChosen((c) => {
                        const next = { ...c };
                        if (e.target.checked) next[r.id] = yuanToWanInput(r.amount);
                        else delete next[r.id];
                        return next;
                      })
                    }
                    data-testid={`disclose-pick-${i}`}
                  />
                </td>
                <td className="px-2 py-1.5">
                  {r.title}
                  <span className="block text-xs text-slate-500">{r.ownerName}</span>
                  {err && <span className="block text-xs text-red-700">{err.join(" ")}</span>}
                </td>
                <td className="px-2 py-1.5">{r.departmentName}</td>
                <td className="px-2 py-1.5">
                  <input
                    className={cls.input}
                    inputMode="decimal"
                    aria-label={`${labels.budget} ${r.title}`}
                    aria-invalid={invalid.has(r.id) ? true : undefined}
                    aria-describedby={invalid.has(r.id) ? `budget-err-${r.id}` : undefined}
                    disabled={!on}
                    value={on ? chosen[r.id] : yuanToWanInput(r.amount)}
                    onChange={(e) => setChosen((c) => ({ ...c, [r.id]: e.target.value }))}
                  />
                  {invalid.has(r.id) && (
                    <span id={`budget-err-${r.id}`} className="block text-xs text-red-700">
                      {labels.budgetInvalid}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-3">
        <ConfirmButton label={labels.disclose} disabled={pending || Object.keys(chosen).length === 0} onConfirm={submit} />
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
