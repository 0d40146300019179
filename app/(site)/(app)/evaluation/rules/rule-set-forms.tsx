"use client";
import { useState } from "react";
import { activateEvaluationRuleSet } from "@/lib/actions/evaluation/activate-rule-set";
import { copyEvaluationRuleSet } from "@/lib/actions/evaluation/copy-rule-set";
import { editEvaluationRuleSet } from "@/lib/actions/evaluation/edit-rule-set";
import type { ScoringRules } from "@/lib/evaluation/rules";
import { Field, FieldErrors } from "@/app/_components/field";
import { useT } from "@/app/_components/i18n";
import { cls, Disclosure } from "@/app/_components/ui";
import { ResultNotice } from "../../_workflow/result-notice";
import { useActionCall } from "../../_workflow/use-action-call";

/** Copy (finance edits a copy, never a used set) and adopt. */
export function RuleSetActions({ ruleSetId, version, canActivate, defaultName }: { ruleSetId: number; version: number; canActivate: boolean; defaultName: string }) {
  const t = useT();
  const copy = useActionCall(copyEvaluationRuleSet);
  const activate = useActionCall(activateEvaluationRuleSet);
  return (
    <>
      <button type="button" className={cls.button} disabled={copy.pending} onClick={() => copy.run({ ruleSetId, name: defaultName.slice(0, 100) })}>
        {t("evaluation.ruleSets.copy")}
      </button>
      {canActivate && (
        <button type="button" className={cls.primary} disabled={activate.pending} onClick={() => activate.run({ ruleSetId, version })}>
          {t("evaluation.ruleSets.activate")}
        </button>
      )}
      <ResultNotice state={copy.state ?? activate.state} reloadLabel={t("evaluation.reload")} compact />
    </>
  );
}

type Path = [string, ...string[]];
const FIELDS: { path: Path; label: string }[] = [
  { path: ["executionWeight"], label: "evaluation.ruleSets.f.execution" },
  { path: ["level1Weights", "output"], label: "evaluation.level1.output" },
  { path: ["level1Weights", "benefit"], label: "evaluation.level1.benefit" },
  { path: ["level1Weights", "satisfaction"], label: "evaluation.level1.satisfaction" },
  { path: ["gradeBands", "excellent"], label: "evaluation.ruleSets.f.excellent" },
  { path: ["gradeBands", "good"], label: "evaluation.ruleSets.f.good" },
  { path: ["gradeBands", "fair"], label: "evaluation.ruleSets.f.fair" },
  { path: ["formulas", "gte", "zeroBelowRatio"], label: "evaluation.ruleSets.gteFloor" },
  { path: ["formulas", "lte", "zeroAtMultiple"], label: "evaluation.ruleSets.lteMultiple" },
  { path: ["executionExplainBelow"], label: "evaluation.ruleSets.f.explainBelow" },
  { path: ["application", "poorCutPercent"], label: "evaluation.ruleSets.f.poorCut" },
  { path: ["application", "fairCutPercent"], label: "evaluation.ruleSets.f.fairCut" },
  { path: ["application", "redWarningCutPercent"], label: "evaluation.ruleSets.f.redCut" },
];

function getAt(o: unknown, path: string[]): string {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
}
function setAt<T>(o: T, path: string[], value: string): T {
  const [k, ...rest] = path;
  const obj = o as Record<string, unknown>;
  return { ...obj, [k]: rest.length ? setAt(obj[k], rest, value) : value } as T;
}

/** Edits a rule set nobody was scored under: weights, grade lines and formula parameters. */
export function RuleSetEditor({ ruleSetId, version, rules }: { ruleSetId: number; version: number; rules: ScoringRules }) {
  const t = useT();
  const [draft, setDraft] = useState(rules);
  const { state, pending, errors, run } = useActionCall(editEvaluationRuleSet);
  return (
    <Disclosure label={t("evaluation.ruleSets.edit")} className="mt-3">
      <form noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          run({ ruleSetId, version, rules: draft });
        }}
      >
        <ResultNotice state={state} reloadLabel={t("evaluation.reload")} />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {FIELDS.map((f) => (
            <Field
              key={f.path.join(".")}
              id={`rs-${ruleSetId}-${f.path.join("-")}`}
              label={t(f.label as never)}
              inputMode="decimal"
              value={getAt(draft, f.path)}
              onChange={(e) => setDraft((d) => setAt(d, f.path, e.target.value))}
              errors={errors[`rules.${f.path.join(".")}`]}
            />
          ))}
        </div>
        <FieldErrors errors={[...(errors["rules.level1Weights"] ?? []), ...(errors["rules.gradeBands"] ?? []), ...(errors["rules.formulas.gte"] ?? []), ...(errors["rules.formulas.lte"] ?? [])]} />
        <button type="submit" className={cls.primary} disabled={pending}>
          {t("evaluation.ruleSets.save")}
        </button>
      </form>
    </Disclosure>
  );
}
