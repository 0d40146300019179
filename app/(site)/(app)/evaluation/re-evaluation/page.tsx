import Link from "next/link";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listSamples } from "@/lib/evaluation/queries";
import { inflationByUnit } from "@/lib/evaluation/re-evaluation";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { listYearOptions } from "@/lib/project/queries";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { DrawSampleForm, ReScoreForm } from "./re-evaluation-forms";

export const generateMetadata = pageTitle("evaluation.reEval.title");

/** Re-evaluation (再评价): samples drawn from a recorded seed, their re-scores, and inflation counted per unit. */
export default async function ReEvaluationPage() {
  const actor = await requireActor("evaluation.review.finance");
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [samples, years] = await Promise.all([listSamples(db, actor), listYearOptions(db)]);
  const year = samples[0]?.sample.fiscalYear ?? years[years.length - 1];
  const inflation = year ? await inflationByUnit(db, actor, year) : [];
  return (
    <>
      <PageHeader title={t("evaluation.reEval.title")} subtitle={t("evaluation.reEval.subtitle")} />
      <Card className="mb-4">
        <DrawSampleForm years={years} />
      </Card>
      {samples.map(({ sample, items }) => (
        <Card key={sample.id} className="mb-4" title={t("evaluation.reEval.sampleTitle", { year: sample.fiscalYear, percent: sample.percent, seed: sample.seed, n: items.length })}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("evaluation.reEval.sampleTitle", { year: sample.fiscalYear, percent: sample.percent, seed: sample.seed, n: items.length })}</caption>
            <thead>
              <tr className="border-b border-slate-300 bg-slate-50 text-left">
                <th scope="col" className="px-2 py-1">{t("evaluation.fields.objective")}</th>
                <th scope="col" className="px-2 py-1">{t("evaluation.fields.owner")}</th>
                <th scope="col" className="px-2 py-1">{t("evaluation.reEval.reason")}</th>
                <th scope="col" className="px-2 py-1 text-right">{t("evaluation.reEval.selfScore")}</th>
                <th scope="col" className="px-2 py-1">{t("evaluation.reEval.reScore")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ item, title, ownerName }) => (
                <tr key={item.id} className="border-b border-slate-100 align-top">
                  <td className="px-2 py-1">
                    <Link href={`/evaluation/${item.selfEvaluationId}`} className={cls.link}>
                      {title}
                    </Link>
                  </td>
                  <td className="px-2 py-1">{ownerName}</td>
                  <td className="px-2 py-1">{item.reason === "warning" ? <Badge tone="red">{t("evaluation.reEval.reasons.warning")}</Badge> : t("evaluation.reEval.reasons.random")}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{item.selfScore}</td>
                  <td className="px-2 py-1">
                    {item.reScore != null && (
                      <span className="mr-2 tabular-nums">
                        {item.reScore} {item.inflated && <Badge tone="red">{t("evaluation.reEval.inflated")}</Badge>}
                      </span>
                    )}
                    <ReScoreForm itemId={item.id} version={item.version} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
      {inflation.length > 0 && (
        <Card title={t("evaluation.reEval.byUnit", { year: year! })}>
          <ul className="text-sm">
            {inflation.map((u) => (
              <li key={u.orgId}>
                {u.orgName}：{u.inflated}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
