"use client";
import { useState } from "react";
import Decimal from "decimal.js";
import { issueRegionalObjectives } from "@/lib/actions/objective/issue-regional-objectives";
import { wan, wanToYuan } from "@/lib/project/money";
import { FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";
import { nextKey } from "./edit/money";

export interface Recipient {
  id: number;
  name: string;
  regionName: string;
  issued: boolean;
}

type Row = { key: string; orgId: string; amount: string };
const blankRow = (): Row => ({ key: nextKey(), orgId: "", amount: "" });

/**
 * 下达区域目标: rows of (recipient department of a region below, amount in 万元) → issueRegionalObjectives,
 * amounts converted to 元. Each region's objective starts from the overall one and is filled in there.
 */
export function IssueRegional({
  objectiveId,
  recipients,
  totalYuan,
  issuedYuan,
}: {
  objectiveId: number;
  recipients: Recipient[];
  /** The overall objective's amount and what has been issued so far, in 元. */
  totalYuan: string;
  issuedYuan: string;
}) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => [blankRow()]);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [count, setCount] = useState(0);
  const { state, setState, pending, errors, run } = useActionCall(issueRegionalObjectives, {
    onSuccess: () => {
      setRows([blankRow()]);
      setLocal({});
    },
  });

  const left = Decimal.max(new Decimal(totalYuan).minus(issuedYuan), 0);
  const sum = rows.reduce((s, r) => {
    const y = wanToYuan(r.amount);
    return y ? s.plus(y) : s;
  }, new Decimal(0));
  const errs = (key: string) => local[key] ?? errors[key];

  function change(i: number, patch: Partial<Row>) {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }
  // Server messages are keyed by row index: once rows move they no longer fit.
  function reshape(next: Row[]) {
    setRows(next);
    setLocal({});
    setState(null);
  }

  function submit() {
    const found: Record<string, string[]> = {};
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!r.orgId) found[`allocations.${i}.orgId`] = [t("review.regional.chooseRecipient")];
      else if (seen.has(r.orgId)) found[`allocations.${i}.orgId`] = [t("review.regional.duplicate")];
      seen.add(r.orgId);
      const y = wanToYuan(r.amount);
      if (y === null || new Decimal(y).lte(0)) found[`allocations.${i}.amount`] = [t("review.regional.amountPositive")];
    });
    if (!Object.keys(found).length && sum.gt(left)) found.allocations = [t("review.regional.overLeft")];
    setLocal(found);
    if (Object.keys(found).length) return;
    setCount(rows.length);
    run({ objectiveId, allocations: rows.map((r) => ({ orgId: Number(r.orgId), amount: wanToYuan(r.amount)! })) });
  }

  const shown = state?.ok ? { ...state, message: t("review.regional.issued", { n: count }) } : state;
  return (
    <Disclosure label={`＋ ${t("review.regional.issue")}`}>
      <form
        className="space-y-3 rounded-sm border border-slate-300 bg-slate-50 p-3"
        aria-label={t("review.regional.issue")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ResultNotice state={shown} reloadLabel={t("review.conflictReload")} />
        <p className="text-slate-600">{t("review.regional.issueHint", { total: wan(totalYuan), issued: wan(issuedYuan), left: wan(left.toFixed(2)) })}</p>
        <table className="w-full border-collapse border border-slate-300 bg-white text-sm">
          <thead>
            <tr className="bg-slate-100 text-left">
              <th scope="col" className="w-10 border border-slate-300 px-2 py-1.5 text-center">#</th>
              <th scope="col" className="border border-slate-300 px-2 py-1.5">{t("review.regional.recipient")}</th>
              <th scope="col" className="w-52 border border-slate-300 px-2 py-1.5">{t("review.regional.allocated")}</th>
              <th scope="col" className="w-20 border border-slate-300 px-2 py-1.5">
                <span className="sr-only">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const orgErr = errs(`allocations.${i}.orgId`);
              const amountErr = errs(`allocations.${i}.amount`);
              const row = t("review.regional.rowLabel", { n: i + 1 });
              return (
                <tr key={r.key} className="align-top">
                  <td className="border border-slate-200 px-2 py-1.5 text-center tabular-nums text-slate-500">{i + 1}</td>
                  <td className="border border-slate-200 px-2 py-1.5">
                    <label htmlFor={`alloc-${r.key}-org`} className="sr-only">
                      {`${row} ${t("review.regional.recipient")}`}
                    </label>
                    <select
                      id={`alloc-${r.key}-org`}
                      className={cls.input}
                      value={r.orgId}
                      onChange={(e) => change(i, { orgId: e.target.value })}
                      aria-invalid={orgErr?.length ? true : undefined}
                      aria-describedby={orgErr?.length ? `alloc-${r.key}-org-error` : undefined}
                    >
                      <option value="">{t("review.regional.chooseRecipient")}</option>
                      {recipients.map((o) => (
                        <option key={o.id} value={String(o.id)} disabled={o.issued}>
                          {`${o.regionName} · ${o.name}${o.issued ? t("review.regional.alreadyIssued") : ""}`}
                        </option>
                      ))}
                    </select>
                    <FieldErrors id={`alloc-${r.key}-org-error`} errors={orgErr} />
                  </td>
                  <td className="border border-slate-200 px-2 py-1.5">
                    <label htmlFor={`alloc-${r.key}-amount`} className="sr-only">
                      {`${row} ${t("review.regional.allocated")}`}
                    </label>
                    <input
                      id={`alloc-${r.key}-amount`}
                      className={`${cls.input} text-right tabular-nums`}
                      inputMode="decimal"
                      autoComplete="off"
                      value={r.amount}
                      onChange={(e) => change(i, { amount: e.target.value })}
                      aria-invalid={amountErr?.length ? true : undefined}
                      aria-describedby={amountErr?.length ? `alloc-${r.key}-amount-error` : undefined}
                    />
                    <FieldErrors id={`alloc-${r.key}-amount-error`} errors={amountErr} />
                  </td>
                  <td className="border border-slate-200 px-2 py-1.5 text-center">
                    <button
                      type="button"
                      className={cls.small}
                      disabled={rows.length === 1}
                      aria-label={`${t("review.regional.removeRow")} ${row}`}
                      onClick={() => reshape(rows.filter((_, j) => j !== i))}
                    >
                      {t("review.regional.removeRow")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="bg-slate-50">
              <td colSpan={2} className="border border-slate-200 px-2 py-1.5">
                <button type="button" className={cls.small} onClick={() => reshape([...rows, blankRow()])}>
                  ＋ {t("review.regional.addRow")}
                </button>
              </td>
              <td className={`border border-slate-200 px-2 py-1.5 text-right tabular-nums ${sum.gt(left) ? "font-semibold text-red-700" : ""}`} aria-live="polite">
                {t("review.regional.sum", { amount: wan(sum.toFixed(2)) })}
              </td>
              <td className="border border-slate-200" />
            </tr>
          </tfoot>
        </table>
        <FieldErrors errors={[...(errs("allocations") ?? []), ...(errors.objectiveId ?? [])]} />
        <button type="submit" className={cls.primary} disabled={pending}>
          {pending ? t("common.submitting") : t("review.regional.submit")}
        </button>
      </form>
    </Disclosure>
  );
}
