"use client";
import { useRef, useState, type FormEvent } from "react";
import { proposeIndicatorChange } from "@/lib/actions/indicator/propose-change";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../_workflow/result-notice";
import { useActionCall } from "../_workflow/use-action-call";
import { EvidenceUpload } from "./evidence-upload";
import { FieldsEditor, readFields, TextArea } from "./fields-editor";

/**
 * 申请新增指标 (department): the proposed indicator with its sector and reason; once the request
 * exists, its evidence files are uploaded to it.
 */
export function ProposeAddForm({ sectors }: { sectors: string[] }) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [formKey, setFormKey] = useState(0);
  const { state, setState, pending, errors, run } = useActionCall(proposeIndicatorChange);
  const requestId = state?.ok ? state.data.id : null;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    run({ kind: "add", sector: String(f.get("sector") ?? ""), fields: readFields(f), reason: String(f.get("reason") ?? "").trim() });
  }

  if (requestId) {
    return (
      <div className="space-y-4" data-testid="proposal-submitted">
        <ResultNotice state={{ ok: true, data: null, message: t("bank.propose.submitted", { id: requestId }) }} reloadLabel={t("bank.act.reload")} />
        <section aria-labelledby="add-evidence-title" className="rounded-sm border border-slate-300 bg-slate-50 p-3">
          <h3 id="add-evidence-title" className="mb-2 font-semibold text-slate-800">
            {t("bank.evidence.forRequest", { id: requestId })}
          </h3>
          <EvidenceUpload requestId={requestId} idPrefix="add-evidence" />
        </section>
        <button
          type="button"
          className={cls.button}
          onClick={() => {
            setState(null);
            setFormKey((k) => k + 1);
          }}
        >
          {t("bank.propose.another")}
        </button>
      </div>
    );
  }

  return (
    <form key={formKey} ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label={t("bank.propose.add")} noValidate>
      <p className="text-slate-600">{t("bank.propose.addHint")}</p>
      <ResultNotice state={state} reloadLabel={t("bank.act.reload")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          id="add-sector"
          name="sector"
          label={t("bank.field.sector")}
          required
          options={sectors.map((s) => ({ value: s, label: s }))}
          defaultValue={sectors.length === 1 ? sectors[0] : ""}
          placeholder={sectors.length === 1 ? undefined : t("bank.choose")}
          hint={t("bank.field.sectorHint")}
          errors={errors.sector}
        />
      </div>
      <FieldsEditor idPrefix="add" errors={errors} />
      <TextArea id="add-reason" name="reason" label={t("bank.field.reason")} required rows={3} hint={t("bank.field.reasonHint")} errors={errors.reason} />
      <button type="submit" className={cls.primary} disabled={pending}>
        {pending ? t("bank.act.submitting") : t("bank.propose.submit")}
      </button>
    </form>
  );
}
