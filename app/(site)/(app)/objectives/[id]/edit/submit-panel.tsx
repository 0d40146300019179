"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import type { ActionResult } from "@/lib/actions/result";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ConflictNotice } from "./wizard-save";

/** The refusal's messages by step: each starts with "第N步 · " (lib/actions/objective/submit-objective.ts). */
function byStep(result: ActionResult<unknown> | null): { step: number | null; messages: string[] }[] {
  if (!result || result.ok || !result.fieldErrors) return [];
  const groups = new Map<number | null, string[]>();
  for (const messages of Object.values(result.fieldErrors)) {
    for (const m of messages) {
      const match = /^第\s*(\d)\s*步\s*·\s*/.exec(m);
      const step = match ? Number(match[1]) : null;
      groups.set(step, [...(groups.get(step) ?? []), match ? m.slice(match[0].length) : m]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a ?? 99) - (b ?? 99)).map(([step, messages]) => ({ step, messages }));
}

/** 提交审核: submits with the objective's workflow version; success goes to the objective's page. */
export function SubmitPanel({
  objectiveId,
  version,
  blocked,
  lateEnd = null,
  department = false,
}: {
  objectiveId: number;
  version: number;
  blocked: boolean;
  /** The last day of the declaration period when it has closed: the confirmation says the submission will be late. */
  lateEnd?: string | null;
  department?: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const stepName = (n: number) => t(department ? `deptObjective.steps.s${n as 1 | 2 | 3 | 4 | 5}` : `wizard.steps.s${n as 1 | 2 | 3 | 4 | 5}`);

  const submit = () => {
    if (!window.confirm(lateEnd ? t("wizard.review.submitConfirmLate", { end: lateEnd }) : t("wizard.review.submitConfirm"))) return;
    startTransition(async () => {
      const r = await submitObjective({ objectiveId, version });
      setResult(r);
      if (r.ok) {
        router.push(`/objectives/${objectiveId}`);
        router.refresh();
      }
    });
  };

  const groups = byStep(result);
  return (
    <div className="space-y-3">
      {result && !result.ok && result.code === "conflict" && <ConflictNotice />}
      {result && !result.ok && result.code !== "conflict" && (
        <div role="alert" className="rounded-sm border border-red-300 bg-red-50 px-4 py-3 text-red-900" data-testid="submit-errors">
          <p className="font-semibold">{result.code === "invalid_input" ? t("wizard.review.failed") : result.message}</p>
          {groups.map((g) => (
            <div key={g.step ?? "other"} className="mt-2">
              <p className="font-medium">
                {g.step ? (
                  <Link className={cls.link} href={`/objectives/${objectiveId}/edit?step=${g.step}`}>
                    {t("wizard.review.goto", { n: g.step, step: stepName(g.step) })}
                  </Link>
                ) : (
                  t("wizard.review.other")
                )}
              </p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {g.messages.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {result?.ok && (
        <p role="status" className="rounded-sm border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          {t("common.submitting")}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 rounded-sm border border-slate-300 bg-white px-4 py-3">
        <Link href={`/objectives/${objectiveId}/edit?step=4`} className={cls.button}>
          {t("wizard.prev")}
        </Link>
        <button type="button" className={cls.primary} disabled={pending || result?.ok} onClick={submit} data-testid="submit">
          {pending ? t("wizard.review.submitting") : t("wizard.review.submit")}
        </button>
        <span className="text-sm text-slate-500">{blocked ? t("wizard.review.blocked") : t("wizard.review.submitHint")}</span>
      </div>
    </div>
  );
}
