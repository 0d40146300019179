"use client";
import { useState, type FormEvent } from "react";
import Decimal from "decimal.js";
import { FUND_SOURCES, type FundSource } from "@/db/schema/enums";
import type { Funding } from "@/lib/validation/objective";
import { useT } from "@/app/_components/i18n";
import { Card, cls } from "@/app/_components/ui";
import { formatMoney } from "@/lib/format";
import { formatWanExact, parseWan, yuanToWan } from "@/lib/money";
import { fundingToYuan } from "@/lib/objective/funding-wan";
import { nextKey } from "./money";
import { cellCls, describe, fieldId, Labeled, Messages, textareaCls } from "./wizard-fields";
import { SaveBar, SaveOutcome, useStepSave, useUnsavedGuard } from "./wizard-save";

interface Props {
  objectiveId: number;
  editVersion: number;
  initial: Partial<Funding>;
  fiscalYear: number;
  checks: Record<string, string[]>;
}

interface Row {
  key: string;
  source: FundSource | "";
  year: string;
  amount: string;
}

function toForm(f: Partial<Funding>) {
  return {
    requestedAmount: f.requestedAmount && new Decimal(f.requestedAmount).gt(0) ? yuanToWan(f.requestedAmount) : "",
    rows: (f.rows ?? []).map((r): Row => ({ key: nextKey(), source: r.source, year: String(r.year), amount: r.amount ? yuanToWan(r.amount) : "" })),
    fundUses: f.fundUses ?? "",
  };
}

/** What the form holds, amounts as typed in 万元 (compared to tell whether anything changed). */
const payload = (form: ReturnType<typeof toForm>) => ({
  requestedAmount: form.requestedAmount.trim(),
  rows: form.rows.map((r) => ({ source: r.source, year: r.year, amount: r.amount.trim() })),
  fundUses: form.fundUses,
});

/** A typed 万元 amount as exact 元, or null when it is not an amount. */
const yuanOf = (wan: string) => {
  const r = parseWan(wan);
  return r.ok ? new Decimal(r.yuan) : null;
};

/** Step 2 · 资金需求: the amount, where it comes from by source and year, and what it is for. */
export function StepFunding({ objectiveId, editVersion, initial, fiscalYear, checks }: Props) {
  const t = useT();
  const [baseline] = useState(() => toForm(initial));
  const [form, setForm] = useState(baseline);
  const { save, pending, waiting, result, errors } = useStepSave({ objectiveId, step: 2, editVersion });
  const dirty = JSON.stringify(payload(form)) !== JSON.stringify(payload(baseline));
  useUnsavedGuard(dirty && !waiting);

  const requested = yuanOf(form.requestedAmount);
  const amounts = form.rows.map((r) => yuanOf(r.amount));
  const total = amounts.reduce((s: Decimal, a) => (a ? s.plus(a) : s), new Decimal(0));
  const allValid = amounts.every(Boolean);

  const setRow = (i: number, patch: Partial<Row>) => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const addRow = () => setForm((f) => ({ ...f, rows: [...f.rows, { key: nextKey(), source: "general_budget", year: String(fiscalYear), amount: "" }] }));
  const removeRow = (i: number) => setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }));
  /** Converted to 元 once, on the way to the action; a wrong amount is already marked on its field and nothing is sent. */
  const send = (next: boolean) => {
    const converted = fundingToYuan(payload(form));
    if (!converted.ok) {
      document.getElementById(fieldId(converted.badFields[0]))?.focus();
      return;
    }
    save(converted.data, next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(false);
  };

  const reqId = fieldId("requestedAmount");
  const reqBad = form.requestedAmount.trim() !== "" && !requested;
  const reqMsgs = { errors: reqBad ? [t("errors.amountWan")] : errors.requestedAmount, checks: checks.requestedAmount };
  const rowsMsgs = { errors: errors.rows, checks: checks.rows };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("wizard.steps.s2")}>
      <SaveOutcome result={result} dirty={dirty} />
      <fieldset disabled={waiting || pending} className="min-w-0 space-y-5">
        <Card title={t("wizard.steps.s2")}>
          <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
            <Labeled id={reqId} label={t("wizard.funding.requested")} required hint={t("wizard.funding.requestedHint")} {...reqMsgs}>
              <input
                id={reqId}
                name="requestedAmount"
                inputMode="decimal"
                autoComplete="off"
                className={`${cls.input} text-right tabular-nums`}
                value={form.requestedAmount}
                onChange={(e) => setForm((f) => ({ ...f, requestedAmount: e.target.value }))}
                {...describe(reqId, { hint: true, ...reqMsgs })}
              />
            </Labeled>
            <p className="self-center pt-5 text-slate-600 tabular-nums" aria-live="polite" data-testid="requested-wan">
              {requested && t("wizard.funding.inWan", { amount: formatMoney(requested.toFixed(2)) })}
            </p>
          </div>

          <h3 id={fieldId("rows")} className="mb-2 mt-6 font-semibold text-slate-800">
            {t("wizard.funding.rows")}
          </h3>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] max-w-4xl border-collapse border border-slate-400 text-sm">
              <thead>
                <tr className="bg-slate-100">
                  <th scope="col" className="w-12 border border-slate-300 px-2 py-1.5 text-center">#</th>
                  <th scope="col" className="border border-slate-300 px-2 py-1.5 text-left">{t("wizard.funding.source")}</th>
                  <th scope="col" className="w-28 border border-slate-300 px-2 py-1.5 text-left">{t("wizard.funding.year")}</th>
                  <th scope="col" className="w-56 border border-slate-300 px-2 py-1.5 text-right">{t("wizard.funding.amount")}</th>
                  <th scope="col" className="w-20 border border-slate-300 px-2 py-1.5"><span className="sr-only">{t("wizard.perf.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {form.rows.map((r, i) => {
                  const row = t("wizard.funding.rowLabel", { n: i + 1 });
                  const cell = (name: string) => ({ id: fieldId(`rows.${i}.${name}`), name: `rows.${i}.${name}`, errors: errors[`rows.${i}.${name}`] });
                  const src = cell("source");
                  const yr = cell("year");
                  const amt = cell("amount");
                  const amtBad = r.amount.trim() !== "" && !amounts[i];
                  return (
                    <tr key={r.key} className="align-top">
                      <td className="border border-slate-200 px-2 py-1.5 text-center text-slate-500">{i + 1}</td>
                      <td className="border border-slate-200 px-2 py-1.5">
                        <select
                          id={src.id}
                          name={src.name}
                          aria-label={`${row} ${t("wizard.funding.source")}`}
                          className={cellCls}
                          value={r.source}
                          onChange={(e) => setRow(i, { source: e.target.value as FundSource })}
                          {...describe(src.id, { errors: src.errors })}
                        >
                          {FUND_SOURCES.map((s) => (
                            <option key={s} value={s}>
                              {t(`wizard.fundSource.${s}`)}
                            </option>
                          ))}
                        </select>
                        <Messages id={src.id} errors={src.errors} />
                      </td>
                      <td className="border border-slate-200 px-2 py-1.5">
                        <input
                          id={yr.id}
                          name={yr.name}
                          inputMode="numeric"
                          aria-label={`${row} ${t("wizard.funding.year")}`}
                          className={cellCls}
                          value={r.year}
                          onChange={(e) => setRow(i, { year: e.target.value.trim() })}
                          {...describe(yr.id, { errors: yr.errors })}
                        />
                        <Messages id={yr.id} errors={yr.errors} />
                      </td>
                      <td className="border border-slate-200 px-2 py-1.5">
                        <input
                          id={amt.id}
                          name={amt.name}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={`${row} ${t("wizard.funding.amount")}`}
                          className={`${cellCls} text-right tabular-nums`}
                          value={r.amount}
                          onChange={(e) => setRow(i, { amount: e.target.value })}
                          {...describe(amt.id, { errors: amtBad ? [t("errors.amountWan")] : amt.errors })}
                        />
                        <Messages id={amt.id} errors={amtBad ? [t("errors.amountWan")] : amt.errors} />
                      </td>
                      <td className="border border-slate-200 px-2 py-1.5 text-center">
                        <button type="button" className={cls.small} onClick={() => removeRow(i)} aria-label={`${row} ${t("wizard.funding.remove")}`}>
                          {t("wizard.funding.remove")}
                        </button>
                      </td>
                    </tr>
                  );
                })}
                {form.rows.length === 0 && (
                  <tr>
                    <td colSpan={5} className="border border-slate-200 px-3 py-4 text-center text-slate-500">
                      {t("wizard.funding.empty")}
                    </td>
                  </tr>
                )}
              </tbody>
              <tfoot>
                <tr className="bg-slate-50 font-semibold">
                  <td colSpan={3} className="border border-slate-300 px-2 py-1.5 text-right">
                    {t("wizard.funding.total")}
                  </td>
                  <td className="border border-slate-300 px-2 py-1.5 text-right tabular-nums" data-testid="funding-total">
                    {t("wizard.funding.totalWan", { amount: formatWanExact(total) })}
                    <div className="text-xs font-normal text-slate-500">{t("wizard.funding.inWan", { amount: formatMoney(total.toFixed(2)) })}</div>
                  </td>
                  <td className="border border-slate-300" />
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="mt-2 flex flex-wrap items-start gap-3">
            <button type="button" className={cls.button} onClick={addRow}>
              ＋ {t("wizard.funding.addRow")}
            </button>
            <div aria-live="polite" className="text-sm" data-testid="funding-match">
              {requested && allValid && form.rows.length > 0 && (
                total.eq(requested) ? (
                  <span className="text-emerald-700">✓ {t("wizard.funding.match")}</span>
                ) : (
                  <span className="text-amber-800">
                    ▲ {t("wizard.funding.mismatch", { total: formatWanExact(total), requested: formatWanExact(requested), diff: formatWanExact(total.minus(requested).abs()) })}
                  </span>
                )
              )}
            </div>
          </div>
          <Messages id={fieldId("rows")} {...rowsMsgs} />

          <Labeled
            id={fieldId("fundUses")}
            label={t("wizard.funding.fundUses")}
            hint={t("wizard.funding.fundUsesHint")}
            errors={errors.fundUses}
            checks={checks.fundUses}
            className="mt-6 max-w-4xl"
          >
            <textarea
              id={fieldId("fundUses")}
              name="fundUses"
              rows={4}
              maxLength={2000}
              className={textareaCls}
              value={form.fundUses}
              onChange={(e) => setForm((f) => ({ ...f, fundUses: e.target.value }))}
              {...describe(fieldId("fundUses"), { hint: true, errors: errors.fundUses, checks: checks.fundUses })}
            />
          </Labeled>
        </Card>
      </fieldset>
      <SaveBar pending={pending} disabled={waiting} dirty={dirty} onSaveNext={() => send(true)} prevHref={`/objectives/${objectiveId}/edit?step=1`} />
    </form>
  );
}
