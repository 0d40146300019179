"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import Decimal from "decimal.js";
import type { BankRef } from "@/lib/objective/bank-refs";
import type { Performance } from "@/lib/validation/objective";
import { useT } from "@/app/_components/i18n";
import { Card, cls } from "@/app/_components/ui";
import { BankPicker } from "./bank-picker";
import { blankRow, rowFromBank, rowFromSaved, rowPayload, type BankHit, type IndicatorRowState } from "./indicator-types";
import { IndicatorTable } from "./indicator-table";
import { nextKey } from "./money";
import { cellAreaCls, cellCls, describe, fieldId, Labeled, Messages, textareaCls } from "./wizard-fields";
import { SaveBar, SaveOutcome, useStepSave, useUnsavedGuard } from "./wizard-save";

interface Props {
  /** A department-overall objective: no plan and no multi-year goal; its 年度总体目标 and 部门整体绩效指标. */
  department?: boolean;
  objectiveId: number;
  editVersion: number;
  initial: Partial<Performance>;
  bank: Record<number, BankRef>;
  /** The returning review's comments, keyed by indicator name. */
  comments: Record<string, string>;
  fiscalYear: number;
  checks: Record<string, string[]>;
  /** The bank's sectors and the owning unit's own (the picker starts on it). */
  sectors: { code: string; name: string }[];
  ownSector: string | null;
}

interface PlanRow {
  key: string;
  start: string;
  end: string;
  content: string;
}

function toForm(p: Partial<Performance>, bank: Record<number, BankRef>, comments: Record<string, string>) {
  return {
    plan: (p.plan ?? []).map((r): PlanRow => ({ key: nextKey(), start: r.start, end: r.end, content: r.content })),
    overallGoal: p.overallGoal ?? "",
    annualGoal: p.annualGoal ?? "",
    indicators: (p.indicators ?? []).map((r) => rowFromSaved(r, r.indicatorId ? bank[r.indicatorId] : undefined, comments[r.name])),
  };
}

type Form = ReturnType<typeof toForm>;

const payload = (f: Form) => ({
  plan: f.plan.map(({ start, end, content }) => ({ start, end, content })),
  overallGoal: f.overallGoal,
  annualGoal: f.annualGoal,
  indicators: f.indicators.map(rowPayload),
});

const WEIGHT = /^\d{1,3}(\.\d{1,2})?$/;

/** Step 3 · 绩效信息: the implementation plan, the objectives and the indicator table. */
export function StepPerformance({ department = false, objectiveId, editVersion, initial, bank, comments, fiscalYear, checks, sectors, ownSector }: Props) {
  const t = useT();
  const [baseline] = useState(() => toForm(initial, bank, comments));
  const [form, setForm] = useState(baseline);
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { save, pending, waiting, result, errors, clearResult } = useStepSave({ objectiveId, step: 3, editVersion });
  const dirty = JSON.stringify(payload(form)) !== JSON.stringify(payload(baseline));
  useUnsavedGuard(dirty && !waiting);

  // Row errors name rows by position: once rows move, they would point at the wrong row.
  const restructure = (fn: (rows: IndicatorRowState[]) => IndicatorRowState[]) => {
    if (result && !result.ok) clearResult();
    setForm((f) => ({ ...f, indicators: fn(f.indicators) }));
  };
  const onChange = (i: number, patch: Partial<IndicatorRowState>) => setForm((f) => ({ ...f, indicators: f.indicators.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const onMove = (i: number, by: -1 | 1) =>
    restructure((rows) => {
      const next = [...rows];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const onRemove = (i: number) => restructure((rows) => rows.filter((_, j) => j !== i));
  // After a row is added, focus goes to its first input (not to the page's top).
  const focusRow = useRef<number | null>(null);
  const setFocusRow = (n: number) => {
    focusRow.current = n;
  };
  useEffect(() => {
    if (focusRow.current === null) return;
    const el = document.getElementById(fieldId(`indicators.${focusRow.current}.fundUse`));
    focusRow.current = null;
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "center" });
    }
  }, [form.indicators]);
  const onPick = (hit: BankHit) => {
    restructure((rows) => [...rows, rowFromBank(hit)]);
    setFocusRow(form.indicators.length);
    setNotice(t("wizard.bank.added", { name: hit.name, n: form.indicators.length + 1 }));
  };
  const setPlan = (i: number, patch: Partial<PlanRow>) => setForm((f) => ({ ...f, plan: f.plan.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(payload(form), false);
  };

  const weights = form.indicators.map((r) => r.weight.trim());
  const allBlank = weights.every((w) => w === "");
  const weightTotal = weights.reduce((s: Decimal, w) => (WEIGHT.test(w) ? s.plus(w) : s), new Decimal(0));
  const weightOk = allBlank || (weights.every((w) => WEIGHT.test(w) && new Decimal(w).gt(0)) && weightTotal.eq(100));
  const pickedIds = new Set(form.indicators.map((r) => r.indicatorId).filter((v): v is number => v !== null));

  const goal = (name: "overallGoal" | "annualGoal", label: string, hint?: string) => {
    const id = fieldId(name);
    const m = { errors: errors[name], checks: checks[name] };
    return (
      <Labeled id={id} label={label} required hint={hint} {...m}>
        <textarea
          id={id}
          name={name}
          rows={4}
          maxLength={4000}
          className={textareaCls}
          value={form[name]}
          onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
          {...describe(id, { hint: !!hint, ...m })}
        />
      </Labeled>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(department ? "deptObjective.steps.s3" : "wizard.steps.s3")}>
      <SaveOutcome result={result} dirty={dirty} />
      <fieldset disabled={waiting || pending} className="min-w-0 space-y-5">
        {department ? (
          <Card title={t("deptObjective.perf.annualGoal")}>
            <div className="max-w-4xl">{goal("annualGoal", t("deptObjective.perf.annualGoal"), t("deptObjective.perf.annualGoalHint"))}</div>
          </Card>
        ) : (
          <>
            <Card title={t("wizard.perf.plan")}>
              <PlanTable rows={form.plan} errors={errors} fiscalYear={fiscalYear} onChange={setPlan} onRows={(plan) => setForm((f) => ({ ...f, plan }))} />
            </Card>

            <Card title={t("wizard.perf.goals")}>
              <div className="grid gap-4 lg:grid-cols-2">
                {goal("overallGoal", t("wizard.perf.overallGoal"))}
                {goal("annualGoal", t("wizard.perf.annualGoal"))}
              </div>
            </Card>
          </>
        )}

        <Card
          title={<span id={fieldId("indicators")}>{t(department ? "deptObjective.perf.indicators" : "wizard.perf.indicators")}</span>}
          actions={
            <div className="flex gap-2">
              <button type="button" className={cls.button} onClick={() => setPicking((p) => !p)} aria-expanded={picking} data-testid="open-bank">
                {picking ? t("wizard.bank.close") : t("wizard.bank.open")}
              </button>
              <button type="button" className={cls.button} onClick={() => {
                  restructure((rows) => [...rows, blankRow()]);
                  setFocusRow(form.indicators.length);
                }} data-testid="add-custom">
                ＋ {t("wizard.perf.addBlank")}
              </button>
            </div>
          }
        >
          <p className="mb-3 text-xs text-slate-500">{t(department ? "deptObjective.perf.indicatorsHint" : "wizard.perf.indicatorsHint")}</p>
          {picking && <BankPicker onPick={onPick} pickedIds={pickedIds} onClose={() => setPicking(false)} sectors={sectors} ownSector={ownSector} />}
          <p aria-live="polite" className="mb-2 text-sm text-emerald-800" data-testid="bank-notice">
            {notice}
          </p>
          <Messages id={fieldId("indicators")} errors={errors.indicators} checks={checks.indicators} />
          <div className="mt-2">
            <IndicatorTable rows={form.indicators} errors={errors} checks={checks} onChange={onChange} onMove={onMove} onRemove={onRemove} />
          </div>
          <div id={fieldId("weights")} className="mt-2 text-sm" aria-live="polite" data-testid="weight-total">
            {allBlank ? (
              <span className="text-slate-600">{t("wizard.perf.weightBlank")}</span>
            ) : (
              <span className={weightOk ? "text-emerald-700" : "text-amber-800"}>
                {weightOk ? "✓ " : "▲ "}
                {t("wizard.perf.weightTotal", { total: weightTotal.toFixed() })}
                {!weightOk && ` · ${t("wizard.perf.weightRule")}`}
              </span>
            )}
            <Messages id={`${fieldId("weights")}-m`} errors={errors.weights} checks={checks.weights} />
          </div>
        </Card>
      </fieldset>
      <SaveBar pending={pending} disabled={waiting} dirty={dirty} onSaveNext={() => save(payload(form), true)} prevHref={`/objectives/${objectiveId}/edit?step=2`} />
    </form>
  );
}

/** 实施计划: rows of (start, end, content). */
function PlanTable({
  rows,
  errors,
  fiscalYear,
  onChange,
  onRows,
}: {
  rows: PlanRow[];
  errors: Record<string, string[]>;
  fiscalYear: number;
  onChange: (i: number, patch: Partial<PlanRow>) => void;
  onRows: (rows: PlanRow[]) => void;
}) {
  const t = useT();
  const TH = "border border-slate-300 px-2 py-1.5 text-left font-semibold";
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse border border-slate-400 text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={`${TH} w-10 text-center`}>#</th>
              <th scope="col" className={`${TH} w-32`}>{t("wizard.perf.planStart")}</th>
              <th scope="col" className={`${TH} w-32`}>{t("wizard.perf.planEnd")}</th>
              <th scope="col" className={TH}>{t("wizard.perf.planContent")}</th>
              <th scope="col" className={`${TH} w-20`}><span className="sr-only">{t("wizard.perf.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const c = (field: "start" | "end" | "content") => {
                const name = `plan.${i}.${field}`;
                const id = fieldId(name);
                return { id, name, errors: errors[name], label: `${t("wizard.funding.rowLabel", { n: i + 1 })} ${t(field === "start" ? "wizard.perf.planStart" : field === "end" ? "wizard.perf.planEnd" : "wizard.perf.planContent")}` };
              };
              const s = c("start");
              const e = c("end");
              const k = c("content");
              return (
                <tr key={r.key} className="align-top">
                  <td className="border border-slate-200 px-2 py-1.5 text-center text-slate-500">{i + 1}</td>
                  {[s, e].map((f, j) => (
                    <td key={f.id} className="border border-slate-200 px-1 py-1">
                      <input
                        id={f.id}
                        name={f.name}
                        aria-label={f.label}
                        className={cellCls}
                        placeholder={String(fiscalYear)}
                        maxLength={7}
                        value={j === 0 ? r.start : r.end}
                        onChange={(ev) => onChange(i, j === 0 ? { start: ev.target.value.trim() } : { end: ev.target.value.trim() })}
                        {...describe(f.id, { errors: f.errors })}
                      />
                      <Messages id={f.id} errors={f.errors} />
                    </td>
                  ))}
                  <td className="border border-slate-200 px-1 py-1">
                    <textarea
                      id={k.id}
                      name={k.name}
                      aria-label={k.label}
                      rows={2}
                      maxLength={1000}
                      className={cellAreaCls}
                      value={r.content}
                      onChange={(ev) => onChange(i, { content: ev.target.value })}
                      {...describe(k.id, { errors: k.errors })}
                    />
                    <Messages id={k.id} errors={k.errors} />
                  </td>
                  <td className="border border-slate-200 px-2 py-1.5 text-center">
                    <button type="button" className={cls.small} onClick={() => onRows(rows.filter((_, j) => j !== i))} aria-label={`${k.label} ${t("wizard.perf.remove")}`}>
                      {t("wizard.perf.remove")}
                    </button>
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="border border-slate-200 px-3 py-4 text-center text-slate-500">
                  {t("wizard.perf.planEmpty")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t("wizard.perf.planHint")}</p>
      <button
        type="button"
        className={`${cls.button} mt-2`}
        onClick={() => onRows([...rows, { key: nextKey(), start: String(fiscalYear), end: String(fiscalYear), content: "" }])}
      >
        ＋ {t("wizard.perf.addPlan")}
      </button>
    </>
  );
}
