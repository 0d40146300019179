"use client";
import { useState, type ChangeEvent } from "react";
import { assignAppraisal } from "@/lib/actions/project/assign-appraisal";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** 委托第三方评估: finance engages an agency of its region for a year's ex-ante appraisal → assignAppraisal. */
export function EngageAgency({ projectId, agencies, years }: { projectId: number; agencies: { id: number; name: string }[]; years: number[] }) {
  const t = useT();
  const [agency, setAgency] = useState(agencies.length === 1 ? String(agencies[0].id) : "");
  const [year, setYear] = useState(String(years[0]));
  const [missing, setMissing] = useState(false);
  const { state, pending, errors, run } = useActionCall(assignAppraisal);

  const shown = state?.ok ? { ...state, message: t("pool.engaged") } : state;
  return (
    <Disclosure label={`＋ ${t("pool.engage")}`}>
      <form
        className="space-y-3 rounded-sm border border-slate-300 bg-slate-50 p-3"
        aria-label={t("pool.engage")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setMissing(!agency);
          if (!agency) return;
          run({ projectId, fiscalYear: Number(year), agencyOrgId: Number(agency) });
        }}
      >
        <ResultNotice state={shown} reloadLabel={t("pool.conflictReload")} />
        <div className="flex flex-wrap items-start gap-3">
          <Field
            id="engage-agency"
            name="agencyOrgId"
            label={t("pool.agency")}
            required
            options={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
            placeholder={t("pool.choose")}
            value={agency}
            onChange={(e: ChangeEvent<HTMLSelectElement>) => setAgency(e.target.value)}
            errors={missing ? [t("pool.agencyRequired")] : errors.agencyOrgId}
            className="min-w-64 flex-1"
          />
          <Field
            id="engage-year"
            name="fiscalYear"
            label={t("pool.engageYear")}
            required
            options={years.map((y) => ({ value: String(y), label: t("pool.fiscalYearValue", { year: y }) }))}
            value={year}
            onChange={(e: ChangeEvent<HTMLSelectElement>) => setYear(e.target.value)}
            errors={errors.fiscalYear}
            className="w-40"
          />
        </div>
        <button type="submit" className={cls.primary} disabled={pending}>
          {pending ? t("common.submitting") : t("pool.engageSubmit")}
        </button>
      </form>
    </Disclosure>
  );
}
