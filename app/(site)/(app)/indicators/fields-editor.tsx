"use client";
import { useState, type ChangeEvent } from "react";
import { COMPARISONS, INDICATOR_LEVEL1, LEVEL2_OF, SUBJECT_KINDS, type Comparison, type IndicatorLevel1, type IndicatorLevel2, type SubjectKind } from "@/db/schema/enums";
import type { FieldErrors as Errors } from "@/lib/actions/result";
import { CheckboxGroup, Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import type { FieldValues } from "./fields";

/** A labelled textarea with its hint and errors (Field covers inputs and selects only). */
export function TextArea({
  id,
  name,
  label,
  defaultValue,
  errors,
  hint,
  required,
  rows = 2,
  maxLength = 2000,
  className,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | null;
  errors?: string[];
  hint?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  className?: string;
}) {
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-slate-700">
        {label}
        {required && <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue ?? ""}
        className={`${cls.input} h-auto`}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** The form's fields as the actions take them (indicatorFields); the server validates them again. */
export function readFields(form: FormData): FieldValues {
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const orNull = (k: string) => s(k) || null;
  return {
    name: s("name"),
    level1: s("level1") as IndicatorLevel1,
    level2: s("level2") as IndicatorLevel2,
    unit: orNull("unit"),
    comparison: s("comparison") as Comparison,
    explanation: orNull("explanation"),
    formula: orNull("formula"),
    scoringRule: orNull("scoringRule"),
    referenceHistorical: orNull("referenceHistorical"),
    referenceStandard: orNull("referenceStandard"),
    referencePlan: orNull("referencePlan"),
    subjectKinds: form.getAll("subjectKinds").map(String) as SubjectKind[],
  };
}

/**
 * The inputs of an indicator's fields (name, classes, unit, direction, explanation, formula,
 * scoring rule, the three reference values, subject kinds). 二级 choices follow 一级 (LEVEL2_OF).
 * `errors` are an action's fieldErrors, keyed "fields.name" …
 */
export function FieldsEditor({ idPrefix, initial, errors }: { idPrefix: string; initial?: FieldValues; errors: Errors }) {
  const t = useT();
  const [level1, setLevel1] = useState<IndicatorLevel1>(initial?.level1 ?? "output");
  const [level2, setLevel2] = useState<IndicatorLevel2>(initial?.level2 ?? LEVEL2_OF[initial?.level1 ?? "output"][0]);
  const [comparison, setComparison] = useState<Comparison>(initial?.comparison ?? "gte");
  const e = (k: keyof FieldValues) => errors[`fields.${k}`];
  const id = (k: string) => `${idPrefix}-${k}`;

  function onLevel1(ev: ChangeEvent<HTMLSelectElement>) {
    const next = ev.target.value as IndicatorLevel1;
    setLevel1(next);
    if (!LEVEL2_OF[next].includes(level2)) setLevel2(LEVEL2_OF[next][0]);
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field id={id("name")} name="name" label={t("bank.field.name")} required maxLength={200} defaultValue={initial?.name ?? ""} errors={e("name")} className="sm:col-span-2" />
      <Field
        id={id("level1")}
        name="level1"
        label={t("bank.field.level1")}
        required
        options={INDICATOR_LEVEL1.map((l) => ({ value: l, label: t(`wizard.level1.${l}`) }))}
        value={level1}
        onChange={onLevel1}
        errors={e("level1")}
      />
      <Field
        id={id("level2")}
        name="level2"
        label={t("bank.field.level2")}
        required
        options={LEVEL2_OF[level1].map((l) => ({ value: l, label: t(`wizard.level2.${l}`) }))}
        value={level2}
        onChange={(ev: ChangeEvent<HTMLSelectElement>) => setLevel2(ev.target.value as IndicatorLevel2)}
        hint={t("bank.field.level2Hint")}
        errors={e("level2")}
      />
      <Field
        id={id("comparison")}
        name="comparison"
        label={t("bank.field.comparison")}
        required
        options={COMPARISONS.map((c) => ({ value: c, label: t(`wizard.comparison.${c}`) }))}
        value={comparison}
        onChange={(ev: ChangeEvent<HTMLSelectElement>) => setComparison(ev.target.value as Comparison)}
        hint={t("bank.field.comparisonHint")}
        errors={e("comparison")}
      />
      <Field
        id={id("unit")}
        name="unit"
        label={t("bank.field.unit")}
        required={comparison !== "qualitative"}
        maxLength={30}
        defaultValue={initial?.unit ?? ""}
        hint={t("bank.field.unitHint")}
        errors={e("unit")}
      />
      <div className="sm:col-span-2">
        <CheckboxGroup
          id={id("subjects")}
          name="subjectKinds"
          legend={t("bank.field.subjectKinds")}
          options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`bank.subjectKind.${k}`) }))}
          defaultChecked={initial?.subjectKinds ?? SUBJECT_KINDS}
          errors={e("subjectKinds")}
        />
      </div>
      <TextArea id={id("explanation")} name="explanation" label={t("bank.field.explanation")} defaultValue={initial?.explanation} errors={e("explanation")} className="sm:col-span-2" />
      <TextArea id={id("formula")} name="formula" label={t("bank.field.formula")} defaultValue={initial?.formula} errors={e("formula")} className="sm:col-span-2" />
      <TextArea id={id("scoring")} name="scoringRule" label={t("bank.field.scoringRule")} defaultValue={initial?.scoringRule} errors={e("scoringRule")} className="sm:col-span-2 lg:col-span-4" />
      {(["referenceHistorical", "referenceStandard", "referencePlan"] as const).map((k) => (
        <Field
          key={k}
          id={id(k)}
          name={k}
          label={t(`bank.field.${k}`)}
          inputMode="decimal"
          autoComplete="off"
          maxLength={30}
          defaultValue={initial?.[k] ?? ""}
          hint={t("bank.field.referenceHint")}
          errors={e(k)}
        />
      ))}
    </div>
  );
}
