import type { ScoreResult } from "@/lib/evaluation/scoring";
import { wan } from "@/lib/project/money";
import type { Translate } from "@/lib/i18n";
import type { ActualRow } from "@/lib/validation/evaluation";
import { GradeBadge } from "../badges";

/**
 * The score as a finance document: budget execution, then each 一级 level with its 二级 groups and
 * 三级 indicators — points, score, the rule applied and the arithmetic with its numbers.
 */
export function Breakdown({ result, t, actuals }: { result: ScoreResult; t: Translate; actuals: ActualRow[] }) {
  const rule = (key: string) => t(`evaluation.ruleText.${key}` as never);
  const deviation = new Map(actuals.map((a) => [String(a.ordinal), a.deviation]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="breakdown">
        <caption className="sr-only">{t("evaluation.breakdown")}</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50 text-left">
            <th scope="col" className="px-2 py-1.5">{t("evaluation.fields.indicator")}</th>
            <th scope="col" className="px-2 py-1.5 text-center">{t("evaluation.fields.comparison")}</th>
            <th scope="col" className="px-2 py-1.5 text-right">{t("evaluation.fields.target")}</th>
            <th scope="col" className="px-2 py-1.5 text-right">{t("evaluation.fields.actual")}</th>
            <th scope="col" className="px-2 py-1.5 text-right">{t("evaluation.fields.points")}</th>
            <th scope="col" className="px-2 py-1.5 text-right">{t("evaluation.fields.score")}</th>
            <th scope="col" className="px-2 py-1.5">{t("evaluation.fields.rule")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-200 font-medium">
            <th scope="row" className="px-2 py-1.5 text-left">{t("evaluation.level1.execution")}</th>
            <td className="px-2 py-1.5 text-center">—</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{t("evaluation.amountWan", { amount: wan(result.execution.budget) })}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{t("evaluation.amountWan", { amount: wan(result.execution.executed) })}（{result.execution.rate}%）</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{result.execution.points}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{result.execution.score}</td>
            <td className="px-2 py-1.5">
              {rule(result.execution.rule.rule)}
              <div className="font-mono text-xs text-slate-600">{result.execution.rule.calc}</div>
            </td>
          </tr>
          {result.levels.map((l) => (
            <LevelRows key={l.level1} level={l} t={t} rule={rule} deviation={deviation} />
          ))}
          <tr className="border-t-2 border-slate-400 font-semibold">
            <th scope="row" className="px-2 py-1.5 text-left">{t("evaluation.fields.total")}</th>
            <td colSpan={3} />
            <td className="px-2 py-1.5 text-right tabular-nums">100.00</td>
            <td className="px-2 py-1.5 text-right tabular-nums" data-testid="breakdown-total">{result.total}</td>
            <td className="px-2 py-1.5">
              {rule(result.totalRule.rule)}
              <div className="font-mono text-xs text-slate-600">{result.totalRule.calc}</div>
              <div className="mt-1">
                <GradeBadge grade={result.grade} t={t} /> <span className="text-xs text-slate-600">{rule(result.gradeRule.rule)}（{result.gradeRule.calc}）</span>
              </div>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function LevelRows({ level, t, rule, deviation }: { level: ScoreResult["levels"][number]; t: Translate; rule: (k: string) => string; deviation: Map<string, string | null> }) {
  return (
    <>
      <tr className="border-b border-slate-200 bg-slate-50 font-medium">
        <th scope="row" className="px-2 py-1.5 text-left">{t(`evaluation.level1.${level.level1}`)}</th>
        <td colSpan={3} className="px-2 py-1.5 text-xs text-slate-600">
          {rule(level.pointsRule.rule)} <span className="font-mono">{level.pointsRule.calc}</span>
        </td>
        <td className="px-2 py-1.5 text-right tabular-nums">{level.points}</td>
        <td className="px-2 py-1.5 text-right tabular-nums">{level.score}</td>
        <td className="px-2 py-1.5">
          {rule(level.rule.rule)}
          <div className="font-mono text-xs text-slate-600">{level.rule.calc}</div>
        </td>
      </tr>
      {level.level2.map((l2) => (
        <LevelTwo key={l2.level2} l2={l2} t={t} rule={rule} deviation={deviation} />
      ))}
    </>
  );
}

function LevelTwo({ l2, t, rule, deviation }: { l2: ScoreResult["levels"][number]["level2"][number]; t: Translate; rule: (k: string) => string; deviation: Map<string, string | null> }) {
  return (
    <>
      <tr className="border-b border-slate-100">
        <th scope="row" className="py-1.5 pl-5 pr-2 text-left font-normal text-slate-700">{t(`wizard.level2.${l2.level2}`)}</th>
        <td colSpan={3} />
        <td className="px-2 py-1.5 text-right tabular-nums">{l2.points}</td>
        <td className="px-2 py-1.5 text-right tabular-nums">{l2.score}</td>
        <td className="px-2 py-1.5">
          {rule(l2.rule.rule)}
          <div className="font-mono text-xs text-slate-600">{l2.rule.calc}</div>
        </td>
      </tr>
      {l2.indicators.map((i) => (
        <tr key={i.key} className="border-b border-slate-100 align-top">
          <th scope="row" className="py-1.5 pl-9 pr-2 text-left font-normal">
            {i.name}
            {deviation.get(i.key) && <div className="text-xs text-slate-500">{deviation.get(i.key)}</div>}
          </th>
          <td className="px-2 py-1.5 text-center">{t(`wizard.comparison.${i.comparison}`)}</td>
          <td className="px-2 py-1.5 text-right">{i.target ?? "—"}</td>
          <td className="px-2 py-1.5 text-right">{i.comparison === "qualitative" && i.actual ? `${i.actual}%` : (i.actual ?? "—")}</td>
          <td className="px-2 py-1.5 text-right tabular-nums">{i.points}</td>
          <td className="px-2 py-1.5 text-right tabular-nums">{i.score}</td>
          <td className="px-2 py-1.5">
            {rule(i.scoreRule.rule)}
            <div className="font-mono text-xs text-slate-600">{i.scoreRule.calc}</div>
            <div className="text-xs text-slate-500">
              {rule(i.pointsRule.rule)} <span className="font-mono">{i.pointsRule.calc}</span>
            </div>
          </td>
        </tr>
      ))}
    </>
  );
}
