"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Comparison } from "@/db/schema/enums";
import { TARGET_JUDGEMENTS, type TargetJudgement } from "@/db/schema/monitoring";
import { refusedInput, type ActionResult } from "@/lib/actions/result";
import { saveMonitoringReport } from "@/lib/actions/monitoring/save-report";
import { submitMonitoringReport } from "@/lib/actions/monitoring/submit-report";
import { wanToYuan, yuanToWanInput } from "@/lib/project/money";
import { FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../../_workflow/result-notice";

export interface LineState {
  ordinal: number;
  name: string;
  unit: string | null;
  comparison: Comparison;
  annualTarget: string | null;
  valueReached: string;
  expectedValue: string;
  judgement: TargetJudgement | "";
  deviationReason: string;
  correctiveMeasure: string;
}

/**
 * The filer's monitoring report: executed amount to date (with the budget shown) and, for every
 * approved indicator, the value reached, the expected full-year value and the judgement; a target
 * at risk asks for the reason and the corrective measure. 暂存 saves a draft; 提交 saves, then submits.
 */
export function ReportForm({
  reportId,
  version,
  budgetYuan,
  adjustedYuan,
  executedYuan,
  lines: initial,
}: {
  reportId: number;
  version: number;
  budgetYuan: string;
  adjustedYuan: string | null;
  executedYuan: string | null;
  lines: LineState[];
}) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [state, setState] = useState<ActionResult | null>(null);
  const [adjusted, setAdjusted] = useState(adjustedYuan ? yuanToWanInput(adjustedYuan) : "");
  const [executed, setExecuted] = useState(executedYuan ? yuanToWanInput(executedYuan) : "");
  const [lines, setLines] = useState(initial);
  // The figures the server holds changed (an Excel import, another tab's save): show them at once.
  // useState keeps only its first value, so without this the form looked empty until a reload.
  const [shownVersion, setShownVersion] = useState(version);
  if (version !== shownVersion) {
    setShownVersion(version);
    setAdjusted(adjustedYuan ? yuanToWanInput(adjustedYuan) : "");
    setExecuted(executedYuan ? yuanToWanInput(executedYuan) : "");
    setLines(initial);
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const set = (i: number, patch: Partial<LineState>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  function money(v: string): string | null | false {
    if (!v.trim()) return null;
    return wanToYuan(v) ?? false;
  }

  function go(submit: boolean) {
    const adj = money(adjusted);
    const exe = money(executed);
    if (adj === false || exe === false) {
      setState(refusedInput(t("errors.invalid_input"), { ...(adj === false ? { adjustedBudget: [t("monitoring.amountHint")] } : {}), ...(exe === false ? { executedAmount: [t("monitoring.amountHint")] } : {}) }));
      return;
    }
    start(async () => {
      const saved = await saveMonitoringReport({
        reportId,
        version,
        adjustedBudget: adj,
        executedAmount: exe,
        lines: lines.map((l) => ({
          ordinal: l.ordinal,
          valueReached: l.valueReached,
          expectedValue: l.expectedValue,
          judgement: l.judgement || null,
          deviationReason: l.deviationReason,
          correctiveMeasure: l.correctiveMeasure,
        })),
      });
      if (!saved.ok || !submit) {
        setState(saved);
        if (saved.ok) router.refresh();
        return;
      }
      const done = await submitMonitoringReport({ reportId, version: saved.data.version });
      setState(done);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <ResultNotice state={state} reloadLabel={t("pool.conflictReload")} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <p className="mb-1 text-slate-700">{t("monitoring.budget")}</p>
          <p className="h-9 py-1.5 tabular-nums">{yuanToWanInput(budgetYuan)}</p>
        </div>
        <div>
          <label htmlFor="rf-adjusted" className="mb-1 block text-slate-700">
            {t("monitoring.adjustedBudget")}
          </label>
          <input id="rf-adjusted" className={cls.input} inputMode="decimal" value={adjusted} onChange={(e) => setAdjusted(e.target.value)} />
          <FieldErrors errors={errors.adjustedBudget} />
        </div>
        <div>
          <label htmlFor="rf-executed" className="mb-1 block text-slate-700">
            {t("monitoring.executed")}
            <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
          </label>
          <input id="rf-executed" className={cls.input} inputMode="decimal" value={executed} onChange={(e) => setExecuted(e.target.value)} aria-invalid={errors.executedAmount ? true : undefined} />
          <FieldErrors errors={errors.executedAmount} />
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("monitoring.targetSection")}</caption>
          <thead>
            <tr className="bg-slate-50 text-left">
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.indicator")}</th>
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.annualTarget")}</th>
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.valueReached")}</th>
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.expectedValue")}</th>
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.judgement")}</th>
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.deviationReason")}</th>
              <th className="border border-slate-300 px-2 py-1">{t("monitoring.correctiveMeasure")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const e = (k: string) => errors[`lines.${l.ordinal}.${k}`];
              const labels = l.comparison === "qualitative" ? "qualitativeLabel" : "judgementLabel";
              return (
                <tr key={l.ordinal} className="align-top">
                  <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">
                    {l.name}
                  </th>
                  <td className="border border-slate-300 px-2 py-1">
                    {l.annualTarget ?? "—"} {l.unit ?? ""}
                  </td>
                  <td className="border border-slate-300 px-2 py-1">
                    <input aria-label={`${l.name} ${t("monitoring.valueReached")}`} className={cls.input} value={l.valueReached} onChange={(ev) => set(i, { valueReached: ev.target.value })} aria-invalid={e("valueReached") ? true : undefined} />
                    <FieldErrors errors={e("valueReached")} />
                  </td>
                  <td className="border border-slate-300 px-2 py-1">
                    <input aria-label={`${l.name} ${t("monitoring.expectedValue")}`} className={cls.input} value={l.expectedValue} onChange={(ev) => set(i, { expectedValue: ev.target.value })} aria-invalid={e("expectedValue") ? true : undefined} />
                    <FieldErrors errors={e("expectedValue")} />
                  </td>
                  <td className="border border-slate-300 px-2 py-1">
                    <select aria-label={`${l.name} ${t("monitoring.judgement")}`} className={cls.input} value={l.judgement} onChange={(ev) => set(i, { judgement: ev.target.value as TargetJudgement | "" })} aria-invalid={e("judgement") ? true : undefined}>
                      <option value="">{t("monitoring.choose")}</option>
                      {TARGET_JUDGEMENTS.map((j) => (
                        <option key={j} value={j}>
                          {t(`monitoring.${labels}.${j}`)}
                        </option>
                      ))}
                    </select>
                    <FieldErrors errors={e("judgement")} />
                  </td>
                  <td className="border border-slate-300 px-2 py-1">
                    <textarea aria-label={`${l.name} ${t("monitoring.deviationReason")}`} className={`${cls.input} h-auto min-h-12`} value={l.deviationReason} onChange={(ev) => set(i, { deviationReason: ev.target.value })} aria-invalid={e("deviationReason") ? true : undefined} />
                    <FieldErrors errors={e("deviationReason")} />
                  </td>
                  <td className="border border-slate-300 px-2 py-1">
                    <textarea aria-label={`${l.name} ${t("monitoring.correctiveMeasure")}`} className={`${cls.input} h-auto min-h-12`} value={l.correctiveMeasure} onChange={(ev) => set(i, { correctiveMeasure: ev.target.value })} aria-invalid={e("correctiveMeasure") ? true : undefined} />
                    <FieldErrors errors={e("correctiveMeasure")} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex gap-2">
        <button type="button" className={cls.button} disabled={pending} onClick={() => go(false)}>
          {t("monitoring.save")}
        </button>
        <button type="button" className={cls.primary} disabled={pending} onClick={() => go(true)}>
          {t("monitoring.submit")}
        </button>
      </div>
    </div>
  );
}
