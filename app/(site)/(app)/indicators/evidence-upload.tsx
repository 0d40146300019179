"use client";
import { useState, type FormEvent } from "react";
import { uploadChangeEvidence } from "@/lib/actions/indicator/upload-evidence";
import { ACCEPT, MAX_ATTACHMENT_BYTES } from "@/lib/objective/attachment-rules";
import { FieldErrors, FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";

/** 上传依据材料: one file at a time for one of the organisation's pending change requests (FormData: requestId, file). */
export function EvidenceUpload({ requestId, idPrefix = `ev-${requestId}` }: { requestId: number; idPrefix?: string }) {
  const t = useT();
  const [tooBig, setTooBig] = useState(false);
  const [picked, setPicked] = useState("");
  const [uploaded, setUploaded] = useState<string[]>([]);
  const { state, pending, errors, formRef, onSubmit } = useActionForm(uploadChangeEvidence, {
    resetOnSuccess: true,
    onSuccess: () => setUploaded((u) => [...u, picked]),
  });
  const shown = state?.ok ? { ...state, message: t("bank.evidence.uploaded", { name: picked }) } : state;
  const fileErrors = [...(tooBig ? [t("bank.evidence.tooBig")] : []), ...(errors.file ?? [])];
  const fileId = `${idPrefix}-file`;

  function submit(e: FormEvent<HTMLFormElement>) {
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_ATTACHMENT_BYTES) {
      e.preventDefault();
      setTooBig(true);
      return;
    }
    setPicked(file?.name ?? "");
    onSubmit(e);
  }

  return (
    <form noValidate ref={formRef} onSubmit={submit} encType="multipart/form-data" aria-label={t("bank.evidence.forRequest", { id: requestId })} className="space-y-2">
      <FormMessage state={shown} compact />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={fileId} className="mb-1 block text-slate-700">
            {t("bank.evidence.file")}
            <span className="ml-0.5 text-red-700" aria-hidden="true">*</span>
          </label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept={ACCEPT}
            required
            onChange={() => setTooBig(false)}
            aria-describedby={`${fileId}-hint${fileErrors.length ? ` ${fileId}-error` : ""}`}
            aria-invalid={fileErrors.length ? true : undefined}
            className="block w-full text-sm file:mr-3 file:rounded-sm file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5 file:text-sm file:text-slate-700 hover:file:bg-slate-100"
          />
          <p id={`${fileId}-hint`} className="mt-1 text-xs text-slate-500">
            {t("bank.evidence.accept")}
          </p>
          <FieldErrors id={`${fileId}-error`} errors={fileErrors} />
        </div>
        <button type="submit" className={cls.button} disabled={pending}>
          {pending ? t("bank.evidence.uploading") : t("bank.evidence.submit")}
        </button>
      </div>
      {uploaded.length > 0 && (
        <ul className="list-disc pl-5 text-slate-600" data-testid="uploaded-evidence">
          {uploaded.map((n, i) => (
            <li key={`${n}-${i}`}>{n}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
