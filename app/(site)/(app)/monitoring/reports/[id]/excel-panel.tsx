"use client";
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { applyReportImport } from "@/lib/actions/monitoring/apply-report-import";
import { previewReportImport } from "@/lib/actions/monitoring/preview-report-import";
import { FieldErrors, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { formatWanExact } from "@/lib/money";

type Preview = Awaited<ReturnType<typeof previewReportImport>>;

/** Export the report's template; import a filled one — previewed first, then all or nothing. */
export function ExcelPanel({ reportId, version }: { reportId: number; version: number }) {
  const t = useT();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<ActionResult | null>(null);
  const file = () => input.current?.files?.[0];

  function doPreview() {
    const f = file();
    setApplied(null);
    start(async () => setPreview(await previewReportImport({ reportId, version, file: f as File })));
  }
  function doApply() {
    const f = file();
    start(async () => {
      const r = await applyReportImport({ reportId, version, file: f as File });
      setApplied(r);
      if (r.ok) {
        setPreview(null);
        router.refresh();
      }
    });
  }
  const data = preview?.ok ? preview.data : null;
  return (
    <div className="space-y-3">
      <p className="text-slate-600">{t("monitoring.excelHint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <a href={`/api/monitoring/reports/${reportId}/template`} className={cls.button}>
          {t("monitoring.exportTemplate")}
        </a>
        <label className="block">
          <span className="mb-1 block text-slate-700">{t("monitoring.importFile")}</span>
          <input ref={input} type="file" accept=".xlsx" className="text-sm" onChange={() => setPreview(null)} />
        </label>
        <button type="button" className={cls.button} disabled={pending} onClick={doPreview}>
          {t("monitoring.preview")}
        </button>
      </div>
      {preview && !preview.ok && <FieldErrors errors={preview.fieldErrors?.file ?? [preview.message]} />}
      {data && data.errors.length > 0 && (
        <div role="alert" className="rounded-sm border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p>{t("monitoring.previewErrors", { n: data.errors.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.errors.map((e) => (
              <li key={`${e.cell}-${e.message}`}>
                {e.cell}：{e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && data.errors.length === 0 && (
        <div className="rounded-sm border border-emerald-300 bg-emerald-50 px-3 py-2">
          <p>{t("monitoring.previewOk")}</p>
          <p className="mt-1">
            {t("monitoring.executed")}：{data.report.executedAmount && formatWanExact(data.report.executedAmount)}
            {data.report.adjustedBudget && ` · ${t("monitoring.adjustedBudget")}：${formatWanExact(data.report.adjustedBudget)}`}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {data.report.lines.map((l) => (
              <li key={l.ordinal}>
                {data.names[l.ordinal]}：{l.valueReached ?? "—"} / {l.expectedValue ?? "—"} · {l.judgement ? t(`monitoring.judgementLabel.${l.judgement}`) : "—"}
              </li>
            ))}
          </ul>
          <button type="button" className={`${cls.primary} mt-2`} disabled={pending} onClick={doApply}>
            {t("monitoring.applyImport")}
          </button>
        </div>
      )}
      <FormMessage state={applied} />
    </div>
  );
}
