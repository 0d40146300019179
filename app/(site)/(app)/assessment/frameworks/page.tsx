import { ActionError } from "@/lib/errors";
import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { chinaYear } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { frameworkOf } from "@/lib/assessment/framework";
import { listFrameworks, loadFramework } from "@/lib/assessment/frameworks";
import { replayFramework } from "@/lib/assessment/replay";
import { assessedOrgs, type ComputedResult } from "@/lib/assessment/rounds";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { AssessmentGradeBadge } from "../badges";
import { CreateFrameworkForm, FrameworkActions, FrameworkEditor } from "./framework-forms";

export const generateMetadata = pageTitle("assessment.frameworks.title");

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * 考核办法: versions per region and year; the default six classes; a draft edited until a round
 * computes under it; any version replayed against a year, computed here and written nowhere.
 */
export default async function FrameworksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("assessment.manage");
  const sp = await searchParams;
  const [t, db] = await Promise.all([getT(), getDb()]);
  const manage = hasPermission(actor.roles, "assessment.framework.manage");
  const [rows, orgs] = await Promise.all([listFrameworks(db, actor), assessedOrgs(db, actor.regionId, actor.regionPath)]);
  const replayId = Number(one(sp.replay));
  const replayYear = Number(one(sp.year));
  let replay: { name: string; year: number; results: ComputedResult[] } | null = null;
  if (Number.isInteger(replayId) && replayId > 0 && replayId <= 2_147_483_647 && Number.isInteger(replayYear) && replayYear >= 2000 && replayYear <= 2100) {
    try {
      const fw = await loadFramework(db, actor, "assessment.manage", replayId);
      replay = { name: fw.name, year: replayYear, results: await replayFramework(db, actor, fw, replayYear) };
    } catch (e) {
      if (!(e instanceof ActionError)) throw e;
    }
  }
  const year = chinaYear();
  return (
    <>
      <PageHeader title={t("assessment.frameworks.title")} subtitle={t("assessment.frameworks.subtitle")} />
      {manage && (
        <Card className="mb-4">
          <CreateFrameworkForm defaultYear={year - 1} defaultName={t("assessment.frameworks.defaultName", { year: year - 1 })} />
        </Card>
      )}
      {replay && (
        <Card title={t("assessment.frameworks.replayTitle", { name: replay.name, year: replay.year })} className="mb-4">
          <table className="w-full text-sm" data-testid="replay">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-2 py-1">{t("assessment.frameworks.kindCol")}</th>
                <th scope="col" className="px-2 py-1">{t("assessment.round.rank")}</th>
                <th scope="col" className="px-2 py-1">{t("assessment.round.org")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("assessment.round.final")}</th>
                <th scope="col" className="px-2 py-1">{t("assessment.round.grade")}</th>
              </tr>
            </thead>
            <tbody>
              {replay.results.slice(0, 300).map((r) => (
                <tr key={r.org.orgId} className="border-b border-slate-100">
                  <td className="px-2 py-1">{t(`assessment.kind.${r.org.kind}`)}</td>
                  <td className="px-2 py-1 tabular-nums">{r.rank ?? "—"}</td>
                  <td className="px-2 py-1">{r.org.name}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.final ?? t("assessment.round.pending")}</td>
                  <td className="px-2 py-1"><AssessmentGradeBadge grade={r.grade} t={t} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {rows.map(({ f, regionName }) => {
        const framework = frameworkOf(f.framework);
        const editable = manage && !f.used && f.status === "draft";
        return (
          <section key={f.id} aria-label={f.name}>
            <Card
              className="mb-4"
              title={
                <span className="flex flex-wrap items-center gap-2">
                  {f.name}
                  <span className="text-sm font-normal text-slate-500">
                    {regionName} · {f.fiscalYear} · {t("assessment.frameworks.number", { n: f.number })}
                  </span>
                  <Badge tone={f.status === "active" ? "green" : f.status === "draft" ? "navy" : "slate"}>{t(`assessment.frameworks.status.${f.status}`)}</Badge>
                  {f.used && <Badge tone="slate">{t("assessment.frameworks.used")}</Badge>}
                </span>
              }
              actions={manage ? <FrameworkActions frameworkId={f.id} version={f.version} fiscalYear={f.fiscalYear} name={f.name} canActivate={f.status === "draft"} /> : undefined}
            >
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="px-2 py-1">{t("assessment.frameworks.className")}</th>
                    <th scope="col" className="px-2 py-1">{t("assessment.frameworks.code")}</th>
                    <th scope="col" className="px-2 py-1">{t("assessment.frameworks.name")}</th>
                    <th scope="col" className="px-2 py-1">{t("assessment.frameworks.kindCol")}</th>
                    <th scope="col" className="px-2 py-1 text-right">{t("assessment.frameworks.weight")}</th>
                    <th scope="col" className="px-2 py-1">{t("assessment.frameworks.methodCol")}</th>
                  </tr>
                </thead>
                <tbody>
                  {framework.indicators.map((i) => (
                    <tr key={i.code} className="border-b border-slate-100">
                      <td className="px-2 py-1">{framework.classes.find((c) => c.key === i.class)?.name}</td>
                      <td className="px-2 py-1">{i.code}</td>
                      <td className="px-2 py-1">{i.name}</td>
                      <td className="px-2 py-1">{t(`assessment.kind.${i.kind}`)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{i.weight}</td>
                      <td className="px-2 py-1">
                        {i.method ? t(`assessment.method.${i.method}`) : "—"}
                        {i.metric && <span className="text-slate-500"> · {t(`assessment.metric.${i.metric}`)}</span>}
                        {i.deductPer && <span className="text-slate-500"> · −{i.deductPer}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <form method="get" className="mt-3 flex flex-wrap items-end gap-2">
                <input type="hidden" name="replay" value={f.id} />
                <label className="text-sm">
                  <span className="mb-1 block text-slate-700">{t("assessment.frameworks.replayYear")}</span>
                  <input name="year" className={`${cls.input} w-24`} inputMode="numeric" defaultValue={f.fiscalYear} />
                </label>
                <button type="submit" className={cls.button}>{t("assessment.frameworks.replay")}</button>
              </form>
              {editable && <FrameworkEditor frameworkId={f.id} version={f.version} framework={framework} orgs={orgs.map((o) => ({ id: o.orgId, name: o.name }))} />}
            </Card>
          </section>
        );
      })}
    </>
  );
}
