import { notFound } from "next/navigation";
import { ActionError } from "@/lib/errors";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { KEY_DIMENSIONS, type KeyDimension, type KeyWeights } from "@/lib/evaluation/key-evaluation";
import { loadKeyForReading } from "@/lib/evaluation/key-report";
import { formatDate, todayIso } from "@/lib/format";
import { wan } from "@/lib/project/money";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { cls } from "@/app/_components/ui";
import { PrintButton } from "../../../congress/print-button";

export const generateMetadata = pageTitle("evaluation.key.generatedReport");

/**
 * The generated 绩效评价报告 of one key evaluation, laid out as a finance department issues it:
 * the project, the conclusion (the framework's scores, total and grade), the problems found and
 * the recommendations. Printable (A4, without the application's chrome).
 */
export default async function KeyEvaluationReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const [t, db, locale] = await Promise.all([getT(), getDb(), getLocale()]);
  let row: Awaited<ReturnType<typeof loadKeyForReading>>;
  try {
    row = await loadKeyForReading(db, actor, id);
  } catch (e) {
    if (e instanceof ActionError && e.code === "not_found") notFound();
    throw e;
  }
  const { k } = row;
  const weights = k.weights as KeyWeights;
  const scores = (k.scores ?? null) as Record<KeyDimension, { score: string; evidence: string }> | null;
  const cell = "border border-slate-400 px-2 py-1";
  return (
    <article id="key-report" className="mx-auto max-w-3xl bg-white p-8 font-serif text-[15px] leading-7 text-slate-900 print:max-w-none print:p-0">
      {/* Printed alone: the application's header and navigation are hidden, the report fills the A4 page. */}
      <style>{"@page { size: A4; margin: 25mm 20mm; } @media print { body * { visibility: hidden; } #key-report, #key-report * { visibility: visible; } #key-report { position: absolute; left: 0; top: 0; width: 100%; } }"}</style>
      <div className="mb-4 flex justify-end gap-2 print:hidden">
        {row.report && (
          <a className={cls.button} href={`/api/evaluation/key-report/${k.id}`}>
            {t("evaluation.key.report")}：{row.report.filename}
          </a>
        )}
        <PrintButton label={t("evaluation.congress.print")} />
      </div>
      <h1 className="mb-6 text-center text-2xl font-bold tracking-wide">{t("evaluation.key.reportTitle", { year: k.fiscalYear, title: row.title })}</h1>

      <h2 className="mt-6 mb-2 text-lg font-bold">{t("evaluation.key.reportBasic")}</h2>
      <table className="w-full border-collapse text-sm">
        <tbody>
          <tr>
            <th scope="row" className={`${cell} w-32 bg-slate-50 text-left font-normal`}>{t("evaluation.fields.objective")}</th>
            <td className={cell}>{row.title}</td>
            <th scope="row" className={`${cell} w-24 bg-slate-50 text-left font-normal`}>{t("evaluation.fields.fiscalYear")}</th>
            <td className={cell}>{k.fiscalYear}</td>
          </tr>
          <tr>
            <th scope="row" className={`${cell} bg-slate-50 text-left font-normal`}>{t("evaluation.fields.owner")}</th>
            <td className={cell}>{row.ownerName}</td>
            <th scope="row" className={`${cell} bg-slate-50 text-left font-normal`}>{t("evaluation.key.reportAmount")}</th>
            <td className={`${cell} tabular-nums`}>{wan(row.amount)}</td>
          </tr>
          <tr>
            <th scope="row" className={`${cell} bg-slate-50 text-left font-normal`}>{t("evaluation.key.reportEvaluator")}</th>
            <td className={cell} colSpan={3}>
              {row.agencyName ?? t("evaluation.key.byFinance")}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 className="mt-6 mb-2 text-lg font-bold">{t("evaluation.key.reportConclusion")}</h2>
      {scores && k.totalScore ? (
        <>
          <p className="indent-8">{t("evaluation.key.reportSummary", { score: k.totalScore, grade: k.grade ? t(`evaluation.grade.${k.grade}`) : "—" })}</p>
          <table className="mt-2 w-full border-collapse text-sm">
            <caption className="sr-only">{t("evaluation.key.reportConclusion")}</caption>
            <thead>
              <tr className="bg-slate-50">
                <th scope="col" className={cell}>{t("evaluation.key.reportDimension")}</th>
                <th scope="col" className={cell}>{t("evaluation.key.reportWeight")}</th>
                <th scope="col" className={cell}>{t("evaluation.key.reportScore")}</th>
                <th scope="col" className={cell}>{t("evaluation.key.reportBasis")}</th>
              </tr>
            </thead>
            <tbody>
              {KEY_DIMENSIONS.map((d) => (
                <tr key={d} className="align-top">
                  <td className={`${cell} text-center`}>{t(`evaluation.key.dim.${d}`)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{weights[d]}</td>
                  <td className={`${cell} text-right tabular-nums`}>{scores[d].score}</td>
                  <td className={cell}>{scores[d].evidence}</td>
                </tr>
              ))}
              <tr className="font-bold">
                <td className={`${cell} text-center`}>{t("evaluation.key.reportTotal")}</td>
                <td className={`${cell} text-right tabular-nums`}>100</td>
                <td className={`${cell} text-right tabular-nums`}>{k.totalScore}</td>
                <td className={cell}>
                  {t("evaluation.key.reportGrade")}：{k.grade ? t(`evaluation.grade.${k.grade}`) : "—"}
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p className="indent-8">{t("evaluation.key.reportNotFilled")}</p>
      )}

      <h2 className="mt-6 mb-2 text-lg font-bold">{t("evaluation.key.reportFindings")}</h2>
      <p className="indent-8 whitespace-pre-wrap">{k.findings ?? "—"}</p>
      <h2 className="mt-6 mb-2 text-lg font-bold">{t("evaluation.key.reportRecommendations")}</h2>
      <p className="indent-8 whitespace-pre-wrap">{k.recommendations ?? "—"}</p>

      {row.agencyName && <p className="mt-12 text-right">{row.agencyName}</p>}
      <p className={row.agencyName ? "text-right" : "mt-12 text-right"}>{t("evaluation.key.reportDate", { date: formatDate(todayIso(), locale) })}</p>
    </article>
  );
}
