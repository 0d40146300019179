"use client";
import { useState, type FormEvent } from "react";
import Decimal from "decimal.js";
import type { KeyTask } from "@/lib/validation/objective";
import { useT } from "@/app/_components/i18n";
import { Card, cls } from "@/app/_components/ui";
import { formatWanExact, parseWan, yuanToWan } from "@/lib/money";
import { keyTasksToYuan } from "@/lib/objective/funding-wan";
import { nextKey } from "./money";
import { cellCls, describe, fieldId, Labeled, Messages } from "./wizard-fields";
import { SaveBar, SaveOutcome, useStepSave, useUnsavedGuard } from "./wizard-save";

interface Props {
  objectiveId: number;
  editVersion: number;
  /** The department's budget (元) and its key tasks (amounts in 元). */
  initial: { requestedAmount?: string | null; tasks: readonly KeyTask[] };
  checks: Record<string, string[]>;
}

interface Row {
  key: string;
  name: string;
  content: string;
  amount: string;
}

function toForm(f: Props["initial"]) {
  return {
    requestedAmount: f.requestedAmount && new Decimal(f.requestedAmount).gt(0) ? yuanToWan(f.requestedAmount) : "",
    tasks: f.tasks.map((r): Row => ({ key: nextKey(), name: r.name, content: r.content ?? "", amount: r.amount ? yuanToWan(r.amount) : "" })),
  };
}

const payload = (form: ReturnType<typeof toForm>) => ({
  requestedAmount: form.requestedAmount.trim(),
  tasks: form.tasks.map((r) => ({ name: r.name, content: r.content, amount: r.amount.trim() })),
});

const yuanOf = (wan: string) => {
  const r = parseWan(wan);
  return r.ok ? new Decimal(r.yuan) : null;
};

/**
 * Step 2 of a department-overall objective · 年度主要任务 (重点工作): the department's budget for the
 * year and the key tasks it is spent on, each with its amount; all typed in 万元, sent in 元, and
 * the tasks must add up to the budget (shown as the user types, checked again on submission).
 */
export function StepKeyTasks({ objectiveId, editVersion, initial, checks }: Props) {
  const t = useT();
  const [baseline] = useState(() => toForm(initial));
  const [form, setForm] = useState(baseline);
  const { save, pending, waiting, result, errors } = useStepSave({ objectiveId, step: 2, editVersion, as: "keyTasks" });
  const dirty = JSON.stringify(payload(form)) !== JSON.stringify(payload(baseline));
  useUnsavedGuard(dirty && !waiting);

  const budget = yuanOf(form.requestedAmount);
  const amounts = form.tasks.map((r) => yuanOf(r.amount));
  const total = amounts.reduce((s: Decimal, a) => (a ? s.plus(a) : s), new Decimal(0));
  const allValid = amounts.every(Boolean);

  const setRow = (i: number, patch: Partial<Row>) => setForm((f) => ({ ...f, tasks: f.tasks.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const addRow = () => setForm((f) => ({ ...f, tasks: [...f.tasks, { key: nextKey(), name: "", content: "", amount: "" }] }));
  const removeRow = (i: number) => setForm((f) => ({ ...f, tasks: f.tasks.filter((_, j) => j !== i) }));
  const send = (next: boolean) => {
    const converted = keyTasksToYuan(payload(form));
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

  const budgetId = fieldId("requestedAmount");
  const budgetBad = form.requestedAmount.trim() !== "" && !budget;
  const budgetMsgs = { errors: budgetBad ? [t("errors.amountWan")] : errors.requestedAmount, checks: checks.requestedAmount };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("deptObjective.steps.s2")}>
      <SaveOutcome result={result} dirty={dirty} />
      <fieldset disabled={waiting || pending} className="min-w-0 space-y-5">
        <Card title={t("deptObjective.tasks.legend")}>
          <div className="max-w-md">
            <Labeled id={budgetId} label={t("deptObjective.tasks.budget")} required hint={t("deptObjective.tasks.budgetHint")} {...budgetMsgs}>
              <input
                id={budgetId}
                name="requestedAmount"
                inputMode="decimal"
                autoComplete="off"
                className={`${cls.input} text-right tabular-nums`}
                value={form.requestedAmount}
                onChange={(e) => setForm((f) => ({ ...f, requestedAmount: e.target.value }))}
                {...describe(budgetId, { hint: true, ...budgetMsgs })}
              />
            </Labeled>
          </div>

          <div className="mt-6 overflow-x-auto">
            <table id={fieldId("tasks")} className="w-full min-w-[40rem] max-w-5xl border-collapse border border-slate-400 text-sm">
              <thead>
                <tr className="bg-slate-100">
                  <th scope="col" className="w-12 border border-slate-300 px-2 py-1.5 text-center">#</th>
                  <th scope="col" className="w-64 border border-slate-300 px-2 py-1.5 text-left">{t("deptObjective.tasks.name")}</th>
                  <th scope="col" className="border border-slate-300 px-2 py-1.5 text-left">{t("deptObjective.tasks.content")}</th>
                  <th scope="col" className="w-48 border border-slate-300 px-2 py-1.5 text-right">{t("deptObjective.tasks.amount")}</th>
                  <th scope="col" className="w-20 border border-slate-300 px-2 py-1.5"><span className="sr-only">{t("wizard.perf.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {form.tasks.map((r, i) => {
                  const row = t("deptObjective.tasks.rowLabel", { n: i + 1 });
                  const cell = (name: string) => ({ id: fieldId(`tasks.${i}.${name}`), name: `tasks.${i}.${name}`, errors: errors[`tasks.${i}.${name}`] });
                  const nm = cell("name");
                  const ct = cell("content");
                  const amt = cell("amount");
                  const amtErrors = r.amount.trim() !== "" && !amounts[i] ? [t("errors.amountWan")] : amt.errors;
                  return (
                    <tr key={r.key} className="align-top" data-testid="task-row">
                      <td className="border border-slate-200 px-2 py-1.5 text-center text-slate-500">{i + 1}</td>
                      <td className="border border-slate-200 px-2 py-1.5">
                        <input id={nm.id} name={nm.name} aria-label={`${row} ${t("deptObjective.tasks.name")}`} className={cellCls} maxLength={200} value={r.name} onChange={(e) => setRow(i, { name: e.target.value })} {...describe(nm.id, { errors: nm.errors })} />
                        <Messages id={nm.id} errors={nm.errors} />
                      </td>
                      <td className="border border-slate-200 px-2 py-1.5">
                        <input id={ct.id} name={ct.name} aria-label={`${row} ${t("deptObjective.tasks.content")}`} className={cellCls} maxLength={1000} value={r.content} onChange={(e) => setRow(i, { content: e.target.value })} {...describe(ct.id, { errors: ct.errors })} />
                        <Messages id={ct.id} errors={ct.errors} />
                      </td>
                      <td className="border border-slate-200 px-2 py-1.5">
                        <input
                          id={amt.id}
                          name={amt.name}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={`${row} ${t("deptObjective.tasks.amount")}`}
                          className={`${cellCls} text-right tabular-nums`}
                          value={r.amount}
                          onChange={(e) => setRow(i, { amount: e.target.value })}
                          {...describe(amt.id, { errors: amtErrors })}
                        />
                        <Messages id={amt.id} errors={amtErrors} />
                      </td>
                      <td className="border border-slate-200 px-2 py-1.5 text-center">
                        <button type="button" className={cls.small} onClick={() => removeRow(i)} aria-label={`${row} ${t("deptObjective.tasks.remove")}`}>
                          {t("deptObjective.tasks.remove")}
                        </button>
                      </td>
                    </tr>
                  );
                })}
                {form.tasks.length === 0 && (
                  <tr>
                    <td colSpan={5} className="border border-slate-200 px-3 py-4 text-center text-slate-500">
                      {t("deptObjective.tasks.empty")}
                    </td>
                  </tr>
                )}
              </tbody>
              <tfoot>
                <tr className="bg-slate-50 font-semibold">
                  <td colSpan={3} className="border border-slate-300 px-2 py-1.5 text-right">
                    {t("deptObjective.tasks.total")}
                  </td>
                  <td className="border border-slate-300 px-2 py-1.5 text-right tabular-nums" data-testid="tasks-total">
                    {t("wizard.funding.totalWan", { amount: formatWanExact(total) })}
                  </td>
                  <td className="border border-slate-300" />
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="mt-2 flex flex-wrap items-start gap-3">
            <button type="button" className={cls.button} onClick={addRow} data-testid="add-task">
              ＋ {t("deptObjective.tasks.add")}
            </button>
            <div aria-live="polite" className="text-sm" data-testid="tasks-match">
              {budget && allValid && form.tasks.length > 0 &&
                (total.eq(budget) ? (
                  <span className="text-emerald-700">✓ {t("deptObjective.tasks.match")}</span>
                ) : (
                  <span className="text-amber-800">
                    ▲ {t("deptObjective.tasks.mismatch", { total: formatWanExact(total), budget: formatWanExact(budget), diff: formatWanExact(total.minus(budget).abs()) })}
                  </span>
                ))}
            </div>
          </div>
          <Messages id={fieldId("tasks")} errors={errors.tasks} checks={checks.tasks} />
        </Card>
      </fieldset>
      <SaveBar pending={pending} disabled={waiting} dirty={dirty} onSaveNext={() => send(true)} prevHref={`/objectives/${objectiveId}/edit?step=1`} />
    </form>
  );
}
