"use client";
import { useRouter } from "next/navigation";
import { startSelfEvaluationAction } from "@/lib/actions/evaluation/start-self-evaluation";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../_workflow/result-notice";
import { useActionCall } from "../_workflow/use-action-call";

/** Opens the self-evaluation of an approved objective and goes to its form. */
export function StartSelfEvaluationButton({ objectiveId, title }: { objectiveId: number; title: string }) {
  const t = useT();
  const router = useRouter();
  const { state, pending, run } = useActionCall(startSelfEvaluationAction, {
    refresh: false,
    onSuccess: (r) => router.push(`/evaluation/${r.data.id}`),
  });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={cls.small} disabled={pending} onClick={() => run({ objectiveId })} aria-label={`${t("evaluation.start")}：${title}`}>
        {t("evaluation.start")}
      </button>
      {state && !state.ok && <ResultNotice state={state} reloadLabel={t("evaluation.reload")} compact />}
    </span>
  );
}
