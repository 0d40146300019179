"use client";
import { useState } from "react";
import { uploadSelfEvaluationEvidence } from "@/lib/actions/evaluation/upload-evidence";
import { FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** Evidence files (佐证材料) by indicator, and, while the filer may edit, an upload for one indicator. */
export function Evidence({
  selfEvaluationId,
  indicators,
  files,
  editable,
}: {
  selfEvaluationId: number;
  indicators: { ordinal: number; name: string }[];
  files: { id: string; ordinal: number; filename: string }[];
  editable: boolean;
}) {
  const t = useT();
  const [ordinal, setOrdinal] = useState(String(indicators[0]?.ordinal ?? 1));
  const [file, setFile] = useState<File | null>(null);
  const { state, pending, errors, run } = useActionCall(uploadSelfEvaluationEvidence);
  return (
    <div className="space-y-3 text-sm">
      <ul className="space-y-1">
        {indicators
          .filter((i) => files.some((f) => f.ordinal === i.ordinal))
          .map((i) => (
            <li key={i.ordinal}>
              <span className="text-slate-600">{i.name}：</span>
              {files
                .filter((f) => f.ordinal === i.ordinal)
                .map((f) => (
                  <a key={f.id} href={`/api/evaluation/evidence/${f.id}`} className={`${cls.link} mr-3`}>
                    {f.filename}
                  </a>
                ))}
            </li>
          ))}
      </ul>
      {files.length === 0 && <p className="text-slate-500">{t("evaluation.evidence.none")}</p>}
      {editable && (
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="evidence-ordinal" className="mb-1 block font-medium text-slate-700">
              {t("evaluation.fields.indicator")}
            </label>
            <select id="evidence-ordinal" className={cls.input} value={ordinal} onChange={(e) => setOrdinal(e.target.value)}>
              {indicators.map((i) => (
                <option key={i.ordinal} value={i.ordinal}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="evidence-file" className="mb-1 block font-medium text-slate-700">
              {t("evaluation.evidence.file")}
            </label>
            <input id="evidence-file" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <FieldErrors errors={errors.file} />
          </div>
          <button type="button" className={cls.button} disabled={pending || !file} onClick={() => file && run({ selfEvaluationId, ordinal: Number(ordinal), file })}>
            {t("evaluation.evidence.upload")}
          </button>
          <ResultNotice state={state && !state.ok && state.code === "invalid_input" ? null : state} reloadLabel={t("evaluation.reload")} compact successText={t("evaluation.evidence.uploaded")} />
        </div>
      )}
    </div>
  );
}
