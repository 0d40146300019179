"use client";
import { useState } from "react";
import Decimal from "decimal.js";
import { issueRegionalObjectives } from "@/lib/actions/objective/issue-regional-objectives";
import { proportionalSplit } from "@/lib/objective/transfer-split";
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

/** An indicator split among the regions (lib/objective/transfer-split.ts), with the province's annual target. */
export interface SplitIndicator {
  ordinal: number;
  name: string;
  unit: string;
  annualTarget: string;
}

type Row = { key: string; orgId: string; amount: string; targets: Record<string, string> };
const blankRow = (): Row => ({ key: nextKey(), orgId: "", amount: "", targets: {} });

/**
 * 分解下达: rows of (recipient department of the same sector in a region below, amount in 万元, the
 * region's part of each additive quantity target) → issueRegionalObjectives, amounts in 元. The
 * targets follow the amounts in proportion (lib/objective/transfer-split.ts) until one is typed;
 * 按金额比例重新计算 puts them back. The sums are the server's to refuse, on their fields.
 */
export function IssueRegional({
  objectiveId,
  recipients,
  fundYuan,
  split,
}: {
  objectiveId: number;
  recipients: Recipient[];
  /** The fund of the approved overall objective, 元. */
  fundYuan: string;
  split: SplitIndicator[];
}) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => withDefaults([blankRow(), blankRow()], split));
  const [typed, setTyped] = useState(false);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [count, setCount] = useState(0);
  const { state, setState, pending, errors, run } = useActionCall(issueRegionalObjectives, {
    onSuccess: () => {
      setRows(withDefaults([blankRow(), blankRow()], split));
      setTyped(false);
      setLocal({});
    },
  });

  const fund = new Decimal(fundYuan);
  const sum = rows.reduce((s, r) => {
    const y = wanToYuan(r.amount);
    return y ? s.plus(y) : s;
  }, new Decimal(0));
  const errs = (key: string) => local[key] ?? errors[key];

  // Amounts or rows changed: the targets follow the amounts, unless the user has typed one.
  function update(next: Row[], reshaped: boolean) {
    setRows(typed ? next : withDefaults(next, split));
    if (reshaped) {
      // Server messages are keyed by row index: once rows move they no longer fit.
      setLocal({});
      setState(null);
    }
  }
  function change(i: number, patch: Partial<Row>) {
    update(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      false,
    );
  }
  function typeTarget(i: number, ordinal: number, value: string) {
    setTyped(true);
    setRows(rows.map((r, j) => (j === i ? { ...r, targets: { ...r.targets, [String(ordinal)]: value } } : r)));
  }

  function submit() {
    const found: Record<string, string[]> = {};
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!r.orgId) found[`allocations.${i}.orgId`] = [t("transfer.chooseRecipient")];
      else if (seen.has(r.orgId)) found[`allocations.${i}.orgId`] = [t("transfer.duplicate")];
      seen.add(r.orgId);
      const y = wanToYuan(r.amount);
      if (y === null || new Decimal(y).lte(0)) found[`allocations.${i}.amount`] = [t("review.regional.amountPositive")];
    });
    setLocal(found);
    if (Object.keys(found).length) return;
    setCount(rows.length);
    run({
      objectiveId,
      allocations: rows.map((r) => ({
        orgId: Number(r.orgId),
        amount: wanToYuan(r.amount)!,
        targets: Object.fromEntries(split.map((s) => [String(s.ordinal), (r.targets[String(s.ordinal)] ?? "").trim()])),
      })),
    });
  }

  const diff = fund.minus(sum);
  const sumText = diff.isZero()
    ? t("transfer.sumMatch", { sum: wan(sum.toFixed(2)) })
    : diff.gt(0)
      ? t("transfer.sumShort", { sum: wan(sum.toFixed(2)), diff: wan(diff.toFixed(2)) })
      : t("transfer.sumOver", { sum: wan(sum.toFixed(2)), diff: wan(diff.abs().toFixed(2)) });
  const shown = state?.ok ? { ...state, message: t("transfer.issued", { n: count }) } : state;
  const cell = "border border-slate-200 px-2 py-1.5";
  return (
    <Disclosure label={`＋ ${t("transfer.issue")}`}>
      <form
        className="space-y-3 rounded-sm border border-slate-300 bg-slate-50 p-3"
        aria-label={t("transfer.issue")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ResultNotice state={shown} reloadLabel={t("review.conflictReload")} />
        <p className="text-slate-600">{t("transfer.hint", { total: wan(fundYuan) })}</p>
        {split.length === 0 && <p className="text-slate-500">{t("transfer.targetsNone")}</p>}
        <div className="overflow-x-auto">
          <table className="w-full border-collapse border border-slate-300 bg-white text-sm" data-testid="transfer-split">
            <thead>
              <tr className="bg-slate-100 text-left align-bottom">
                <th scope="col" className="w-10 border border-slate-300 px-2 py-1.5 text-center">#</th>
                <th scope="col" className="min-w-56 border border-slate-300 px-2 py-1.5">{t("transfer.recipient")}</th>
                <th scope="col" className="w-44 border border-slate-300 px-2 py-1.5">{t("transfer.amount")}</th>
                {split.map((s) => (
                  <th key={s.ordinal} scope="col" className="w-40 border border-slate-300 px-2 py-1.5">
                    {t("transfer.target", { name: s.name, unit: s.unit })}
                  </th>
                ))}
                <th scope="col" className="w-20 border border-slate-300 px-2 py-1.5">
                  <span className="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const orgErr = errs(`allocations.${i}.orgId`);
                const amountErr = errs(`allocations.${i}.amount`);
                const row = t("transfer.rowLabel", { n: i + 1 });
                return (
                  <tr key={r.key} className="align-top">
                    <td className={`${cell} text-center tabular-nums text-slate-500`}>{i + 1}</td>
                    <td className={cell}>
                      <label htmlFor={`alloc-${r.key}-org`} className="sr-only">
                        {`${row} ${t("transfer.recipient")}`}
                      </label>
                      <select
                        id={`alloc-${r.key}-org`}
                        name={`allocations.${i}.orgId`}
                        className={cls.input}
                        value={r.orgId}
                        onChange={(e) => change(i, { orgId: e.target.value })}
                        aria-invalid={orgErr?.length ? true : undefined}
                        aria-describedby={orgErr?.length ? `alloc-${r.key}-org-error` : undefined}
                      >
                        <option value="">{t("transfer.chooseRecipient")}</option>
                        {recipients.map((o) => (
                          <option key={o.id} value={String(o.id)} disabled={o.issued}>
                            {`${o.regionName} · ${o.name}`}
                          </option>
                        ))}
                      </select>
                      <FieldErrors id={`alloc-${r.key}-org-error`} errors={orgErr} />
                    </td>
                    <td className={cell}>
                      <label htmlFor={`alloc-${r.key}-amount`} className="sr-only">
                        {`${row} ${t("transfer.amount")}`}
                      </label>
                      <input
                        id={`alloc-${r.key}-amount`}
                        name={`allocations.${i}.amount`}
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
                    {split.map((s) => {
                      const key = `allocations.${i}.targets.${s.ordinal}`;
                      const err = errs(key);
                      const id = `alloc-${r.key}-t${s.ordinal}`;
                      return (
                        <td key={s.ordinal} className={cell}>
                          <label htmlFor={id} className="sr-only">
                            {`${row} ${s.name}`}
                          </label>
                          <input
                            id={id}
                            name={key}
                            className={`${cls.input} text-right tabular-nums`}
                            inputMode="decimal"
                            autoComplete="off"
                            value={r.targets[String(s.ordinal)] ?? ""}
                            onChange={(e) => typeTarget(i, s.ordinal, e.target.value)}
                            aria-invalid={err?.length ? true : undefined}
                            aria-describedby={err?.length ? `${id}-error` : undefined}
                          />
                          <FieldErrors id={`${id}-error`} errors={err} />
                        </td>
                      );
                    })}
                    <td className={`${cell} text-center`}>
                      <button
                        type="button"
                        className={cls.small}
                        disabled={rows.length === 1}
                        aria-label={`${t("transfer.removeRow")} ${row}`}
                        onClick={() =>
                          update(
                            rows.filter((_, j) => j !== i),
                            true,
                          )
                        }
                      >
                        {t("transfer.removeRow")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="bg-slate-50 align-top">
                <td colSpan={2} className={cell}>
                  <button type="button" className={cls.small} onClick={() => update([...rows, blankRow()], true)}>
                    ＋ {t("transfer.addRow")}
                  </button>
                </td>
                <td className={`${cell} text-right tabular-nums ${diff.isZero() ? "text-emerald-800" : "font-semibold text-red-700"}`}>
                  <span aria-live="polite" data-testid="transfer-amount-sum">
                    {sumText}
                  </span>
                  <FieldErrors errors={errs("allocations")} />
                </td>
                {split.map((s) => {
                  const total = rows.reduce((acc, r) => {
                    const v = (r.targets[String(s.ordinal)] ?? "").trim();
                    return /^\d+(\.\d+)?$/.test(v) ? acc.plus(v) : acc;
                  }, new Decimal(0));
                  return (
                    <td key={s.ordinal} className={`${cell} text-right tabular-nums ${total.eq(s.annualTarget) ? "" : "font-semibold text-red-700"}`}>
                      <span data-testid={`transfer-target-sum-${s.ordinal}`}>{t("transfer.targetTotal", { sum: total.toFixed(), total: s.annualTarget })}</span>
                      <FieldErrors errors={errs(`targets.${s.ordinal}`)} />
                    </td>
                  );
                })}
                <td className={cell} />
              </tr>
            </tfoot>
          </table>
        </div>
        <FieldErrors errors={errors.objectiveId} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={cls.primary} disabled={pending}>
            {pending ? t("common.submitting") : t("transfer.submit")}
          </button>
          {split.length > 0 && (
            <button
              type="button"
              className={cls.button}
              onClick={() => {
                setTyped(false);
                setRows(withDefaults(rows, split));
              }}
            >
              {t("transfer.resplit")}
            </button>
          )}
        </div>
      </form>
    </Disclosure>
  );
}

/** The rows with each split target set in proportion to the typed amounts (exact, remainder to the last row). */
function withDefaults(rows: Row[], split: SplitIndicator[]): Row[] {
  const amounts = rows.map((r) => wanToYuan(r.amount) ?? "0");
  const parts = split.map((s) => proportionalSplit(s.annualTarget, amounts));
  return rows.map((r, i) => ({ ...r, targets: Object.fromEntries(split.map((s, k) => [String(s.ordinal), parts[k][i]])) }));
}
