"use client";
import { useState, useTransition, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ATTACHMENT_KINDS } from "@/db/schema/enums";
import { deleteAttachment } from "@/lib/actions/objective/delete-attachment";
import { uploadAttachment } from "@/lib/actions/objective/upload-attachment";
import type { ActionResult } from "@/lib/actions/result";
import { ACCEPT, MAX_ATTACHMENT_BYTES } from "@/lib/objective/attachment-rules";
import { FormMessage } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { Card, cls } from "@/app/_components/ui";
import { useActionForm } from "@/app/_components/use-action-form";
import { describe, Labeled } from "./wizard-fields";

export interface AttachmentItem {
  id: string;
  kind: (typeof ATTACHMENT_KINDS)[number];
  filename: string;
  size: number;
  uploadedAt: string;
}

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Step 4 · 项目附件: the files of the version being edited, and the upload form. */
export function StepAttachments({ objectiveId, items }: { objectiveId: number; items: AttachmentItem[] }) {
  const t = useT();
  return (
    <div className="space-y-5">
      <Card title={t("wizard.attach.list")}>
        <AttachmentList objectiveId={objectiveId} items={items} />
      </Card>
      <Card title={t("wizard.attach.upload")}>
        <UploadForm objectiveId={objectiveId} />
      </Card>
      <div className="flex flex-wrap items-center gap-3 rounded-sm border border-slate-300 bg-white px-4 py-3">
        <Link href={`/objectives/${objectiveId}/edit?step=3`} className={cls.button}>
          {t("wizard.prev")}
        </Link>
        <Link href={`/objectives/${objectiveId}/edit?step=5`} className={cls.primary} data-testid="next">
          {t("wizard.next")}
        </Link>
      </div>
    </div>
  );
}

function AttachmentList({ objectiveId, items }: { objectiveId: number; items: AttachmentItem[] }) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  const remove = (a: AttachmentItem) => {
    if (!window.confirm(t("wizard.attach.deleteConfirm", { name: a.filename }))) return;
    setBusy(a.id);
    startTransition(async () => {
      const r = await deleteAttachment({ objectiveId, attachmentId: a.id });
      setResult(r.ok ? { ...r, message: t("wizard.attach.deleted") } : r);
      setBusy(null);
      if (r.ok) router.refresh();
    });
  };

  const TH = "border border-slate-300 px-3 py-2 text-left font-semibold";
  const TD = "border border-slate-200 px-3 py-2";
  return (
    <>
      <FormMessage state={result} />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse border border-slate-400 text-sm" data-testid="attachments">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={TH}>{t("wizard.attach.filename")}</th>
              <th scope="col" className={TH}>{t("wizard.attach.kind")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("wizard.attach.size")}</th>
              <th scope="col" className={TH}>{t("wizard.attach.uploadedAt")}</th>
              <th scope="col" className={TH}>{t("wizard.attach.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} className="even:bg-slate-50/60">
                <td className={`${TD} break-all`}>
                  <a className={cls.link} href={`/api/attachments/${a.id}`} download>
                    {a.filename}
                  </a>
                </td>
                <td className={`${TD} whitespace-nowrap`}>{t(`wizard.attachmentKind.${a.kind}`)}</td>
                <td className={`${TD} text-right tabular-nums whitespace-nowrap`}>{kb(a.size)}</td>
                <td className={`${TD} tabular-nums whitespace-nowrap`}>{a.uploadedAt}</td>
                <td className={`${TD} whitespace-nowrap`}>
                  <a className={`${cls.small} mr-2`} href={`/api/attachments/${a.id}`} download aria-label={`${t("wizard.attach.download")} ${a.filename}`}>
                    {t("wizard.attach.download")}
                  </a>
                  <button type="button" className={`${cls.small} text-red-800`} disabled={pending} onClick={() => remove(a)} aria-label={`${t("wizard.attach.delete")} ${a.filename}`}>
                    {busy === a.id ? t("wizard.attach.deleting") : t("wizard.attach.delete")}
                  </button>
                </td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={5} className="border border-slate-200 px-3 py-6 text-center text-slate-500">
                  {t("wizard.attach.empty")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Upload through useActionState with FormData (objectiveId, kind, file); the size is checked here first to spare a 10 MB round trip. */
function UploadForm({ objectiveId }: { objectiveId: number }) {
  const t = useT();
  const [tooBig, setTooBig] = useState(false);
  const { state, pending, errors, formRef, onSubmit } = useActionForm(uploadAttachment, { resetOnSuccess: true });
  const shown = state?.ok ? { ...state, message: t("wizard.attach.uploaded") } : state;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_ATTACHMENT_BYTES) {
      e.preventDefault();
      setTooBig(true);
      return;
    }
    onSubmit(e);
  };
  const fileErrors = [...(tooBig ? [t("wizard.attach.tooBig")] : []), ...(errors.file ?? [])];

  return (
    <form noValidate ref={formRef} onSubmit={submit} className="space-y-4" aria-label={t("wizard.attach.upload")} encType="multipart/form-data">
      <p className="text-slate-600">{t("wizard.attach.hint")}</p>
      <FormMessage state={shown} />
      <input type="hidden" name="objectiveId" value={objectiveId} />
      <div className="grid max-w-3xl gap-4 sm:grid-cols-[14rem_1fr]">
        <Labeled id="upload-kind" label={t("wizard.attach.kind")} required errors={errors.kind}>
          <select id="upload-kind" name="kind" className={cls.input} defaultValue="feasibility" required {...describe("upload-kind", { errors: errors.kind })}>
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`wizard.attachmentKind.${k}`)}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled id="upload-file" label={t("wizard.attach.file")} required hint={t("wizard.attach.accept")} errors={fileErrors}>
          <input
            id="upload-file"
            name="file"
            type="file"
            accept={ACCEPT}
            required
            onChange={() => setTooBig(false)}
            className="block w-full text-sm file:mr-3 file:rounded-sm file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5 file:text-sm file:text-slate-700 hover:file:bg-slate-100"
            {...describe("upload-file", { hint: true, errors: fileErrors })}
          />
        </Labeled>
      </div>
      <button type="submit" className={cls.primary} disabled={pending} data-testid="upload">
        {pending ? t("wizard.attach.uploading") : t("wizard.attach.submit")}
      </button>
    </form>
  );
}
