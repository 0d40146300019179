"use client";
import { useState } from "react";
import { reviewSelfEvaluationDepartment } from "@/lib/actions/evaluation/review-self-evaluation-department";
import { reviewSelfEvaluationFinance } from "@/lib/actions/evaluation/review-self-evaluation-finance";
import type { SelfEvaluationEvent } from "@/lib/workflow/self-evaluation";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** The reviewer's decisions the workflow table allows now (the filer's submit is on the form). */
export function ReviewButtons({ selfEvaluationId, version, events }: { selfEvaluationId: number; version: number; events: SelfEvaluationEvent[] }) {
  const t = useT();
  const [reason, setReason] = useState("");
  const dept = useActionCall(reviewSelfEvaluationDepartment);
  const finance = useActionCall(reviewSelfEvaluationFinance);
  const shown = events.filter((e) => e !== "submit");
  const errors = { ...dept.errors, ...finance.errors };
  return (
    <div className="space-y-3">
      <ResultNotice state={dept.state ?? finance.state} reloadLabel={t("evaluation.reload")} />
      <Field id="reason" label={t("evaluation.fields.reason")} value={reason} onChange={(e) => setReason(e.target.value)} errors={errors.reason} />
      <div className="flex flex-wrap gap-2">
        {shown.map((event) => (
          <button
            key={event}
            type="button"
            className={event.endsWith("return") ? cls.button : cls.primary}
            disabled={dept.pending || finance.pending}
            onClick={() =>
              event === "dept_pass" || event === "dept_return"
                ? dept.run({ selfEvaluationId, version, event, reason })
                : finance.run({ selfEvaluationId, version, event: event as "finance_accept" | "finance_return", reason })
            }
          >
            {t(`evaluation.event.${event}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
