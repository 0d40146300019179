"use client";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { createCommonIndicator } from "@/lib/actions/indicator/edit-common";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../_workflow/result-notice";
import { useActionCall } from "../_workflow/use-action-call";
import { FieldsEditor, readFields } from "./fields-editor";

/** 新增共性指标 (finance): published at once as version 1. */
export function CreateCommonForm() {
  const t = useT();
  const [formKey, setFormKey] = useState(0);
  const { state, pending, errors, run } = useActionCall(createCommonIndicator, { onSuccess: () => setFormKey((k) => k + 1) });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    run({ fields: readFields(new FormData(e.currentTarget)) });
  }

  const created = state?.ok ? state.data.code : null;
  return (
    <div className="space-y-4">
      <p className="text-slate-600">{t("bank.propose.createCommonHint")}</p>
      <ResultNotice state={created ? { ...state!, message: t("bank.propose.created", { code: created }) } : state} reloadLabel={t("bank.act.reload")} />
      {created && (
        <p>
          <Link href={`/indicators/${encodeURIComponent(created)}`} className={cls.link}>
            {t("bank.propose.viewIndicator")} {created}
          </Link>
        </p>
      )}
      <form key={formKey} onSubmit={onSubmit} className="space-y-4" aria-label={t("bank.propose.createCommon")} noValidate>
        <FieldsEditor idPrefix="common" errors={errors} />
        <button type="submit" className={cls.primary} disabled={pending}>
          {pending ? t("bank.act.submitting") : t("common.save")}
        </button>
      </form>
    </div>
  );
}
