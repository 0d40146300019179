"use client";
import { useState, type FormEvent } from "react";
import type { DeptBasicInfo } from "@/lib/validation/objective";
import { useT } from "@/app/_components/i18n";
import { Card, cls } from "@/app/_components/ui";
import { describe, fieldId, Labeled, textareaCls } from "./wizard-fields";
import { SaveBar, SaveOutcome, useStepSave, useUnsavedGuard } from "./wizard-save";

interface Props {
  objectiveId: number;
  editVersion: number;
  initial: Partial<DeptBasicInfo>;
  /** Completeness findings of this step, by field name. */
  checks: Record<string, string[]>;
}

function toForm(b: Partial<DeptBasicInfo>) {
  return {
    name: b.name ?? "",
    duties: b.duties ?? "",
    contactName: b.contactName ?? "",
    contactPhone: b.contactPhone ?? "",
    servesPublic: b.servesPublic !== false,
  };
}

/** Step 1 of a department-overall objective · 部门基本信息: the department, its duties (部门职责), a contact. */
export function StepDeptBasic({ objectiveId, editVersion, initial, checks }: Props) {
  const t = useT();
  const [baseline] = useState(() => toForm(initial));
  const [form, setForm] = useState(baseline);
  const { save, pending, waiting, result, errors } = useStepSave({ objectiveId, step: 1, editVersion, as: "deptBasic" });
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

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("deptObjective.steps.s1")}>
      <SaveOutcome result={result} dirty={dirty} />
      <fieldset disabled={waiting || pending} className="min-w-0">
        <Card title={t("deptObjective.basic.legend")}>
          <div className="grid gap-4 md:grid-cols-2">
            {text("name", t("deptObjective.basic.name"), { required: true, maxLength: 200, className: "md:col-span-2" })}
            <Labeled id={fieldId("duties")} label={t("deptObjective.basic.duties")} required hint={t("deptObjective.basic.dutiesHint")} {...m("duties")} className="md:col-span-2">
              <textarea
                id={fieldId("duties")}
                name="duties"
                rows={6}
                maxLength={4000}
                className={textareaCls}
                value={form.duties}
                required
                onChange={(e) => set("duties", e.target.value)}
                {...describe(fieldId("duties"), { hint: true, ...m("duties") })}
              />
            </Labeled>
            {text("contactName", t("deptObjective.basic.contactName"), { maxLength: 50 })}
            {text("contactPhone", t("deptObjective.basic.contactPhone"), { maxLength: 30, type: "tel" })}
            <div className="md:col-span-2">
              <label htmlFor={fieldId("servesPublic")} className="inline-flex items-center gap-2">
                <input
                  id={fieldId("servesPublic")}
                  name="servesPublic"
                  type="checkbox"
                  className="h-4 w-4 accent-accent"
                  checked={form.servesPublic}
                  onChange={(e) => set("servesPublic", e.target.checked)}
                />
                {t("deptObjective.basic.servesPublic")}
              </label>
            </div>
          </div>
        </Card>
      </fieldset>
      <SaveBar pending={pending} disabled={waiting} dirty={dirty} onSaveNext={() => save(form, true)} />
    </form>
  );
}
