import Link from "next/link";
import { ActionError } from "@/lib/errors";
import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { loadRuleSet } from "@/lib/evaluation/load";
import { ruleSetWorkflow } from "@/lib/workflow/machines";
import { listRuleSets } from "@/lib/evaluation/queries";
import { replayYear, type ReplayResult } from "@/lib/evaluation/replay";
import { rulesOf } from "@/lib/evaluation/rule-sets";
import { DEFAULT_APPLICATION_RULES } from "@/lib/evaluation/rules";
import { GRADES } from "@/db/schema/enums";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { GradeBadge } from "../badges";
import { RuleSetActions, RuleSetEditor } from "./rule-set-forms";

export const generateMetadata = pageTitle("evaluation.ruleSets.title");

/**
 * Scoring rule sets (评分规则): versions per region and year, the one in force, drafts finance
 * edits (a used set is frozen: finance copies it), and the replay of a year under a draft —
 * computed here on the server and written nowhere.
 */
export default async function RuleSetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("evaluation.review.finance");
  const sp = await searchParams;
  const [t, db] = await Promise.all([getT(), getDb()]);
  const manage = hasPermission(actor.roles, "evaluation.rules.manage");
  const sets = await listRuleSets(db, actor);
  const replayId = Number(Array.isArray(sp.replay) ? sp.replay[0] : sp.replay);
  let replay: ReplayResult | null = null;
  if (Number.isInteger(replayId) && replayId > 0 && replayId <= 2_147_483_647) {
    try {
      replay = await replayYear(db, actor, await loadRuleSet(db, actor, replayId));
    } catch (e) {
      if (!(e instanceof ActionError)) throw e;
    }
  }

  return (
    <>
      <PageHeader title={t("evaluation.ruleSets.title")} subtitle={t("evaluation.ruleSets.subtitle")} />
      {replay && (
        <Card title={t("evaluation.ruleSets.replayTitle", { year: replay.fiscalYear })} className="mb-4">
          <p className="mb-2 text-sm" data-testid="replay-summary">
            {t("evaluation.ruleSets.replaySummary", { scored: replay.scored, changed: replay.gradeChanges.length, scoreOnly: replay.scoreOnlyChanges })}
          </p>
          <table className="mb-3 text-sm">
            <caption className="sr-only">{t("evaluation.ruleSets.distribution")}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 text-left">{t("evaluation.fields.grade")}</th>
                {GRADES.map((g) => (
                  <th key={g} scope="col" className="px-2">
                    <GradeBadge grade={g} t={t} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(["before", "after"] as const).map((k) => (
                <tr key={k}>
                  <th scope="row" className="px-2 text-left font-normal">{t(`evaluation.ruleSets.${k}`)}</th>
                  {GRADES.map((g) => (
                    <td key={g} className="px-2 text-center tabular-nums">{replay[k][g]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {replay.gradeChanges.length > 0 && (
            <table className="w-full text-sm" data-testid="replay-changes">
              <caption className="sr-only">{t("evaluation.ruleSets.changes")}</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50 text-left">
                  <th scope="col" className="px-2 py-1">{t("evaluation.fields.objective")}</th>
                  <th scope="col" className="px-2 py-1">{t("evaluation.fields.owner")}</th>
                  <th scope="col" className="px-2 py-1 text-right">{t("evaluation.ruleSets.oldTotal")}</th>
                  <th scope="col" className="px-2 py-1 text-right">{t("evaluation.ruleSets.newTotal")}</th>
                  <th scope="col" className="px-2 py-1 text-right">{t("evaluation.ruleSets.delta")}</th>
                  <th scope="col" className="px-2 py-1">{t("evaluation.fields.grade")}</th>
                </tr>
              </thead>
              <tbody>
                {replay.gradeChanges.slice(0, 500).map((c) => (
                  <tr key={c.selfEvaluationId} className="border-b border-slate-100">
                    <td className="px-2 py-1">
                      <Link href={`/evaluation/${c.selfEvaluationId}`} className={cls.link}>
                        {c.title}
                      </Link>
                    </td>
                    <td className="px-2 py-1">{c.ownerName}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{c.oldTotal}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{c.newTotal}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{c.delta}</td>
                    <td className="px-2 py-1">
                      <GradeBadge grade={c.oldGrade} t={t} /> → <GradeBadge grade={c.newGrade} t={t} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
      {sets.map(({ rs, regionName, regionPath }) => {
        const rules = rulesOf(rs);
        const editable = manage && !rs.used && rs.status !== "retired";
        return (
          <section key={rs.id} aria-label={rs.name}>
          <Card
            className="mb-4"
            title={
              <span className="flex flex-wrap items-center gap-2">
                {rs.name}
                <span className="text-sm font-normal text-slate-500">
                  {regionName} · {rs.fiscalYear} · {t("evaluation.ruleSets.number", { n: rs.number })}
                </span>
                <Badge tone={rs.status === "active" ? "green" : rs.status === "draft" ? "navy" : "slate"}>{t(`evaluation.rules.status.${rs.status}`)}</Badge>
                {rs.used && <Badge tone="amber">{t("evaluation.ruleSets.used")}</Badge>}
              </span>
            }
          >
            <dl className="mb-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-500">{t("evaluation.ruleSets.weights")}</dt>
                <dd className="tabular-nums">
                  {rules.executionWeight} / {rules.level1Weights.output} / {rules.level1Weights.benefit} / {rules.level1Weights.satisfaction}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("evaluation.ruleSets.gradeBands")}</dt>
                <dd className="tabular-nums">
                  {rules.gradeBands.excellent} / {rules.gradeBands.good} / {rules.gradeBands.fair}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("evaluation.ruleSets.gteFloor")}</dt>
                <dd className="tabular-nums">{rules.formulas.gte.zeroBelowRatio}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("evaluation.ruleSets.lteMultiple")}</dt>
                <dd className="tabular-nums">{rules.formulas.lte.zeroAtMultiple}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("evaluation.ruleSets.application")}</dt>
                <dd className="tabular-nums">
                  {rules.application ? `${rules.application.poorCutPercent} / ${rules.application.fairCutPercent} / ${rules.application.redWarningCutPercent}` : t("evaluation.ruleSets.applicationDefault")}
                </dd>
              </div>
            </dl>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/evaluation/rules?replay=${rs.id}`} className={cls.button}>
                {t("evaluation.ruleSets.replay")}
              </Link>
              {manage && <RuleSetActions ruleSetId={rs.id} version={rs.version} canActivate={ruleSetWorkflow.available(actor, { id: rs.id, state: rs.status, version: rs.version, orgPath: "", regionPath }).includes("activate")} defaultName={`${rs.name}（副本）`} />}
            </div>
            {editable && <RuleSetEditor ruleSetId={rs.id} version={rs.version} rules={{ ...rules, application: rules.application ?? DEFAULT_APPLICATION_RULES }} />}
          </Card>
          </section>
        );
      })}
    </>
  );
}
