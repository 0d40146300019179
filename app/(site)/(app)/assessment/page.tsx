import Link from "next/link";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { chinaYear } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { listRounds, ownResults } from "@/lib/assessment/rounds";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { AssessmentGradeBadge, RoundStateBadge } from "./badges";
import { OpenRoundForm } from "./forms";

export const generateMetadata = pageTitle("assessment.title");

/**
 * 绩效管理工作考核: finance's rounds of its region and below (and the form that opens one); the
 * assessed organisation's own results once released.
 */
export default async function AssessmentPage() {
  const actor = await requireActor();
  const reads = hasPermission(actor.roles, "assessment.read");
  const own = hasPermission(actor.roles, "assessment.own");
  if (!reads && !own) await requireActor("assessment.read"); // redirects: neither finance nor assessed
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [rounds, mine] = await Promise.all([reads ? listRounds(db, actor) : Promise.resolve([]), own ? ownResults(db, actor) : Promise.resolve([])]);
  const th = "px-2 py-1 text-left";
  return (
    <>
      <PageHeader title={t("assessment.title")} subtitle={t("assessment.subtitle")}>
        {hasPermission(actor.roles, "assessment.manage") && (
          <Link href="/assessment/frameworks" className={cls.button}>
            {t("assessment.navFrameworks")}
          </Link>
        )}
      </PageHeader>
      {hasPermission(actor.roles, "assessment.manage") && (
        <Card title={t("assessment.round.open")} className="mb-4">
          <OpenRoundForm defaultYear={chinaYear() - 1} />
        </Card>
      )}
      {own && (
        <section aria-labelledby="own-results">
          <Card title={<span id="own-results">{t("assessment.round.own")}</span>} className="mb-4">
            {mine.length === 0 ? (
              <p className="text-sm text-slate-600">{t("assessment.round.none")}</p>
            ) : (
              <table className="w-full text-sm" data-testid="own-results">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className={th}>{t("assessment.frameworks.yearLabel")}</th>
                    <th scope="col" className={th}>{t("common.status")}</th>
                    <th scope="col" className={th}>{t("assessment.round.final")}</th>
                    <th scope="col" className={th}>{t("assessment.round.grade")}</th>
                    <th scope="col" className={th}>{t("assessment.round.rank")}</th>
                    <th scope="col" className={th}>{t("common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map(({ res, round, regionName }) => (
                    <tr key={res.id} className="border-b border-slate-100">
                      <td className="px-2 py-1">{round.fiscalYear} · {regionName}</td>
                      <td className="px-2 py-1"><RoundStateBadge state={round.state} t={t} /></td>
                      <td className="px-2 py-1 tabular-nums">{res.finalScore ?? "—"}</td>
                      <td className="px-2 py-1"><AssessmentGradeBadge grade={res.grade} t={t} /></td>
                      <td className="px-2 py-1 tabular-nums">{round.state === "published" ? (res.rank ?? "—") : "—"}</td>
                      <td className="px-2 py-1">
                        <Link href={`/assessment/results/${res.id}`} className={cls.link}>{t("assessment.round.view")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </section>
      )}
      {reads && (
        <Card title={t("assessment.title")}>
          {rounds.length === 0 ? (
            <p className="text-sm text-slate-600">{t("assessment.round.none")}</p>
          ) : (
            <table className="w-full text-sm" data-testid="rounds">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className={th}>{t("assessment.frameworks.yearLabel")}</th>
                  <th scope="col" className={th}>{t("common.status")}</th>
                  <th scope="col" className={th}>{t("assessment.round.objectionDeadline")}</th>
                  <th scope="col" className={th}>{t("assessment.round.computedAt")}</th>
                  <th scope="col" className={th}>{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map(({ r, regionName }) => (
                  <tr key={r.id} className="border-b border-slate-100">
                    <td className="px-2 py-1">{r.fiscalYear} · {regionName}</td>
                    <td className="px-2 py-1"><RoundStateBadge state={r.state} t={t} /></td>
                    <td className="px-2 py-1">{r.objectionDeadline}</td>
                    <td className="px-2 py-1">{r.computedAt ? r.computedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—"}</td>
                    <td className="px-2 py-1">
                      <Link href={`/assessment/${r.id}`} className={cls.link}>{t("assessment.round.view")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
    </>
  );
}
