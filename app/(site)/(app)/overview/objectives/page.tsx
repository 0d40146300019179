import Link from "next/link";
import { eq } from "drizzle-orm";
import { OBJECTIVE_STATES } from "@/db/schema/enums";
import { regions } from "@/db/schema";
import { PAGE_SIZES, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { OBJECTIVE_STAGES } from "@/lib/objective/params";
import { overviewListParams } from "@/lib/overview/links";
import { listObjectives } from "@/lib/objective/queries";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { listDepartmentOptions, listYearOptions } from "@/lib/project/queries";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar, type FilterDef } from "@/app/_components/filter-bar";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { ObjectiveStateBadge } from "../../_workflow/badges";

export const generateMetadata = pageTitle("overview.list.title");

/**
 * 绩效目标清单: the objectives a figure of the year at a glance counts — every objective the reader
 * may read (project.read scope), filtered by the figure's year, state or stage, department and
 * region, paged and counted in the database, so its total is the figure.
 */
export default async function OverviewObjectivesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("overview.read");
  const raw = await searchParams;
  const params = overviewListParams(raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const regionOf = params.regionId ?? params.underRegionId;
  const [{ rows, total, capped, page }, departments, years, region] = await Promise.all([
    listObjectives(db, actor, params),
    listDepartmentOptions(db, actor),
    listYearOptions(db),
    regionOf ? db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionOf)) : Promise.resolve([]),
  ]);

  const columns: DataColumn[] = [
    { id: "title", header: t("review.name"), sortable: true, className: "min-w-56" },
    { id: "owner", header: t("review.owner"), className: "min-w-36" },
    { id: "department", header: t("review.department"), className: "min-w-36" },
    { id: "year", header: t("review.fiscalYear"), align: "center", className: "tabular-nums" },
    { id: "amount", header: t("review.amount"), sortable: true, align: "right", className: "whitespace-nowrap tabular-nums" },
    { id: "submittedAt", header: t("review.submittedAt"), sortable: true, className: "whitespace-nowrap tabular-nums" },
    { id: "state", header: t("review.state"), sortable: true, align: "center" },
  ];
  const data: DataRow[] = rows.map((o) => ({
    key: String(o.id),
    cells: {
      title: (
        <Link href={`/objectives/${o.id}`} className={cls.link}>
          {o.title}
        </Link>
      ),
      owner: o.ownerName,
      department: o.departmentName,
      year: o.fiscalYear,
      amount: wan(o.requestedAmount),
      submittedAt: o.submittedAt ? formatDateTime(o.submittedAt).slice(0, 16) : "—",
      state: <ObjectiveStateBadge state={o.state} t={t} />,
    },
  }));

  const filters: FilterDef[] = [
    { name: "q", label: t("review.filterKeyword"), placeholder: t("review.filterKeyword") },
    { name: "year", label: t("review.filterYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
    { name: "stage", label: t("overview.list.filtered"), options: OBJECTIVE_STAGES.map((s) => ({ value: s, label: t(`overview.list.stage.${s}`) })) },
    { name: "state", label: t("review.state"), options: OBJECTIVE_STATES.filter((s) => s !== "superseded").map((s) => ({ value: s, label: t(`review.stateLabel.${s}`) })) },
    ...(departments.length > 1 ? [{ name: "departmentId", label: t("review.filterDepartment"), options: departments.map((d) => ({ value: String(d.id), label: d.name })) }] : []),
  ];

  return (
    <>
      <PageHeader title={t("overview.list.title")} subtitle={t("overview.list.subtitle")}>
        <Link href={params.year ? `/overview?year=${params.year}` : "/overview"} className={cls.button}>
          {t("overview.list.back")}
        </Link>
      </PageHeader>
      <Card>
        {region[0] && (
          <p className="mb-3 text-sm">
            <span className="mr-2 text-slate-500">{t("overview.list.region")}</span>
            <Badge tone="navy">{params.regionId ? t("overview.list.regionOwn", { name: region[0].name }) : t("overview.list.regionUnder", { name: region[0].name })}</Badge>
          </p>
        )}
        <FilterBar
          filters={filters}
          values={{
            q: params.q,
            year: params.year ? String(params.year) : "",
            stage: params.stage ?? "",
            state: params.state ?? "",
            departmentId: params.departmentId ? String(params.departmentId) : "",
          }}
        />
        <DataTable
          query={raw}
          caption={t("overview.list.title")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, capped, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
          emptyText={t("overview.list.empty")}
        />
      </Card>
    </>
  );
}
