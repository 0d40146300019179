"use client";
import { useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** 新建部门整体绩效目标: opens the department's overall objective of a fiscal year and goes to the wizard. */
export function CreateDepartmentObjective({ orgId, orgName, years }: { orgId: number; orgName: string; years: number[] }) {
  const t = useT();
  const router = useRouter();
  const [year, setYear] = useState(String(years[0]));
  const { state, pending, errors, run } = useActionCall(createObjective, {
    refresh: false,
    onSuccess: (r) => {
      const { id, existed } = r.data as { id: number; existed: boolean };
      router.push(existed ? `/objectives/${id}` : `/objectives/${id}/edit`);
    },
  });
  return (
    <form noValidate
      className="space-y-3"
      aria-label={t("review.deptObj.create")}
      onSubmit={(e) => {
        e.preventDefault();
        run({ subjectKind: "department", orgId, fiscalYear: Number(year) });
      }}
    >
      <p className="text-slate-600">{t("review.deptObj.createHint", { org: orgName })}</p>
      {state && !state.ok && <ResultNotice state={state} reloadLabel={t("review.conflictReload")} />}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          id="dept-objective-year"
          name="fiscalYear"
          label={t("review.deptObj.year")}
          options={years.map((y) => ({ value: String(y), label: t("pool.fiscalYearValue", { year: y }) }))}
          value={year}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setYear(e.target.value)}
          errors={errors.fiscalYear ?? errors.orgId}
          className="w-40"
        />
        <button type="submit" className={cls.primary} disabled={pending}>
          {pending ? t("common.submitting") : t("review.deptObj.createGo")}
        </button>
      </div>
    </form>
  );
}
