import Link from "next/link";
import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { congressPack } from "@/lib/evaluation/congress-pack";
import { wan } from "@/lib/project/money";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { listYearOptions } from "@/lib/project/queries";
import { FilterBar } from "@/app/_components/filter-bar";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { GradeBadge } from "../badges";
import { PrintButton } from "./print-button";

export const generateMetadata = pageTitle("evaluation.congress.title");

/** The people's-congress pack of a fiscal year, printable, with its Excel workbook. */
export default async function CongressPackPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const [t, db, sp] = await Promise.all([getT(), getDb(), searchParams]);
  const years = await listYearOptions(db);
  const requested = Number(Array.isArray(sp.year) ? sp.year[0] : sp.year);
  const year = years.includes(requested) ? requested : (years[years.length - 1] ?? new Date().getFullYear());
  const pack = await congressPack(db, actor, year);
  return (
    <>
      <PageHeader title={t("evaluation.congress.heading", { year })} subtitle={t("evaluation.congress.subtitle")}>
        <span className="flex gap-2 print:hidden">
          <a className={cls.button} href={`/api/evaluation/congress?year=${year}`}>
            {t("evaluation.congress.excel")}
          </a>
          <PrintButton label={t("evaluation.congress.print")} />
        </span>
      </PageHeader>
      <div className="print:hidden">
        <FilterBar filters={[{ name: "year", label: t("evaluation.fields.fiscalYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) }]} values={{ year: String(year) }} />
      </div>
      <Card title={t("evaluation.congress.objectives")} className="mb-4">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("evaluation.congress.objectives")}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="px-2 py-1">{t("evaluation.fields.objective")}</th>
              <th scope="col" className="px-2 py-1">{t("evaluation.fields.owner")}</th>
              <th scope="col" className="px-2 py-1 text-right">{t("evaluation.congress.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {pack.keyObjectives.map((o) => (
              <tr key={o.id} className="border-b border-slate-100">
                <td className="px-2 py-1">{o.title}</td>
                <td className="px-2 py-1">{o.ownerName}</td>
                <td className="px-2 py-1 text-right tabular-nums">{wan(o.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pack.keyObjectives.length === 0 && <p className="text-sm text-slate-500">{t("evaluation.congress.none")}</p>}
      </Card>
      <Card title={t("evaluation.congress.results")}>
        {pack.keyResults.map((r) => (
          <article key={r.id} className="mb-3 border-b border-slate-100 pb-3 text-sm">
            <h3 className="font-medium">
              {r.title}（{r.ownerName}） <span className="tabular-nums">{r.score}</span> <GradeBadge grade={r.grade} t={t} />
            </h3>
            <p>
              <span className="text-slate-500">{t("evaluation.key.findings")}：</span>
              {r.findings}
            </p>
            <p>
              <span className="text-slate-500">{t("evaluation.key.recommendations")}：</span>
              {r.recommendations}
            </p>
            <p>
              <span className="text-slate-500">{t("evaluation.key.report")}：</span>
              {r.report ? (
                <a className={cls.link} href={r.report.href}>
                  {r.report.filename}
                </a>
              ) : (
                t("evaluation.key.noReport")
              )}
              <span className="print:hidden">
                {" · "}
                <Link className={cls.link} href={`/evaluation/key/${r.id}/report`}>
                  {t("evaluation.key.generatedReport")}
                </Link>
              </span>
            </p>
          </article>
        ))}
        {pack.keyResults.length === 0 && <p className="text-sm text-slate-500">{t("evaluation.congress.none")}</p>}
      </Card>
    </>
  );
}
