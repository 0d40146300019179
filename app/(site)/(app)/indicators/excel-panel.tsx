"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { applyImport } from "@/lib/actions/indicator/apply-import";
import { previewImport } from "@/lib/actions/indicator/preview-import";
import type { ActionResult } from "@/lib/actions/result";
import type { ColumnKey, FieldColumn, ImportPreview, ImportResult, PlanChanged } from "@/lib/indicator/excel-columns";
import { MAX_IMPORT_BYTES, PREVIEW_LIMIT } from "@/lib/indicator/excel-limits";
import type { MessageKey, Translate } from "@/lib/i18n";

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

type Phase = "idle" | "previewing" | "previewed" | "applying" | "done";
interface Failure {
  message: string;
  details: string[];
}

function failureOf(res: Extract<ActionResult<unknown>, { ok: false }>): Failure {
  return { message: res.message, details: Object.values(res.fieldErrors ?? {}).flat() };
}

/**
 * The bank list's Excel tools: export what the filters select; for the provincial finance
 * department, import the exported template — choose a file, preview what will change (nothing
 * is written), then confirm, which applies the same file all or nothing.
 */
export function ExcelPanel({ canImport, exportQuery }: { canImport: boolean; exportQuery: string }) {
  const t = useT();
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);

  const busy = phase === "previewing" || phase === "applying";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [busy]);
  const seconds = Math.max(0, (now - startedAt) / 1000).toFixed(1);

  const query = exportQuery.replace(/^\?/, "");
  const exportHref = `/api/indicators/export${query ? `?${query}` : ""}`;

  function reset() {
    setFile(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    setPhase("idle");
    if (inputRef.current) inputRef.current.value = "";
  }

  function choose(f: File | null) {
    setPreview(null);
    setResult(null);
    setPhase("idle");
    setFile(f);
    if (f && f.size > MAX_IMPORT_BYTES) setFailure({ message: t("excel.tooLarge"), details: [] });
    else if (f && !/\.xlsx$/i.test(f.name)) setFailure({ message: t("excel.notXlsx"), details: [] });
    else setFailure(null);
  }

  function start(next: Phase) {
    const at = Date.now();
    setStartedAt(at);
    setNow(at);
    setFailure(null);
    setPhase(next);
  }

  async function runPreview() {
    if (!file) return setFailure({ message: t("excel.chooseFirst"), details: [] });
    if (file.size > MAX_IMPORT_BYTES) return setFailure({ message: t("excel.tooLarge"), details: [] });
    start("previewing");
    const fd = new FormData();
    fd.set("file", file);
    try {
      const res = await previewImport(fd);
      if (res.ok) {
        setPreview(res.data);
        setPhase("previewed");
      } else {
        setFailure(failureOf(res));
        setPhase("idle");
      }
    } catch {
      setFailure({ message: t("excel.network"), details: [] });
      setPhase("idle");
    }
  }

  async function runApply() {
    if (!file || !preview) return;
    start("applying");
    const fd = new FormData();
    fd.set("file", file);
    fd.set("expected", preview.hash);
    try {
      const res = await applyImport(fd);
      if (res.ok) {
        setResult(res.data);
        setPreview(null);
        setPhase("done");
        router.refresh();
      } else {
        setFailure(failureOf(res));
        // A conflict means the preview is stale: it must be redone before anything can be applied.
        if (res.code === "conflict") setPreview(null);
        setPhase(res.code === "conflict" ? "idle" : "previewed");
      }
    } catch {
      setFailure({ message: t("excel.networkApply"), details: [] });
      setPreview(null);
      setPhase("idle");
    }
  }

  const counts = preview?.counts;
  const canApply = !!preview && counts!.errors === 0 && counts!.added + counts!.changed + counts!.retired > 0;

  return (
    <div className="w-full" data-testid="excel-panel">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <a className={cls.button} href={exportHref} download title={t("excel.exportHint")} data-testid="excel-export">
          {t("excel.export")}
        </a>
        {canImport && (
          <button type="button" className={cls.button} aria-expanded={open} aria-controls={`${inputId}-panel`} onClick={() => setOpen((o) => !o)} data-testid="excel-import-toggle">
            {t("excel.import")}
          </button>
        )}
      </div>

      {canImport && open && (
        <section id={`${inputId}-panel`} className="mt-3 rounded-sm border border-slate-300 bg-white" aria-labelledby={`${inputId}-title`}>
          <div className="border-b border-slate-200 bg-slate-50 px-4 py-2.5">
            <h2 id={`${inputId}-title`} className="border-l-4 border-accent pl-2 font-semibold text-slate-800">
              {t("excel.importTitle")}
            </h2>
          </div>
          <div className="space-y-3 p-4 text-sm">
            <p className="text-slate-600">{t("excel.importHint")}</p>

            <div className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor={inputId} className="mb-1 block font-medium text-slate-700">
                  {t("excel.file")}
                </label>
                <input
                  ref={inputRef}
                  id={inputId}
                  type="file"
                  name="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  disabled={busy}
                  onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
                  className="block text-sm file:mr-3 file:rounded-sm file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
                  data-testid="excel-file"
                />
              </div>
              <button type="button" className={cls.primary} disabled={!file || busy || file.size > MAX_IMPORT_BYTES || !/\.xlsx$/i.test(file.name)} onClick={runPreview} data-testid="excel-preview">
                {t("excel.preview")}
              </button>
              {(preview || result || failure) && (
                <button type="button" className={cls.button} disabled={busy} onClick={reset}>
                  {t("excel.restart")}
                </button>
              )}
            </div>
            {file && <p className="text-slate-500">{t("excel.fileInfo", { name: file.name, size: size(file.size) })}</p>}

            {busy && (
              <div role="status" aria-live="polite" data-testid="excel-progress">
                {/* No value: an indeterminate bar. The upload and the check run as one request, so there is no honest percentage. */}
                <progress className="h-2 w-full max-w-md" aria-label={t("excel.progress")} />
                <p className="mt-1 text-slate-600">
                  {phase === "previewing" ? t("excel.previewing", { size: size(file?.size ?? 0), seconds }) : t("excel.applying", { seconds })}
                </p>
              </div>
            )}

            {failure && (
              <div role="alert" className="rounded-sm border border-red-300 bg-red-50 px-3 py-2 text-red-800" data-testid="excel-failure">
                <p className="font-medium">{failure.message}</p>
                {failure.details.length > 0 && (
                  <ul className="mt-1 list-disc pl-5">
                    {failure.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}

            {result && (
              <div role="status" className="rounded-sm border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-800" data-testid="excel-result">
                <p className="font-medium">{t("excel.done", { added: result.added.length, changed: result.changed, retired: result.retired })}</p>
                {result.added.length > 0 && <p className="mt-1">{t("excel.addedCodes", { codes: result.added.map((a) => a.code).join("、") })}</p>}
              </div>
            )}

            {preview && counts && (
              <div className="space-y-4" data-testid="excel-plan">
                <p className="font-medium text-slate-800" data-testid="excel-summary">
                  {t("excel.summary", { rows: counts.rows, added: counts.added, changed: counts.changed, retired: counts.retired, unchanged: counts.unchanged, errors: counts.errors })}
                </p>
                {preview.truncated && <p className="text-slate-500">{t("excel.truncated", { limit: PREVIEW_LIMIT })}</p>}

                {counts.errors > 0 && (
                  <div data-testid="excel-errors">
                    <h3 className="mb-1 font-semibold text-red-800">{t("excel.errorsTitle", { n: counts.errors })}</h3>
                    <ul className="max-h-72 overflow-y-auto rounded-sm border border-red-200 bg-red-50/50 px-3 py-2 text-red-900">
                      {preview.errors.map((e, i) => (
                        <li key={i}>{t("excel.errorLine", { row: e.row, field: columnLabel(t, e.column, e.field), message: e.message })}</li>
                      ))}
                    </ul>
                    <p className="mt-1 text-red-800">{t("excel.fixErrors")}</p>
                  </div>
                )}

                {counts.added > 0 && (
                  <div>
                    <h3 className="mb-1 font-semibold text-slate-800">{t("excel.addedTitle", { n: counts.added })}</h3>
                    <Table heads={[t("excel.row"), t("excel.name"), t("excel.kind"), t("excel.level"), t("excel.unit")]} testId="excel-added">
                      {preview.added.map((a) => (
                        <tr key={a.row} className="align-top even:bg-slate-50/60">
                          <Td>{a.row}</Td>
                          <Td>{a.cells.name}</Td>
                          <Td>{a.kind === "common" ? t("excel.kindCommon") : t("excel.kindSector", { sector: a.sector ?? "" })}</Td>
                          <Td>
                            {a.cells.level1} / {a.cells.level2}
                          </Td>
                          <Td>{a.cells.unit || "—"}</Td>
                        </tr>
                      ))}
                    </Table>
                  </div>
                )}

                {counts.changed > 0 && (
                  <div>
                    <h3 className="mb-1 font-semibold text-slate-800">{t("excel.changedTitle", { n: counts.changed })}</h3>
                    <ChangeTable t={t} rows={preview.changed} testId="excel-changed" />
                  </div>
                )}

                {counts.retired > 0 && (
                  <div>
                    <h3 className="mb-1 font-semibold text-slate-800">{t("excel.retiredTitle", { n: counts.retired })}</h3>
                    <ChangeTable t={t} rows={preview.retired} retiring testId="excel-retired" />
                  </div>
                )}

                <p className="text-slate-600">
                  {t("excel.unchangedTitle", { n: counts.unchanged })} · {t("excel.unchangedNote")}
                </p>

                {counts.errors === 0 && !canApply && <p className="text-slate-600">{t("excel.nothingToDo")}</p>}
                <div className="flex gap-2">
                  <button type="button" className={cls.primary} disabled={!canApply || busy} onClick={runApply} data-testid="excel-confirm">
                    {t("excel.confirm")}
                  </button>
                </div>
              </div>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function columnLabel(t: Translate, key: ColumnKey | null, fallback: string) {
  return key ? t(`excel.columns.${key}` as MessageKey) : fallback;
}

/** Adjusted or retired indicators: each changed field as before → after. */
function ChangeTable({ t, rows, retiring, testId }: { t: Translate; rows: PlanChanged[]; retiring?: boolean; testId: string }) {
  return (
    <Table heads={[t("excel.row"), t("excel.code"), t("excel.name"), t("excel.version"), t("excel.changes")]} testId={testId}>
      {rows.map((c) => (
        <tr key={c.code} className="align-top even:bg-slate-50/60">
          <Td>{c.row}</Td>
          <Td className="whitespace-nowrap font-mono">{c.code}</Td>
          <Td>{c.name}</Td>
          <Td className="whitespace-nowrap">{t("excel.versionNext", { from: c.baseVersion, to: c.baseVersion + 1 })}</Td>
          <Td>
            <ul className="space-y-0.5">
              {retiring && <li className="font-medium text-amber-800">{t("excel.statusChange")}</li>}
              {c.changedFields.map((k: FieldColumn) => (
                <li key={k}>
                  <span className="font-medium">{columnLabel(t, k, k)}</span>：<del className="text-slate-500">{c.before[k] || t("excel.empty")}</del> →{" "}
                  <ins className="text-emerald-800 no-underline">{c.after[k] || t("excel.empty")}</ins>
                </li>
              ))}
            </ul>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

function Table({ heads, children, testId }: { heads: string[]; children: ReactNode; testId: string }) {
  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full border-collapse border border-slate-300 text-sm" data-testid={testId}>
        <thead>
          <tr className="bg-slate-100">
            {heads.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap border border-slate-300 px-3 py-1.5 text-left font-semibold text-slate-800">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={`border border-slate-200 px-3 py-1.5 ${className ?? ""}`}>{children}</td>;
}
