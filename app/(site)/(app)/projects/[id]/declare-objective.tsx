"use client";
import { useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { createObjective } from "@/lib/actions/objective/create-objective";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** 申报绩效目标: opens the declaration of a year of the project and goes to the wizard. */
export function DeclareObjective({ projectId, subjectKind, years }: { projectId: number; subjectKind: "project" | "transfer"; years: number[] }) {
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
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ subjectKind, projectId, fiscalYear: Number(year) });
      }}
    >
      <Field
        id="declare-year"
        name="fiscalYear"
        label={t("pool.declareYear")}
        options={years.map((y) => ({ value: String(y), label: t("pool.fiscalYearValue", { year: y }) }))}
        value={year}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => setYear(e.target.value)}
        errors={errors.fiscalYear ?? errors.projectId}
        className="w-40"
      />
      <button type="submit" className={cls.primary} disabled={pending}>
        {t("pool.declare")}
      </button>
      {state && !state.ok && (
        <div className="w-full">
          <ResultNotice state={state} reloadLabel={t("pool.conflictReload")} />
        </div>
      )}
    </form>
  );
}
