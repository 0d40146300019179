import Link from "next/link";
import { LIGHTS, WARNING_RULES, WARNING_STATES } from "@/db/schema/monitoring";
import { parseSearchParams, PAGE_SIZES, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { warningListParams } from "@/lib/monitoring/params";
import { listPeriods, listRegionOptions, listWarnings } from "@/lib/monitoring/queries";
import { pageTitle } from "@/lib/page-title";
import { listDepartmentOptions, listYearOptions } from "@/lib/project/queries";
import { warningWorkflow } from "@/lib/workflow/machines";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { LightBadge, warningText } from "../monitoring/parts";

export const generateMetadata = pageTitle("monitoring.warningsTitle");

/** 监控预警: every warning in finance's scope, filtered by region, department, colour, rule and state, paged in the database. */
export default async function WarningsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("warning.read");
  const raw = await searchParams;
  const params = parseSearchParams(warningListParams, raw);
  const [db, t] = await Promise.all([getDb(), getT()]);
  const [{ rows, total, capped, page }, periods, regionOptions, departments, years] = await Promise.all([
    listWarnings(db, actor, params),
    listPeriods(db, actor),
    listRegionOptions(db, actor),
    listDepartmentOptions(db, actor),
    listYearOptions(db),
  ]);

  const columns: DataColumn[] = [
    { id: "light", header: t("monitoring.light"), sortable: true, align: "center" },
    { id: "title", header: t("monitoring.subject"), sortable: true, className: "min-w-48" },
    { id: "department", header: t("monitoring.department"), className: "min-w-32" },
    { id: "region", header: t("monitoring.region"), className: "whitespace-nowrap" },
    { id: "period", header: t("monitoring.period"), className: "whitespace-nowrap" },
    { id: "rule", header: t("monitoring.rule"), className: "whitespace-nowrap" },
    { id: "detail", header: t("monitoring.detail"), className: "min-w-72" },
    { id: "state", header: t("monitoring.filterState"), align: "center" },
    { id: "createdAt", header: t("monitoring.createdAt"), sortable: true, className: "whitespace-nowrap tabular-nums" },
  ];
  // The dispose link is the warning workflow's: drawn when available() offers "dispose" to this reader on this warning.
  const data: DataRow[] = rows.map((r) => ({
    key: String(r.warning.id),
    cells: {
      light: <LightBadge light={r.warning.light} t={t} />,
      title: (
        <Link href={`/monitoring/reports/${r.warning.reportId}`} className={cls.link}>
          {r.title}
        </Link>
      ),
      department: (
        <span>
          {r.departmentName}
          <span className="block text-xs text-slate-500">{r.ownerName}</span>
        </span>
      ),
      region: r.regionName,
      period: t("monitoring.periodLabel", { year: r.fiscalYear, month: r.throughMonth }),
      rule: t(`monitoring.ruleLabel.${r.warning.rule}`),
      detail: warningText(r.warning, t),
      state: r.disposition ? (
        <span className="flex flex-col items-center gap-1">
          <Badge tone="slate">{t(`monitoring.kindLabel.${r.disposition.kind}`)}</Badge>
          {r.disposition.rectificationState && <Badge tone={r.disposition.rectificationState === "accepted" ? "green" : "amber"}>{t(`monitoring.rectState.${r.disposition.rectificationState}`)}</Badge>}
        </span>
      ) : warningWorkflow.available(actor, { id: r.warning.id, state: r.warning.state, version: r.warning.version, orgPath: r.orgPath, regionPath: r.regionPath }).includes("dispose") ? (
        <Link href={`/monitoring/reports/${r.warning.reportId}`} className={cls.small}>
          {t("monitoring.dispose")}
        </Link>
      ) : (
        // Readers (人大/审计) see that it waits, not an action they may not take.
        <Badge tone="amber">{t("monitoring.warningState.open")}</Badge>
      ),
      createdAt: formatDateTime(r.warning.createdAt).slice(0, 16),
    },
  }));

  return (
    <>
      <PageHeader title={t("monitoring.warningsTitle")} subtitle={t("monitoring.warningsSubtitle")}>
        <Link href="/warnings/charts" className={cls.button}>
          {t("monitoring.navCharts")}
        </Link>
      </PageHeader>
      <Card>
        <FilterBar
          filters={[
            { name: "year", label: t("monitoring.filterYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
            { name: "periodId", label: t("monitoring.filterPeriod"), options: periods.map((p) => ({ value: String(p.id), label: `${p.regionName} ${t("monitoring.periodLabel", { year: p.fiscalYear, month: p.throughMonth })}` })) },
            { name: "regionId", label: t("monitoring.filterRegion"), options: regionOptions.map((r) => ({ value: String(r.id), label: r.name })) },
            { name: "departmentId", label: t("monitoring.filterDepartment"), options: departments.map((d) => ({ value: String(d.id), label: d.name })) },
            { name: "light", label: t("monitoring.filterLight"), options: LIGHTS.filter((l) => l !== "green").map((l) => ({ value: l, label: t(`monitoring.lightLabel.${l}`) })) },
            { name: "rule", label: t("monitoring.filterRule"), options: WARNING_RULES.map((r) => ({ value: r, label: t(`monitoring.ruleLabel.${r}`) })) },
            { name: "state", label: t("monitoring.filterState"), options: WARNING_STATES.map((s) => ({ value: s, label: t(`monitoring.warningState.${s}`) })) },
          ]}
          values={{
            year: params.year ? String(params.year) : "",
            periodId: params.periodId ? String(params.periodId) : "",
            regionId: params.regionId ? String(params.regionId) : "",
            departmentId: params.departmentId ? String(params.departmentId) : "",
            light: params.light ?? "",
            rule: params.rule ?? "",
            state: params.state ?? "",
          }}
        />
        <DataTable
          query={raw}
          caption={t("monitoring.warningsTitle")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, capped, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
          emptyText={t("monitoring.warningsEmpty")}
        />
      </Card>
    </>
  );
}
