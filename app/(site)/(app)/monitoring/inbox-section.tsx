import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/db/client";
import { formatDate, todayIso } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import { monitoringInbox } from "@/lib/monitoring/queries";
import { Badge, Card, cls } from "@/app/_components/ui";

/** Monitoring's part of the inbox: reports to fill or review, rectifications to carry out, evidence to check. Nothing when there is nothing. */
export async function MonitoringInboxSection({ db, actor, t, locale, openYears }: { db: DbOrTx; actor: Actor; t: Translate; locale: Locale; openYears?: ReadonlySet<number> }) {
  const box = await monitoringInbox(db, actor);
  const today = todayIso();
  const total = box.toFill.length + box.toReview.length + box.rectifications.length + box.evidenceToCheck.length;
  if (total === 0) return null;
  const groups = [
    {
      key: "toFill",
      label: t("monitoring.inboxToFill", { n: box.toFill.length }),
      items: box.toFill.map((r) => ({
        id: r.id,
        href: `/monitoring/reports/${r.id}`,
        title: r.title,
        note: `${t("monitoring.periodLabel", { year: r.fiscalYear, month: r.throughMonth })} · ${t(`monitoring.stateLabel.${r.state as "draft"}`)} · ${t("monitoring.inboxDue", { date: formatDate(r.deadline, locale) })}`,
        overdue: r.deadline < today && (!openYears || openYears.has(r.fiscalYear)),
      })),
    },
    {
      key: "toReview",
      label: t("monitoring.inboxToReview", { n: box.toReview.length }),
      items: box.toReview.map((r) => ({ id: r.id, href: `/monitoring/reports/${r.id}`, title: r.title, note: `${r.ownerName} · ${t("monitoring.periodLabel", { year: r.fiscalYear, month: r.throughMonth })}`, overdue: false })),
    },
    {
      key: "rect",
      label: t("monitoring.inboxRect", { n: box.rectifications.length }),
      items: box.rectifications.map((r) => ({
        id: r.id,
        href: `/monitoring/reports/${r.reportId}`,
        title: r.title,
        note: `${t(`monitoring.rectState.${r.state as "open"}`)} · ${r.deadline ? t("monitoring.inboxDue", { date: formatDate(r.deadline, locale) }) : ""} · ${r.comment}${r.evidenceReview ? ` · ${t("monitoring.evidenceReview", { comment: r.evidenceReview })}` : ""}`,
        overdue: r.state === "open" && !!r.deadline && r.deadline < today,
      })),
    },
    {
      key: "evidence",
      label: t("monitoring.inboxEvidence", { n: box.evidenceToCheck.length }),
      items: box.evidenceToCheck.map((r) => ({ id: r.id, href: `/monitoring/reports/${r.reportId}`, title: r.title, note: r.ownerName, overdue: false })),
    },
  ].filter((g) => g.items.length);
  return (
    <Card title={<span id="inbox-monitoring">{t("monitoring.inboxTitle")}</span>} actions={<Badge tone="red">{total}</Badge>}>
      <section aria-labelledby="inbox-monitoring" className="space-y-3">
        {groups.map((g) => (
          <div key={g.key}>
            <h3 className="mb-1 font-semibold text-slate-700">{g.label}</h3>
            <ul className="divide-y divide-slate-200 border-b border-slate-200">
              {g.items.map((i) => (
                <li key={i.id} className="py-2">
                  <Link href={i.href} className={`${cls.link} font-medium`}>
                    {i.title}
                  </Link>
                  {i.overdue && (
                    <span className="ml-2">
                      <Badge tone="red">{t("inbox.overdue")}</Badge>
                    </span>
                  )}
                  <p className="mt-0.5 text-xs text-slate-500">{i.note}</p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </Card>
  );
}
