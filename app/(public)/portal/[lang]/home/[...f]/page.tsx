import Link from "next/link";
import { redirect } from "next/navigation";
import { parseSearchParams } from "@/lib/admin/params";
import { cachedFigures, cachedRegions, cachedYears } from "@/lib/disclosure/cached";
import { cachedPublicRankings } from "@/lib/assessment/public";
import { cachedRegionYears } from "@/lib/objective/history-cached";
import { publicLandingParams } from "@/lib/disclosure/params";
import { type PortalPageProps, portalHref, portalT, readPairs } from "@/lib/disclosure/portal-path";
import { pickRegion } from "@/lib/disclosure/public";
import { chinaYear } from "@/lib/format";
import { wan } from "@/lib/project/money";
import { BarTable, LabeledSelect, linkCls, regionOption, submit } from "../../_parts";
import { PublicRegionYears } from "../../_years/year-views";

// Cached whole, kept until a disclosure changes (the hour is a safety net); built on first request.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

/**
 * The portal's landing page (/portal/regionId/5/year/2026, rewritten by next.config.ts): the figures of a
 * region (and the regions below it) for a year. Cached whole until a disclosure changes.
 */
export default async function PortalHome({ params }: PortalPageProps<{ f: string[] }>) {
  const { lang, f } = await params;
  const read = readPairs("home", f);
  if ("redirect" in read) redirect(read.redirect);
  const p = parseSearchParams(publicLandingParams, read.raw);
  const [t, regions, years] = await Promise.all([portalT(lang), cachedRegions(), cachedYears()]);
  const region = pickRegion(regions, p.regionId);
  const year = p.year ?? years[0] ?? chinaYear();
  const [figures, regionYears] = region ? await Promise.all([cachedFigures(region.path, year), cachedRegionYears(region.path)]) : [null, []];
  // 绩效管理工作考核: the published rankings finance disclosed (lib/assessment/public.ts).
  const rankings = region ? await cachedPublicRankings(region.path, year) : [];
  const listHref = (extra: Record<string, string | number> = {}) =>
    portalHref("list", { year: String(year), ...(region ? { regionId: String(region.id) } : {}), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) });
  const yearOptions = years.includes(year) ? years : [year, ...years];

  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-slate-900">{t("disclosure.landing.title", { region: region?.name ?? "", year })}</h1>
      <form method="get" action="/portal" className="mb-6 flex flex-wrap items-end gap-3 rounded-sm border border-slate-300 bg-slate-50 p-4 print-hide" aria-label={t("disclosure.landing.choose")}>
        <LabeledSelect id="landing-region" label={t("disclosure.landing.region")} name="regionId" defaultValue={region?.id} options={regions.map(regionOption)} />
        <LabeledSelect id="landing-year" label={t("disclosure.landing.year")} name="year" defaultValue={year} options={yearOptions.map((y) => [y, String(y)] as const)} />
        <button type="submit" className={submit}>
          {t("disclosure.landing.show")}
        </button>
      </form>

      {!figures || figures.count === 0 ? (
        <p className="rounded-sm border border-slate-300 p-6 text-slate-700">{t("disclosure.landing.none")}</p>
      ) : (
        <>
          <dl className="mb-8 grid gap-4 sm:grid-cols-3" data-testid="portal-figures">
            {[
              [t("disclosure.landing.amount"), t("disclosure.landing.amountValue", { amount: wan(figures.amount) }), "amount"],
              [t("disclosure.landing.count"), String(figures.count), "count"],
              [t("disclosure.landing.departments"), String(figures.departments), "departments"],
            ].map(([label, value, key]) => (
              <div key={key} className="rounded-sm border border-slate-300 border-t-4 border-t-accent p-4">
                <dt className="text-sm text-slate-700">{label}</dt>
                <dd className="mt-1 text-2xl font-bold tabular-nums text-slate-900" data-testid={`figure-${key}`}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          <div className="grid gap-8 lg:grid-cols-2">
            <BarTable
              caption={t("disclosure.landing.byCategory")}
              head={[t("disclosure.list.category"), t("disclosure.landing.countCol"), t("disclosure.landing.amountCol")]}
              rows={figures.byCategory.map((c) => ({
                key: c.category ?? "none",
                label: c.category ? (
                  <Link href={listHref({ category: c.category })} className={linkCls}>
                    {t(`pool.categoryLabel.${c.category}`)}
                  </Link>
                ) : (
                  "—"
                ),
                count: c.count,
                amount: c.amount,
                amountText: wan(c.amount),
              }))}
            />
            <BarTable
              caption={t("disclosure.landing.byDepartment")}
              head={[t("disclosure.list.department"), t("disclosure.landing.countCol"), t("disclosure.landing.amountCol")]}
              rows={[
                ...figures.byDepartment.map((d) => ({
                key: String(d.id),
                label: (
                  <Link href={listHref({ departmentId: d.id })} className={linkCls}>
                    {d.name}
                  </Link>
                ),
                count: d.count,
                amount: d.amount,
                amountText: wan(d.amount),
              })),
                ...(figures.otherDepartments
                  ? [
                      {
                        key: "other",
                        label: t("disclosure.landing.otherDepartments", { n: figures.otherDepartments.departments }),
                        count: figures.otherDepartments.count,
                        amount: figures.otherDepartments.amount,
                        amountText: wan(figures.otherDepartments.amount),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          {figures.byGrade.length === 0 ? (
            <p className="mt-6 text-sm text-slate-700">{t("disclosure.landing.gradeLater")}</p>
          ) : (
            <div className="mt-8 lg:w-1/2" data-testid="portal-grades">
              <BarTable
                caption={t("disclosure.landing.byGrade")}
                head={[t("disclosure.landing.gradeCol"), t("disclosure.landing.countCol"), t("disclosure.landing.amountCol")]}
                rows={figures.byGrade.map((g) => ({
                  key: g.grade,
                  label: (
                    <Link href={listHref({ grade: g.grade })} className={linkCls}>
                      {t(`evaluation.grade.${g.grade}`)}
                    </Link>
                  ),
                  count: g.count,
                  amount: g.amount,
                  amountText: wan(g.amount),
                }))}
              />
            </div>
          )}
          <p className="mt-4">
            <Link href={listHref()} className={linkCls}>
              {t("disclosure.landing.browse")}
            </Link>
          </p>
        </>
      )}
      {rankings.length > 0 && (
        <section className="mt-8" aria-labelledby="portal-assessments" data-testid="portal-assessments">
          <h2 id="portal-assessments" className="mb-2 text-lg font-bold text-slate-900">{t("assessment.congress.title")}</h2>
          <table className="w-full text-sm">
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
              {rankings.map((r) => (
                <tr key={`${r.roundId}-${r.orgName}`} className="border-b border-slate-100">
                  <td className="px-2 py-1">{r.regionName} · {t(`assessment.kind.${r.kind}`)}</td>
                  <td className="px-2 py-1 tabular-nums">{r.rank ?? "—"}</td>
                  <td className="px-2 py-1">{r.orgName}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.finalScore}</td>
                  <td className="px-2 py-1">{r.grade ? t(`assessment.grade.${r.grade}`) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {region && <PublicRegionYears years={regionYears} region={region} t={t} />}
    </>
  );
}
