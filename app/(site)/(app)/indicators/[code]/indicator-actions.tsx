"use client";
import { useState, type FormEvent } from "react";
import { editCommonIndicator } from "@/lib/actions/indicator/edit-common";
import { proposeIndicatorChange } from "@/lib/actions/indicator/propose-change";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";
import { EvidenceUpload } from "../evidence-upload";
import type { FieldValues } from "../fields";
import { FieldsEditor, readFields, TextArea } from "../fields-editor";

interface Props {
  code: string;
  /** The current version: what a proposal or an edit is made against (a newer one means conflict). */
  version: number;
  name: string;
  initial: FieldValues;
}

const PANEL = "mt-3 space-y-4 rounded-sm border border-slate-300 bg-slate-50 p-4";

/** The owning department's 申请调整 / 申请停用; each request then takes its evidence files. */
export function OwnerActions({ code, version, initial }: Props) {
  const t = useT();
  const [open, setOpen] = useState<"adjust" | "retire" | null>(null);
  const { state, setState, pending, errors, run } = useActionCall(proposeIndicatorChange);
  const requestId = state?.ok ? state.data.id : null;

  function toggle(next: "adjust" | "retire") {
    setState(null);
    setOpen(open === next ? null : next);
  }
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const reason = String(f.get("reason") ?? "").trim();
    if (open === "adjust") run({ kind: "adjust", code, baseVersion: version, fields: readFields(f), reason });
    else run({ kind: "retire", code, baseVersion: version, reason });
  }

  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={open === "adjust" ? cls.primary : cls.button} aria-expanded={open === "adjust"} onClick={() => toggle("adjust")}>
          {t("bank.act.adjust")}
        </button>
        <button type="button" className={open === "retire" ? cls.primary : cls.button} aria-expanded={open === "retire"} onClick={() => toggle("retire")}>
          {t("bank.act.retire")}
        </button>
      </div>
      {requestId ? (
        <div className={PANEL} data-testid="proposal-submitted">
          <ResultNotice state={{ ok: true, data: null, message: t("bank.propose.submitted", { id: requestId }) }} reloadLabel={t("bank.act.reload")} />
          <h3 className="font-semibold text-slate-800">{t("bank.evidence.forRequest", { id: requestId })}</h3>
          <EvidenceUpload requestId={requestId} idPrefix="req-evidence" />
        </div>
      ) : (
        open && (
          <form onSubmit={submit} className={PANEL} aria-label={t(open === "adjust" ? "bank.act.adjust" : "bank.act.retire")} noValidate>
            <p className="text-slate-600">{t("bank.act.baseVersion", { n: version })}</p>
            <ResultNotice state={state} reloadLabel={t("bank.act.reload")} onReload={() => setState(null)} />
            {open === "adjust" && <FieldsEditor idPrefix="adj" initial={initial} errors={errors} />}
            <TextArea
              id={`${open}-reason`}
              name="reason"
              label={t("bank.field.reason")}
              required
              rows={3}
              hint={t(open === "adjust" ? "bank.field.reasonHint" : "bank.act.retireReasonHint")}
              errors={errors.reason}
            />
            <div className="flex gap-2">
              <button type="submit" className={cls.primary} disabled={pending}>
                {pending ? t("bank.act.submitting") : t("bank.propose.submit")}
              </button>
              <button type="button" className={cls.button} onClick={() => setOpen(null)}>
                {t("bank.act.cancel")}
              </button>
            </div>
          </form>
        )
      )}
    </div>
  );
}

/** Finance's 编辑 / 停用 of a common indicator: each publishes a new version at once. */
export function CommonActions({ code, version, name, initial }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<"saved" | "retired" | null>(null);
  const { state, setState, pending, errors, run } = useActionCall(editCommonIndicator, { onSuccess: () => setEditing(false) });

  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone("saved");
    run({ code, baseVersion: version, fields: readFields(new FormData(e.currentTarget)) });
  }
  function retire() {
    if (!window.confirm(t("bank.act.retireConfirm", { name }))) return;
    setDone("retired");
    run({ code, baseVersion: version, fields: initial, retire: true });
  }

  const shown = state?.ok && done ? { ...state, message: t(done === "saved" ? "bank.act.saved" : "bank.act.retired", { n: state.data.version }) } : state;
  return (
    <div className="space-y-3">
      {!editing && <ResultNotice state={shown} reloadLabel={t("bank.act.reload")} onReload={() => setState(null)} />}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={editing ? cls.primary : cls.button}
          aria-expanded={editing}
          onClick={() => {
            setState(null);
            setEditing(!editing);
          }}
        >
          {t("bank.act.edit")}
        </button>
        <button type="button" className={`${cls.button} text-red-800`} disabled={pending} onClick={retire}>
          {t("bank.act.retireCommon")}
        </button>
      </div>
      {editing && (
        <form onSubmit={save} className={PANEL} aria-label={t("bank.act.edit")} noValidate>
          <p className="text-slate-600">{t("bank.act.baseVersion", { n: version })}</p>
          <ResultNotice state={shown} reloadLabel={t("bank.act.reload")} onReload={() => setState(null)} />
          <FieldsEditor idPrefix="edit" initial={initial} errors={errors} />
          <div className="flex gap-2">
            <button type="submit" className={cls.primary} disabled={pending}>
              {pending ? t("bank.act.submitting") : t("bank.act.save")}
            </button>
            <button type="button" className={cls.button} onClick={() => setEditing(false)}>
              {t("bank.act.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
