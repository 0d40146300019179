"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { discloseEvaluation } from "@/lib/actions/disclosure/disclose-evaluation";
import { discloseKeyEvaluation } from "@/lib/actions/disclosure/disclose-key-evaluation";
import { ConfirmButton } from "@/app/_components/confirm-button";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "@/app/(site)/(app)/_workflow/result-notice";

/** Disclose one accepted result: a self-evaluation's score and grade, or a key evaluation with its report. */
export function DiscloseResultButton({ kind, id, labels }: { kind: "self" | "key"; id: number; labels: { disclose: string; reload: string } }) {
  const router = useRouter();
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-start gap-1">
      <ResultNotice state={state} reloadLabel={labels.reload} compact />
      <ConfirmButton
        label={labels.disclose}
        className={cls.small}
        disabled={pending}
        onConfirm={() =>
          start(async () => {
            const result = kind === "key" ? await discloseKeyEvaluation({ keyEvaluationId: id }) : await discloseEvaluation({ selfEvaluationId: id });
            setState(result);
            if (result.ok) router.refresh();
          })
        }
      />
    </div>
  );
}
