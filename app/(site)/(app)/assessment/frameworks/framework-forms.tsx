"use client";
import { useState, type ChangeEvent } from "react";
import { activateAssessmentFramework } from "@/lib/actions/assessment/activate-framework";
import { createAssessmentFramework } from "@/lib/actions/assessment/create-framework";
import { editAssessmentFramework } from "@/lib/actions/assessment/edit-framework";
import { METHODS, METRIC_KEYS, type Framework, type FrameworkIndicator } from "@/lib/assessment/framework";
import { Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** A new draft of a year: the default six classes. */
export function CreateFrameworkForm({ defaultYear, defaultName }: { defaultYear: number; defaultName: string }) {
  const t = useT();
  const [year, setYear] = useState(String(defaultYear));
  const [name, setName] = useState(defaultName);
  const { state, pending, errors, run } = useActionCall(createAssessmentFramework);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ fiscalYear: year, name } as never);
      }}
    >
      <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />
      <Field id="fw-year" name="fiscalYear" className="w-28" label={t("assessment.frameworks.yearLabel")} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} errors={errors.fiscalYear} />
      <Field id="fw-name" name="name" className="min-w-64" label={t("assessment.frameworks.nameLabel")} value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("assessment.frameworks.createDefault")}
      </button>
    </form>
  );
}

/** Copy (a used framework is never edited) and adopt. */
export function FrameworkActions({ frameworkId, version, fiscalYear, name, canActivate }: { frameworkId: number; version: number; fiscalYear: number; name: string; canActivate: boolean }) {
  const t = useT();
  const copy = useActionCall(createAssessmentFramework);
  const activate = useActionCall(activateAssessmentFramework);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className={cls.button} disabled={copy.pending} onClick={() => copy.run({ fiscalYear, name: name.slice(0, 100), sourceId: frameworkId })}>
        {t("assessment.frameworks.copy")}
      </button>
      {canActivate && (
        <button type="button" className={cls.primary} disabled={activate.pending} onClick={() => activate.run({ frameworkId, version })}>
          {t("assessment.frameworks.activate")}
        </button>
      )}
      <ResultNotice state={copy.state ?? activate.state} reloadLabel={t("evaluation.reload")} compact />
    </span>
  );
}

/** Edits a draft: each indicator's class, kind, points, method, figure; difficulty coefficients; grade lines. */
export function FrameworkEditor({ frameworkId, version, framework, orgs }: { frameworkId: number; version: number; framework: Framework; orgs: { id: number; name: string }[] }) {
  const t = useT();
  const [draft, setDraft] = useState<Framework>(framework);
  const { state, pending, errors, run } = useActionCall(editAssessmentFramework);
  const setInd = (i: number, patch: Partial<FrameworkIndicator>) => setDraft((d) => ({ ...d, indicators: d.indicators.map((x, k) => (k === i ? { ...x, ...patch } : x)) }));
  const err = (i: number, f: string) => errors[`framework.indicators.${i}.${f}`];
  const cell = "px-1 py-1";
  return (
    <Disclosure label={t("assessment.frameworks.edit")} className="mt-3">
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          run({ frameworkId, version, framework: draft });
        }}
      >
        <ResultNotice state={state} reloadLabel={t("evaluation.reload")} />
        <FieldErrors errors={[...(errors["framework.weights.department"] ?? []).map((m) => `${t("assessment.kind.department")}：${m}`), ...(errors["framework.weights.finance"] ?? []).map((m) => `${t("assessment.kind.finance")}：${m}`)]} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className={cell}>{t("assessment.frameworks.code")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.name")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.className")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.kindCol")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.weight")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.methodCol")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.metricCol")}</th>
                <th scope="col" className={cell}>{t("assessment.frameworks.deductPer")}</th>
              </tr>
            </thead>
            <tbody>
              {draft.indicators.map((ind, i) => (
                <tr key={i} className="border-b border-slate-100 align-top">
                  <td className={cell}>
                    <input aria-label={`${t("assessment.frameworks.code")} ${i + 1}`} className={`${cls.input} w-16`} value={ind.code} onChange={(e) => setInd(i, { code: e.target.value })} />
                    <FieldErrors errors={err(i, "code")} />
                  </td>
                  <td className={cell}>
                    <input aria-label={`${t("assessment.frameworks.name")} ${i + 1}`} className={cls.input} value={ind.name} onChange={(e) => setInd(i, { name: e.target.value })} />
                    <FieldErrors errors={err(i, "name")} />
                  </td>
                  <td className={cell}>
                    <select aria-label={`${t("assessment.frameworks.className")} ${ind.code}`} className={cls.input} value={ind.class} onChange={(e) => setInd(i, { class: e.target.value })}>
                      {draft.classes.map((c) => (
                        <option key={c.key} value={c.key}>{c.name}</option>
                      ))}
                    </select>
                    <FieldErrors errors={err(i, "class")} />
                  </td>
                  <td className={cell}>
                    <select aria-label={`${t("assessment.frameworks.kindCol")} ${ind.code}`} className={cls.input} value={ind.kind} onChange={(e: ChangeEvent<HTMLSelectElement>) => setInd(i, { kind: e.target.value as FrameworkIndicator["kind"] })}>
                      <option value="department">{t("assessment.kind.department")}</option>
                      <option value="finance">{t("assessment.kind.finance")}</option>
                    </select>
                  </td>
                  <td className={cell}>
                    <input aria-label={`${t("assessment.frameworks.weight")} ${ind.code}`} inputMode="decimal" className={`${cls.input} w-16`} value={ind.weight} onChange={(e) => setInd(i, { weight: e.target.value })} />
                    <FieldErrors errors={err(i, "weight")} />
                  </td>
                  <td className={cell}>
                    <select aria-label={`${t("assessment.frameworks.methodCol")} ${ind.code}`} className={cls.input} value={ind.method ?? ""} onChange={(e) => setInd(i, { method: (e.target.value || undefined) as FrameworkIndicator["method"] })}>
                      <option value="">—</option>
                      {METHODS.map((m) => (
                        <option key={m} value={m}>{t(`assessment.method.${m}`)}</option>
                      ))}
                    </select>
                    <FieldErrors errors={err(i, "method")} />
                  </td>
                  <td className={cell}>
                    <select aria-label={`${t("assessment.frameworks.metricCol")} ${ind.code}`} className={cls.input} value={ind.metric ?? ""} onChange={(e) => setInd(i, { metric: (e.target.value || undefined) as FrameworkIndicator["metric"] })}>
                      <option value="">—</option>
                      {METRIC_KEYS.map((m) => (
                        <option key={m} value={m}>{t(`assessment.metric.${m}`)}</option>
                      ))}
                    </select>
                    <FieldErrors errors={err(i, "metric")} />
                  </td>
                  <td className={cell}>
                    <input aria-label={`${t("assessment.frameworks.deductPer")} ${ind.code}`} inputMode="decimal" className={`${cls.input} w-16`} value={ind.deductPer ?? ""} onChange={(e) => setInd(i, { deductPer: e.target.value || undefined })} />
                    <FieldErrors errors={err(i, "deductPer")} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          className={cls.small}
          onClick={() => setDraft((d) => ({ ...d, indicators: [...d.indicators, { code: `X${d.indicators.length + 1}`, name: "", class: d.classes[0].key, kind: "department", weight: "0", method: "judged" }] }))}
        >
          {t("common.create")}
        </button>
        <fieldset>
          <legend className="font-medium">{t("assessment.frameworks.difficulty")}</legend>
          <p className="text-xs text-slate-500">{t("assessment.frameworks.difficultyHint")}</p>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {orgs.map((o) => (
              <Field
                key={o.id}
                id={`fw-${frameworkId}-difficulty-${o.id}`}
                label={o.name}
                inputMode="decimal"
                value={draft.difficulty[String(o.id)] ?? ""}
                placeholder="1"
                onChange={(e) =>
                  setDraft((d) => {
                    const difficulty = { ...d.difficulty };
                    if (e.target.value) difficulty[String(o.id)] = e.target.value;
                    else delete difficulty[String(o.id)];
                    return { ...d, difficulty };
                  })
                }
                errors={errors[`framework.difficulty.${o.id}`]}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="grid grid-cols-3 gap-2 sm:w-1/2">
          <legend className="font-medium">{t("assessment.frameworks.grades")}</legend>
          {(["excellent", "good", "fair"] as const).map((g) => (
            <Field
              key={g}
              id={`fw-${frameworkId}-grade-${g}`}
              label={t(`assessment.frameworks.grade${g === "excellent" ? "Excellent" : g === "good" ? "Good" : "Fair"}`)}
              inputMode="decimal"
              value={draft.grades[g]}
              onChange={(e) => setDraft((d) => ({ ...d, grades: { ...d.grades, [g]: e.target.value } }))}
              errors={errors[`framework.grades.${g}`]}
            />
          ))}
        </fieldset>
        <FieldErrors errors={errors["framework.grades"]} />
        <button type="submit" className={cls.primary} disabled={pending}>
          {t("assessment.frameworks.save")}
        </button>
      </form>
    </Disclosure>
  );
}
