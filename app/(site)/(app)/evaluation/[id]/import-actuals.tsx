"use client";
import { useState } from "react";
import { importSelfEvaluationActuals } from "@/lib/actions/evaluation/import-actuals";
import { FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** Download the self-evaluation template, fill it offline, import it back. */
export function ImportActuals({ selfEvaluationId, version }: { selfEvaluationId: number; version: number }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  // The form below holds what was typed; after an import the page reloads so it shows the imported values.
  const { state, pending, errors, run } = useActionCall(importSelfEvaluationActuals, { refresh: false, onSuccess: () => window.location.reload() });
  const fileErrors = Object.entries(errors).flatMap(([k, v]) => (k === "file" || k.startsWith("actuals.") ? v.map((m) => (k === "file" ? m : `${k.split(".")[1]}：${m}`)) : []));
  return (
    <div className="flex flex-wrap items-end gap-3">
      <a href={`/api/evaluation/${selfEvaluationId}/template`} className={cls.button}>
        {t("evaluation.excel.download")}
      </a>
      <div>
        <label htmlFor="actuals-file" className="mb-1 block text-sm font-medium text-slate-700">
          {t("evaluation.excel.file")}
        </label>
        <input id="actuals-file" type="file" accept=".xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={fileErrors.length ? "actuals-file-error" : undefined} />
        <FieldErrors id="actuals-file-error" errors={fileErrors} />
      </div>
      <button type="button" className={cls.button} disabled={pending || !file} onClick={() => file && run({ selfEvaluationId, version, file })}>
        {t("evaluation.excel.import")}
      </button>
      <ResultNotice state={state && !state.ok && state.code === "invalid_input" ? null : state} reloadLabel={t("evaluation.reload")} compact />
    </div>
  );
}
