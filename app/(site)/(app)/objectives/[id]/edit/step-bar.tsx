import Link from "next/link";
import type { Translate } from "@/lib/i18n";

export const STEPS = [1, 2, 3, 4, 5] as const;
export type Step = (typeof STEPS)[number];

/** The title of a step: a project's, or a department-overall objective's own (deptObjective.steps). */
export function stepTitle(t: Translate, step: Step, department: boolean): string {
  return t(department ? `deptObjective.steps.s${step}` : `wizard.steps.s${step}`);
}

/**
 * 1 项目基本信息 · 2 资金需求 · 3 绩效信息 · 4 项目附件 · 5 完整性检查与提交 (a department-overall objective:
 * 部门基本信息 · 年度主要任务 · 绩效目标与指标 · 佐证材料 · 完整性检查与提交), each a link; a step with open
 * findings shows how many.
 */
export function StepBar({ objectiveId, current, issues, t, department = false }: { objectiveId: number; current: Step; issues: Record<number, number>; t: Translate; department?: boolean }) {
  return (
    <nav aria-label={t("wizard.stepNav")} className="mb-5">
      <ol className="flex flex-wrap overflow-hidden rounded-sm border border-slate-300 bg-white">
        {STEPS.map((s) => {
          const active = s === current;
          const n = issues[s] ?? 0;
          return (
            <li key={s} className="min-w-[9rem] flex-1 border-r border-slate-200 last:border-r-0">
              <Link
                href={`/objectives/${objectiveId}/edit?step=${s}`}
                aria-current={active ? "step" : undefined}
                className={`flex h-full items-center gap-2 px-3 py-2.5 ${active ? "bg-accent-soft text-accent shadow-[inset_0_-3px_0_var(--color-accent)]" : "text-slate-700 hover:bg-slate-50"}`}
                data-testid={`step-${s}`}
              >
                <span
                  className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold ${active ? "border-accent bg-accent text-white" : "border-slate-400 text-slate-600"}`}
                  aria-hidden="true"
                >
                  {s}
                </span>
                <span className="leading-tight">
                  <span className="sr-only">{t("wizard.stepNo", { n: s })} </span>
                  <span className={active ? "font-semibold" : undefined}>{stepTitle(t, s, department)}</span>
                  {n > 0 && <span className="block text-xs text-amber-700">{t("wizard.stepIssues", { n })}</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
