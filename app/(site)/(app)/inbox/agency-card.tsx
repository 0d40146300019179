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
        <TaskList
          heading={t("inbox.agency.appraisals", { n: appraisals.length })}
          href="/appraisals"
          open={t("inbox.agency.open")}
          items={appraisals.map((e) => ({ key: e.id, title: e.projectName, line: `${t("inbox.fiscalYear", { year: e.fiscalYear })} · ${e.ownerName}` }))}
        />
        <TaskList
          heading={t("inbox.agency.keyEvaluations", { n: assigned.length })}
          href="/evaluation/key"
          open={t("inbox.agency.open")}
          items={assigned.map((k) => ({ key: k.k.id, title: k.title, line: `${t("inbox.fiscalYear", { year: k.k.fiscalYear })} · ${k.ownerName}` }))}
        />
      </section>
    </Card>
  );
}

/** One kind of task: its count and a link to where it is done, then the first eight. */
function TaskList({ heading, href, open, items }: { heading: string; href: string; open: string; items: { key: number; title: string; line: string }[] }) {
  if (!items.length) return null;
  return (
    <div className="mb-3 last:mb-0">
      <h3 className="mb-1 flex items-center justify-between gap-2 font-semibold text-slate-700">
        {heading}
        <Link href={href} className={cls.small}>
          {open}
        </Link>
      </h3>
      <ul className="divide-y divide-slate-200">
        {items.slice(0, 8).map((i) => (
          <li key={i.key} className="py-1.5">
            {i.title}
            <span className="block text-xs text-slate-500">{i.line}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
