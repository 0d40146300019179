import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listOpenProvinceYears, type FiscalYearRow } from "@/lib/admin/queries";
import { getDb } from "@/lib/db";
import { formatDate, todayIso } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import Link from "next/link";
import { inboxCounts, type InboxItem, type ReturnedItem } from "@/lib/objective/queries";
import { wan } from "@/lib/project/money";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { MonitoringInboxSection } from "../monitoring/inbox-section";
import { EvaluationInbox } from "../evaluation/inbox-card";
import { AgencyInbox } from "./agency-card";
import { AllTasks } from "./all-tasks";

export const generateMetadata = pageTitle("inbox.title");

export default async function InboxPage() {
  const actor = await requireActor("inbox.view");
  const [t, locale, db] = await Promise.all([getT(), getLocale(), getDb()]);
  const [years, inbox] = await Promise.all([listOpenProvinceYears(db, actor), inboxCounts(db, actor)]);
  const today = todayIso();
  // Only the current cycle's deadlines can be overdue: a closed year's leftovers are not marked red.
  const openYears = new Set(years.map((y) => y.year));

  const queues = [
    { queue: inbox.toReview.department, href: "/review/department", label: (n: number) => t("review.inbox.deptQueue", { n }) },
    { queue: inbox.toReview.finance, href: "/review/finance", label: (n: number) => t("review.inbox.financeQueue", { n }) },
  ].filter((q) => q.queue !== null);
  const canFile = hasPermission(actor.roles, "project.write");
  const canReview = hasPermission(actor.roles, "declaration.review.department") || hasPermission(actor.roles, "declaration.review.finance");
  const allSections = [
    {
      id: "drafts",
      relevant: canFile,
      title: t("inbox.drafts"),
      hint: t("review.inbox.draftsHint"),
      total: inbox.drafts.total,
      body: inbox.drafts.total > 0 && <ItemList openYears={openYears} items={inbox.drafts.items} total={inbox.drafts.total} t={t} locale={locale} />,
    },
    {
      id: "returned",
      relevant: canFile,
      title: t("inbox.returned"),
      hint: t("review.inbox.returnedHint"),
      total: inbox.returned.total,
      body: inbox.returned.total > 0 && <ItemList openYears={openYears} items={inbox.returned.items} total={inbox.returned.total} t={t} locale={locale} />,
    },
    {
      id: "toReview",
      relevant: canReview,
      title: t("inbox.toReview"),
      hint: t("review.inbox.toReviewHint"),
      total: inbox.toReview.total,
      body:
        inbox.toReview.total > 0 &&
        queues.map(
          (q) =>
            q.queue!.total > 0 && (
              <div key={q.href} className="mb-3 last:mb-0">
                <h3 className="mb-1 flex items-center justify-between gap-2 font-semibold text-slate-700">
                  {q.label(q.queue!.total)}
                  <Link href={q.href} className={cls.small}>
                    {t("review.inbox.openQueue")}
                  </Link>
                </h3>
                <ItemList openYears={openYears} items={q.queue!.items} total={q.queue!.total} moreHref={q.href} t={t} locale={locale} />
              </div>
            ),
        ),
    },
  ];
  // Each role sees the sections it can act on. An evaluator has its agency's card instead; any
  // other role with none of them still sees the (empty) list.
  const isAgency = actor.roles.includes("evaluator");
  const sections = allSections.some((s) => s.relevant) ? allSections.filter((s) => s.relevant) : isAgency ? [] : allSections;

  return (
    <>
      <PageHeader title={t("inbox.title")} subtitle={t("inbox.subtitle")}>
        <p className="text-slate-600">{t("inbox.welcome", { name: actor.displayName })}</p>
      </PageHeader>
      <div className="grid gap-5 xl:grid-cols-[1fr_22rem]">
        <div className="space-y-5">
          <AllTasks db={db} actor={actor} t={t} locale={locale} />
          {isAgency && <AgencyInbox actor={actor} t={t} />}
          <MonitoringInboxSection db={db} actor={actor} t={t} locale={locale} openYears={openYears} />
          {sections.map((s) => (
            <Card key={s.id} title={<span id={`inbox-${s.id}`}>{s.title}</span>} actions={<Badge tone={s.total > 0 ? "red" : "slate"}>{s.total}</Badge>}>
              <section aria-labelledby={`inbox-${s.id}`}>
                {s.body || <p className="py-3 text-center text-slate-500">{t("inbox.empty")}</p>}
                {s.total > 0 && <p className="mt-2 text-xs text-slate-500">{s.hint}</p>}
              </section>
            </Card>
          ))}
          <EvaluationInbox actor={actor} />
        </div>
        <Card title={t("inbox.deadlines")} className="self-start">
          {years.length === 0 ? (
            <p className="text-slate-500">{t("inbox.noDeadlines")}</p>
          ) : (
            <div className="space-y-4">
              {years.map((y) => (
                <YearDeadlines key={y.id} year={y} t={t} locale={locale} today={today} />
              ))}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

function YearDeadlines({ year, t, locale, today }: { year: FiscalYearRow; t: Translate; locale: Locale; today: string }) {
  const rows = [
    {
      label: t("inbox.declarationWindow"),
      text: t("common.range", { start: formatDate(year.declarationStart, locale), end: formatDate(year.declarationEnd, locale) }),
      due: year.declarationEnd,
    },
    { label: t("inbox.reviewDeadline"), text: formatDate(year.reviewDeadline, locale), due: year.reviewDeadline },
    { label: t("inbox.selfEvalDeadline"), text: formatDate(year.selfEvaluationDeadline, locale), due: year.selfEvaluationDeadline },
  ];
  return (
    <div>
      <h3 className="mb-2 flex items-center gap-2 font-semibold text-slate-800">
        {t("inbox.fiscalYear", { year: year.year })}
        <span className="text-xs font-normal text-slate-500">{year.regionName}</span>
      </h3>
      <dl className="divide-y divide-slate-200 border-y border-slate-200">
        {rows.map((r) => (
          <div key={r.label} className="flex items-start justify-between gap-3 py-2">
            <dt className="shrink-0 text-slate-500">{r.label}</dt>
            <dd className="text-right">
              <span className={r.due < today ? "text-slate-500" : "text-slate-900"}>{r.text}</span>
              {/* A date of the calendar that has passed is not a task left undone: grey "已截止", never a red "已逾期" that stays forever. */}
              {r.due < today && (
                <span className="ml-2">
                  <Badge tone="slate">{t("notify.tasks.passed")}</Badge>
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Objectives waiting for the reader, each linking to its page, with its deadline and, if returned, who returned it and why. */
function ItemList({
  openYears,
  items,
  total,
  moreHref,
  t,
  locale,
}: {
  openYears: ReadonlySet<number>;
  items: (InboxItem | ReturnedItem)[];
  total: number;
  moreHref?: string;
  t: Translate;
  locale: Locale;
}) {
  return (
    <>
      <ul className="divide-y divide-slate-200 border-b border-slate-200">
        {items.map((o) => (
          <li key={o.id} className="py-2">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <Link href={`/objectives/${o.id}`} className={`${cls.link} font-medium`}>
                {o.title}
              </Link>
              <span className="flex items-center gap-2 text-xs text-slate-500">
                {o.due && <span>{t("review.inbox.due", { date: formatDate(o.due, locale) })}</span>}
                {o.overdue && openYears.has(o.fiscalYear) && <Badge tone="red">{t("inbox.overdue")}</Badge>}
              </span>
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              {t("inbox.fiscalYear", { year: o.fiscalYear })} · {o.ownerName} · {t("review.amount")} {wan(o.requestedAmount)}
              {o.isKey && (
                <span className="ml-2">
                  <Badge tone="amber">{t("review.keyMark")}</Badge>
                </span>
              )}
            </p>
            {"returnStage" in o && (
              <p className="mt-1 rounded-sm border-l-4 border-red-300 bg-red-50/60 px-2 py-1 text-slate-700">
                {o.returnStage && <span className="text-red-800">{t("review.inbox.returnedBy", { stage: t(`review.stageLabel.${o.returnStage}`) })}</span>}
                {o.returnReasons ?? t("review.inbox.noReason")}
              </p>
            )}
          </li>
        ))}
      </ul>
      {total > items.length && moreHref && (
        <Link href={moreHref} className={`${cls.link} mt-2 inline-block text-sm`}>
          {t("review.inbox.more", { n: total - items.length })}
        </Link>
      )}
    </>
  );
}
