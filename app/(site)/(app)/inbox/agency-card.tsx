import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { listKeyEvaluations } from "@/lib/evaluation/queries";
import type { Translate } from "@/lib/i18n";
import { listAgencyEngagements } from "@/lib/project/queries";
import { Badge, Card, cls } from "@/app/_components/ui";

/**
 * The inbox of a third-party evaluator (第三方评价人员): the ex-ante appraisals its agency was
 * engaged for and has not recorded, and the key evaluations assigned to it and not yet submitted.
 * It holds neither project.write nor a review permission, so the filer's and reviewer's sections
 * say nothing to it.
 */
export async function AgencyInbox({ actor, t }: { actor: Actor; t: Translate }) {
  const db = await getDb();
  const [engagements, keys] = await Promise.all([listAgencyEngagements(db, actor), listKeyEvaluations(db, actor)]);
  const appraisals = engagements.filter((e) => e.appraisalId === null);
  const assigned = keys.filter((k) => k.k.state === "assigned");
  const total = appraisals.length + assigned.length;
  return (
    <Card title={<span id="inbox-agency">{t("inbox.agency.title")}</span>} actions={<Badge tone={total > 0 ? "red" : "slate"}>{total}</Badge>}>
      <section aria-labelledby="inbox-agency">
        {total === 0 && <p className="py-3 text-center text-slate-500">{t("inbox.empty")}</p>}
        {appraisals.length > 0 && (
          <div className="mb-3 last:mb-0">
            <h3 className="mb-1 flex items-center justify-between gap-2 font-semibold text-slate-700">
              {t("inbox.agency.appraisals", { n: appraisals.length })}
              <Link href="/appraisals" className={cls.small}>
                {t("inbox.agency.open")}
              </Link>
            </h3>
            <ul className="divide-y divide-slate-200">
              {appraisals.slice(0, 8).map((e) => (
                <li key={e.id} className="py-1.5">
                  {e.projectName}
                  <span className="block text-xs text-slate-500">
                    {t("inbox.fiscalYear", { year: e.fiscalYear })} · {e.ownerName}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {assigned.length > 0 && (
          <div className="mb-3 last:mb-0">
            <h3 className="mb-1 flex items-center justify-between gap-2 font-semibold text-slate-700">
              {t("inbox.agency.keyEvaluations", { n: assigned.length })}
              <Link href="/evaluation/key" className={cls.small}>
                {t("inbox.agency.open")}
              </Link>
            </h3>
            <ul className="divide-y divide-slate-200">
              {assigned.slice(0, 8).map((k) => (
                <li key={k.k.id} className="py-1.5">
                  {k.title}
                  <span className="block text-xs text-slate-500">
                    {t("inbox.fiscalYear", { year: k.k.fiscalYear })} · {k.ownerName}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </Card>
  );
}
