import Link from "next/link";
import type { Translate } from "@/lib/i18n";
import { portalHref } from "@/lib/disclosure/portal-path";
import type { PublicRegionYear, PublicSubjectYear } from "@/lib/objective/history-public";
import { indicatorKey } from "@/lib/objective/year-compare";
import { wan } from "@/lib/project/money";
import { linkCls } from "../_parts";

const SIGN: Record<string, string> = { gte: "≥", lte: "≤", eq: "=", qualitative: "" };

/**
 * 历年公开情况 on a disclosed objective's page: the same subject's disclosed years side by side —
 * budget, prevailing grade and each indicator's annual target — each year linked to its page. Only
 * live disclosures are in `years` (lib/objective/history-public.ts); drawn when there are two or more.
 */
export function PublicSubjectYears({ years, currentId, subject, t }: { years: PublicSubjectYear[]; currentId: number; subject: string; t: Translate }) {
  if (years.length < 2) return null;
  const rows = new Map<string, { name: string; unit: string | null; byYear: Map<number, string> }>();
  for (const y of years) {
    for (const i of y.indicators) {
      const key = indicatorKey(i.name, i.comparison);
      const row = rows.get(key) ?? { name: i.name, unit: i.unit, byYear: new Map() };
      if (!row.byYear.has(y.disclosureId)) row.byYear.set(y.disclosureId, `${SIGN[i.comparison]}${i.annualTarget ?? "—"}${i.unit ? ` ${i.unit}` : ""}`);
      rows.set(key, row);
    }
  }
  return (
    <section className="mt-8 print-hide" aria-labelledby="portal-years-title">
      <h2 id="portal-years-title" className="mb-1 text-lg font-bold text-slate-900">
        {t("yoy.portal.subjectTitle")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("yoy.portal.subjectIntro", { subject })}</p>
      <div className="overflow-x-auto">
        <table className="portal-table" data-testid="portal-subject-years">
          <thead>
            <tr>
              <th scope="col">{t("yoy.portal.indicator")}</th>
              {years.map((y) => (
                <th key={y.disclosureId} scope="col" className="num" data-testid={`portal-year-${y.fiscalYear}`}>
                  {y.disclosureId === currentId ? (
                    <>
                      {t("yoy.yearValue", { year: y.fiscalYear })}
                      <span className="sub">{t("yoy.portal.current")}</span>
                    </>
                  ) : (
                    <Link href={`/portal/objectives/${y.disclosureId}`} className={linkCls}>
                      {t("yoy.yearValue", { year: y.fiscalYear })}
                    </Link>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("yoy.portal.amount")}</th>
              {years.map((y) => (
                <td key={y.disclosureId} className="num">
                  {wan(y.amount)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("yoy.portal.grade")}</th>
              {years.map((y) => (
                <td key={y.disclosureId} className="num">
                  {y.grade ? (
                    <>
                      {t(`evaluation.grade.${y.grade}`)}
                      <span className="sub">{t(`yoy.portal.gradeSource.${y.gradeSource ?? "self"}`)}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              ))}
            </tr>
            {[...rows.values()].map((r) => (
              <tr key={r.name + r.unit}>
                <th scope="row" className="font-normal">
                  {r.name}
                </th>
                {years.map((y) => (
                  <td key={y.disclosureId} className="num">
                    {r.byYear.get(y.disclosureId) ?? "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 历年公开情况 on the landing page: a region's (and below) disclosures per year, each year linked to its figures. */
export function PublicRegionYears({ years, region, t }: { years: PublicRegionYear[]; region: { id: number; name: string }; t: Translate }) {
  if (!years.length) return null;
  return (
    <section className="mt-10" aria-labelledby="portal-region-years-title">
      <h2 id="portal-region-years-title" className="mb-1 text-lg font-bold text-slate-900">
        {t("yoy.portal.regionTitle")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("yoy.portal.regionIntro", { region: region.name })}</p>
      <table className="portal-table" data-testid="portal-region-years">
        <thead>
          <tr>
            <th scope="col">{t("yoy.portal.year")}</th>
            <th scope="col" className="num">
              {t("yoy.portal.count")}
            </th>
            <th scope="col" className="num">
              {t("yoy.portal.budget")}
            </th>
            <th scope="col" className="num">
              {t("yoy.portal.results")}
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.fiscalYear} data-testid={`portal-region-year-${y.fiscalYear}`}>
              <th scope="row">
                <Link href={portalHref("home", { regionId: String(region.id), year: String(y.fiscalYear) })} className={linkCls}>
                  {t("yoy.yearValue", { year: y.fiscalYear })}
                </Link>
              </th>
              <td className="num">{y.count}</td>
              <td className="num">{wan(y.amount)}</td>
              <td className="num">{y.results}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
