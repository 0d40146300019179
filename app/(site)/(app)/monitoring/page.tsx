import Link from "next/link";
import { parseSearchParams, PAGE_SIZES, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { reportListParams } from "@/lib/monitoring/params";
import { listPeriods, listReports } from "@/lib/monitoring/queries";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { listYearOptions } from "@/lib/project/queries";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { OpenPeriodForm } from "./forms";
import { LightBadge } from "./parts";

export const generateMetadata = pageTitle("monitoring.title");

/** 绩效运行监控: the reports in the reader's scope, period by period; finance opens periods here. */
export default async function MonitoringPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const raw = await searchParams;
  const params = parseSearchParams(reportListParams, raw);
  const [db, t, locale] = await Promise.all([getDb(), getT(), getLocale()]);
  const canOpen = hasPermission(actor.roles, "monitoring.period.manage");
  const [{ rows, total, page }, periods, years] = await Promise.all([listReports(db, actor, params), listPeriods(db, actor), canOpen ? listYearOptions(db) : Promise.resolve([])]);

  const columns: DataColumn[] = [
    { id: "title", header: t("monitoring.subject"), className: "min-w-56" },
    { id: "owner", header: t("monitoring.owner"), className: "min-w-36" },
    { id: "period", header: t("monitoring.period"), className: "whitespace-nowrap" },
    { id: "deadline", header: t("monitoring.deadline"), className: "whitespace-nowrap tabular-nums" },
    { id: "budget", header: t("monitoring.budget"), align: "right", className: "tabular-nums" },
    { id: "executed", header: t("monitoring.executed"), align: "right", className: "tabular-nums" },
    { id: "index", header: t("monitoring.executionIndex"), align: "right", className: "tabular-nums" },
    { id: "light", header: t("monitoring.light"), align: "center" },
    { id: "state", header: t("monitoring.state"), align: "center" },
  ];
  const data: DataRow[] = rows.map((r) => ({
    key: String(r.id),
    cells: {
      title: (
        <Link href={`/monitoring/reports/${r.id}`} className={cls.link}>
          {r.title}
        </Link>
      ),
      owner: r.ownerName,
      period: t("monitoring.periodLabel", { year: r.fiscalYear, month: r.throughMonth }),
      deadline: formatDate(r.deadline, locale),
      budget: wan(r.budget),
      executed: wan(r.executedAmount),
      index: r.executionIndex ?? "—",
      light: <LightBadge light={r.executionLight} t={t} />,
      state: <Badge tone={r.state === "accepted" ? "green" : r.state === "returned" ? "red" : "navy"}>{t(`monitoring.stateLabel.${r.state}`)}</Badge>,
    },
  }));

  return (
    <>
      <PageHeader title={t("monitoring.title")} subtitle={t("monitoring.subtitle")}>
        {hasPermission(actor.roles, "warning.read") && (
          <div className="flex gap-2">
            <Link href="/warnings" className={cls.button}>
              {t("monitoring.navWarnings")}
            </Link>
            <Link href="/warnings/charts" className={cls.button}>
              {t("monitoring.navCharts")}
            </Link>
          </div>
        )}
      </PageHeader>
      {canOpen && (
        <Card className="mb-5" title={t("monitoring.openTitle")}>
          <p className="mb-3 text-slate-600">{t("monitoring.openHint")}</p>
          <OpenPeriodForm years={years} />
        </Card>
      )}
      <Card title={t("monitoring.reports")}>
        <FilterBar
          filters={[
            { name: "periodId", label: t("monitoring.filterPeriod"), options: periods.map((p) => ({ value: String(p.id), label: `${p.regionName} ${t("monitoring.periodLabel", { year: p.fiscalYear, month: p.throughMonth })}` })) },
            { name: "state", label: t("monitoring.state"), options: (["draft", "dept_review", "returned", "accepted"] as const).map((s) => ({ value: s, label: t(`monitoring.stateLabel.${s}`) })) },
          ]}
          values={{ periodId: params.periodId ? String(params.periodId) : "", state: params.state ?? "" }}
        />
        <DataTable query={raw} caption={t("monitoring.reports")} columns={columns} rows={data} paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }} emptyText={t("monitoring.empty")} />
      </Card>
    </>
  );
}
