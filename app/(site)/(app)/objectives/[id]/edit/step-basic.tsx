"use client";
import { useState, type FormEvent } from "react";
import { PROJECT_CATEGORIES } from "@/db/schema/enums";
import type { BasicInfo } from "@/lib/validation/objective";
import { useT } from "@/app/_components/i18n";
import { Card, cls } from "@/app/_components/ui";
import { describe, fieldId, Labeled, textareaCls } from "./wizard-fields";
import { SaveBar, SaveOutcome, useStepSave, useUnsavedGuard } from "./wizard-save";

interface Props {
  objectiveId: number;
  editVersion: number;
  initial: Partial<BasicInfo>;
  fiscalYear: number;
  /** Completeness findings of this step, by field name. */
  checks: Record<string, string[]>;
}

function toForm(b: Partial<BasicInfo>, fiscalYear: number) {
  return {
    name: b.name ?? "",
    category: b.category ?? "",
    startYear: String(b.startYear ?? fiscalYear),
    endYear: String(b.endYear ?? fiscalYear),
    contactName: b.contactName ?? "",
    contactPhone: b.contactPhone ?? "",
    policyBasis: b.policyBasis ?? "",
    servesPublic: b.servesPublic !== false,
  };
}

/** Step 1 · 项目基本信息. */
export function StepBasic({ objectiveId, editVersion, initial, fiscalYear, checks }: Props) {
  const t = useT();
  const [baseline] = useState(() => toForm(initial, fiscalYear));
  const [form, setForm] = useState(baseline);
  const { save, pending, waiting, result, errors } = useStepSave({ objectiveId, step: 1, editVersion });
  const dirty = JSON.stringify(form) !== JSON.stringify(baseline);
  useUnsavedGuard(dirty && !waiting);

  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(form, false);
  };
  const m = (name: keyof typeof form) => ({ errors: errors[name], checks: checks[name] });
  const text = (name: "name" | "contactName" | "contactPhone", label: string, extra: { required?: boolean; maxLength: number; type?: string; className?: string }) => {
    const id = fieldId(name);
    return (
      <Labeled id={id} label={label} required={extra.required} {...m(name)} className={extra.className}>
        <input
          id={id}
          name={name}
          type={extra.type ?? "text"}
          className={cls.input}
          value={form[name]}
          maxLength={extra.maxLength}
          required={extra.required}
          onChange={(e) => set(name, e.target.value)}
          {...describe(id, m(name))}
        />
      </Labeled>
    );
  };
  const year = (name: "startYear" | "endYear", label: string) => {
    const id = fieldId(name);
    return (
      <Labeled id={id} label={label} required {...m(name)}>
        <input
          id={id}
          name={name}
          inputMode="numeric"
          pattern="\d{4}"
          className={cls.input}
          value={form[name]}
          required
          onChange={(e) => set(name, e.target.value.trim())}
          {...describe(id, m(name))}
        />
      </Labeled>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("wizard.steps.s1")}>
      <SaveOutcome result={result} dirty={dirty} />
      <fieldset disabled={waiting || pending} className="min-w-0">
        <Card title={t("wizard.basic.legend")}>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
            {text("name", t("wizard.basic.name"), { required: true, maxLength: 200, className: "md:col-span-2 xl:col-span-4" })}
            <Labeled id={fieldId("category")} label={t("wizard.basic.category")} required {...m("category")}>
              <select
                id={fieldId("category")}
                name="category"
                className={cls.input}
                value={form.category}
                required
                onChange={(e) => set("category", e.target.value as typeof form.category)}
                {...describe(fieldId("category"), m("category"))}
              >
                <option value="">{t("wizard.perf.choose")}</option>
                {PROJECT_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`wizard.category.${c}`)}
                  </option>
                ))}
              </select>
            </Labeled>
            {year("startYear", t("wizard.basic.startYear"))}
            {year("endYear", t("wizard.basic.endYear"))}
            <div className="hidden xl:block" />
            {text("contactName", t("wizard.basic.contactName"), { maxLength: 50 })}
            {text("contactPhone", t("wizard.basic.contactPhone"), { maxLength: 30, type: "tel" })}
            <Labeled
              id={fieldId("policyBasis")}
              label={t("wizard.basic.policyBasis")}
              hint={t("wizard.basic.policyBasisHint")}
              {...m("policyBasis")}
              className="md:col-span-2 xl:col-span-4"
            >
              <textarea
                id={fieldId("policyBasis")}
                name="policyBasis"
                rows={4}
                maxLength={2000}
                className={textareaCls}
                value={form.policyBasis}
                onChange={(e) => set("policyBasis", e.target.value)}
                {...describe(fieldId("policyBasis"), { hint: true, ...m("policyBasis") })}
              />
            </Labeled>
            <div className="md:col-span-2 xl:col-span-4">
              <label htmlFor={fieldId("servesPublic")} className="inline-flex items-center gap-2">
                <input
                  id={fieldId("servesPublic")}
                  name="servesPublic"
                  type="checkbox"
                  className="h-4 w-4 accent-accent"
                  checked={form.servesPublic}
                  onChange={(e) => set("servesPublic", e.target.checked)}
                  aria-describedby={`${fieldId("servesPublic")}-hint`}
                />
                {t("wizard.basic.servesPublic")}
              </label>
              <p id={`${fieldId("servesPublic")}-hint`} className="mt-1 text-xs text-slate-500">
                {t("wizard.basic.servesPublicHint")}
              </p>
            </div>
          </div>
        </Card>
      </fieldset>
      <SaveBar pending={pending} disabled={waiting} dirty={dirty} onSaveNext={() => save(form, true)} />
    </form>
  );
}
