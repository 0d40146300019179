import type { Translate } from "@/lib/i18n";
import type { CongressPack } from "@/lib/evaluation/congress-pack";
import { Card } from "@/app/_components/ui";
import { AssessmentGradeBadge } from "./badges";

/** The congress pack's block of published assessment rankings (绩效管理工作考核结果) of the year. */
export function CongressAssessments({ rows, t }: { rows: NonNullable<CongressPack["assessments"]>; t: Translate }) {
  const th = "px-2 py-1 font-medium text-left";
  return (
    <section aria-labelledby="congress-assessments">
      <Card title={<span id="congress-assessments">{t("assessment.congress.title")}</span>} className="mb-4">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("assessment.congress.none")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="congress-assessments">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={th}>{t("assessment.frameworks.kindCol")}</th>
                <th scope="col" className={th}>{t("assessment.round.rank")}</th>
                <th scope="col" className={th}>{t("assessment.round.org")}</th>
                <th scope="col" className={`${th} text-right`}>{t("assessment.round.final")}</th>
                <th scope="col" className={th}>{t("assessment.round.grade")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.roundId}-${r.orgName}`} className="border-b border-slate-100">
                  <td className="px-2 py-1">{r.regionName} · {t(`assessment.kind.${r.kind}`)}</td>
                  <td className="px-2 py-1 tabular-nums">{r.rank ?? "—"}</td>
                  <td className="px-2 py-1">{r.orgName}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.finalScore}</td>
                  <td className="px-2 py-1"><AssessmentGradeBadge grade={r.grade} t={t} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </section>
  );
}
