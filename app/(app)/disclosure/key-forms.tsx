"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { discloseKeyEvaluation } from "@/lib/actions/disclosure/disclose-key-evaluation";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "@/app/(app)/_workflow/result-notice";

/** Disclose one accepted key evaluation (its result and report). */
export function DiscloseKeyButton({ id, labels }: { id: number; labels: { disclose: string; reload: string } }) {
  const router = useRouter();
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-start gap-1">
      <ResultNotice state={state} reloadLabel={labels.reload} compact />
      <button
        type="button"
        className={cls.small}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await discloseKeyEvaluation({ keyEvaluationId: id });
            setState(result);
            if (result.ok) router.refresh();
          })
        }
      >
        {labels.disclose}
      </button>
    </div>
  );
}
