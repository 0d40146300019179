import Link from "next/link";
import type { RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { chinaYear } from "@/lib/format";
import { congressPack } from "@/lib/evaluation/congress-pack";
import { wan } from "@/lib/project/money";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { listYearOptions } from "@/lib/project/queries";
import { FilterBar } from "@/app/_components/filter-bar";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { GradeBadge } from "../badges";
import { PrintButton } from "./print-button";
import { CongressAssessments } from "../../assessment/congress-section";

export const generateMetadata = pageTitle("evaluation.congress.title");

/** The people's-congress pack of a fiscal year, printable, with its Excel workbook. */
export default async function CongressPackPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const [t, db, sp] = await Promise.all([getT(), getDb(), searchParams]);
  const years = await listYearOptions(db);
  const requested = Number(Array.isArray(sp.year) ? sp.year[0] : sp.year);
  const year = years.includes(requested) ? requested : (years[years.length - 1] ?? chinaYear());
  const pack = await congressPack(db, actor, year);
  const th = "px-2 py-1 font-medium";
  const num = "px-2 py-1 text-right tabular-nums";
  return (
    <div className="congress-pack">
      {/* Printed: the pack alone (no shell, no buttons), A4 landscape, table headers repeated on each page. */}
      <style>{`@media print {
  @page { size: A4 landscape; margin: 14mm 12mm; }
  body header, body nav, .print\\:hidden { display: none !important; }
  #main { padding: 0 !important; }
  .congress-pack section, .congress-pack article { break-inside: avoid-page; }
  .congress-pack table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
  .congress-pack th, .congress-pack td { border: 0.5pt solid #64748b; }
  .congress-pack thead { display: table-header-group; }
  .congress-pack tr { break-inside: avoid; }
}`}</style>
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
      <section aria-labelledby="congress-disclosed-objectives">
        <Card title={<span id="congress-disclosed-objectives">{t("evaluation.congress.disclosedObjectives")}</span>} className="mb-4 mt-4">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className={th}>{t("evaluation.fields.objective")}</th>
                <th scope="col" className={th}>{t("evaluation.congress.department")}</th>
                <th scope="col" className={th}>{t("evaluation.congress.unit")}</th>
                <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.budgetWan")}</th>
              </tr>
            </thead>
            <tbody>
              {pack.disclosedObjectives.map((o) => (
                <tr key={o.disclosureId} className="border-b border-slate-100">
                  <td className="px-2 py-1">{o.title}</td>
                  <td className="px-2 py-1">{o.departmentName}</td>
                  <td className="px-2 py-1">{o.ownerName}</td>
                  <td className={num}>{wan(o.amount)}</td>
                </tr>
              ))}
            </tbody>
            {pack.disclosedObjectives.length > 0 && (
              <tfoot>
                <tr className="font-medium">
                  <th scope="row" colSpan={3} className="px-2 py-1 text-left">{t("evaluation.congress.total")}（{pack.totals.all.objectives}）</th>
                  <td className={num}>{wan(pack.totals.all.budget)}</td>
                </tr>
              </tfoot>
            )}
          </table>
          {pack.disclosedObjectives.length === 0 && <p className="text-sm text-slate-500">{t("evaluation.congress.none")}</p>}
        </Card>
      </section>
      <section aria-labelledby="congress-disclosed-results">
        <Card title={<span id="congress-disclosed-results">{t("evaluation.congress.disclosedResults")}</span>} className="mb-4">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className={th}>{t("evaluation.fields.objective")}</th>
                <th scope="col" className={th}>{t("evaluation.congress.department")}</th>
                <th scope="col" className={th}>{t("evaluation.congress.kind")}</th>
                <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.score")}</th>
                <th scope="col" className={th}>{t("evaluation.congress.grade")}</th>
                <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.budgetWan")}</th>
              </tr>
            </thead>
            <tbody>
              {pack.disclosedResults.map((r) => (
                <tr key={r.disclosureId} className="border-b border-slate-100">
                  <td className="px-2 py-1">{r.title}</td>
                  <td className="px-2 py-1">{r.departmentName}</td>
                  <td className="px-2 py-1">{t(r.kind === "key" ? "evaluation.congress.kindKey" : "evaluation.congress.kindSelf")}</td>
                  <td className={num}>{r.score}</td>
                  <td className="px-2 py-1"><GradeBadge grade={r.grade} t={t} /></td>
                  <td className={num}>{wan(r.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pack.disclosedResults.length === 0 && <p className="text-sm text-slate-500">{t("evaluation.congress.none")}</p>}
        </Card>
      </section>
      <div className="grid gap-4 lg:grid-cols-2 print:block">
        <section aria-labelledby="congress-by-department">
          <Card title={<span id="congress-by-department">{t("evaluation.congress.byDepartment")}</span>} className="mb-4">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className={th}>{t("evaluation.congress.department")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.objectivesCount")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.budgetWan")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.resultsCount")}</th>
                </tr>
              </thead>
              <tbody>
                {pack.totals.byDepartment.map((d) => (
                  <tr key={d.departmentName} className="border-b border-slate-100">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{d.departmentName}</th>
                    <td className={num}>{d.objectives}</td>
                    <td className={num}>{wan(d.budget)}</td>
                    <td className={num}>{d.results}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-medium">
                  <th scope="row" className="px-2 py-1 text-left">{t("evaluation.congress.total")}</th>
                  <td className={num}>{pack.totals.all.objectives}</td>
                  <td className={num}>{wan(pack.totals.all.budget)}</td>
                  <td className={num}>{pack.totals.all.results}</td>
                </tr>
              </tfoot>
            </table>
          </Card>
        </section>
        <section aria-labelledby="congress-by-grade">
          <Card title={<span id="congress-by-grade">{t("evaluation.congress.byGrade")}</span>} className="mb-4">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className={th}>{t("evaluation.congress.grade")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.selfCount")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.selfBudget")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.keyCount")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("evaluation.congress.keyBudget")}</th>
                </tr>
              </thead>
              <tbody>
                {pack.totals.byGrade.map((g) => (
                  <tr key={g.grade} className="border-b border-slate-100">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{t(`evaluation.grade.${g.grade}`)}</th>
                    <td className={num}>{g.self}</td>
                    <td className={num}>{wan(g.selfBudget)}</td>
                    <td className={num}>{g.key}</td>
                    <td className={num}>{wan(g.keyBudget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </section>
      </div>
      <CongressAssessments rows={pack.assessments ?? []} t={t} />
      <p className="text-xs text-slate-500">{t("evaluation.congress.scopeNote", { year })}</p>
    </div>
  );
}
