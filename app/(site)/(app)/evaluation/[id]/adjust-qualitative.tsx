"use client";
import { useState } from "react";
import { adjustQualitativeDepartment } from "@/lib/actions/evaluation/adjust-qualitative-department";
import { adjustQualitativeFinance } from "@/lib/actions/evaluation/adjust-qualitative-finance";
import { QUALITATIVE_BANDS, type QualitativeBand } from "@/lib/evaluation/rules";
import { Field } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

type Select = React.ChangeEvent<HTMLSelectElement>;

/** The reviewer's change of a qualitative judgement, with its reason. */
export function AdjustQualitative({ selfEvaluationId, version, stage, indicators }: { selfEvaluationId: number; version: number; stage: "department" | "finance"; indicators: { ordinal: number; name: string }[] }) {
  const t = useT();
  const [ordinal, setOrdinal] = useState(String(indicators[0]?.ordinal ?? ""));
  const [band, setBand] = useState<QualitativeBand>("achieved");
  const [percent, setPercent] = useState("");
  const [reason, setReason] = useState("");
  const dept = useActionCall(adjustQualitativeDepartment);
  const finance = useActionCall(adjustQualitativeFinance);
  const call = stage === "department" ? dept : finance;
  return (
    <Disclosure label={t("evaluation.adjust.open")} className="mt-3">
      <div className="flex flex-wrap items-end gap-2">
        <Field id="adj-ordinal" label={t("evaluation.fields.indicator")} value={ordinal} onChange={(e: Select) => setOrdinal(e.target.value)} options={indicators.map((i) => ({ value: String(i.ordinal), label: i.name }))} errors={call.errors.ordinal} />
        <Field id="adj-band" label={t("evaluation.fields.band")} value={band} onChange={(e: Select) => setBand(e.target.value as QualitativeBand)} options={QUALITATIVE_BANDS.map((b) => ({ value: b, label: t(`evaluation.band.${b}`) }))} />
        <Field id="adj-percent" label={t("evaluation.fields.percent")} inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} errors={call.errors.percent} />
        <Field id="adj-reason" label={t("evaluation.fields.reason")} value={reason} onChange={(e) => setReason(e.target.value)} errors={call.errors.reason} />
        <button type="button" className={cls.button} disabled={call.pending} onClick={() => call.run({ selfEvaluationId, version, ordinal: Number(ordinal), band, percent, reason })}>
          {t("evaluation.adjust.save")}
        </button>
      </div>
      <ResultNotice state={call.state} reloadLabel={t("evaluation.reload")} compact />
    </Disclosure>
  );
}
