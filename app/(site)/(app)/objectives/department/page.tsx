import Link from "next/link";
import { OBJECTIVE_STATES } from "@/db/schema/enums";
import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { canOn } from "@/lib/auth/scope";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { objectiveListParams } from "@/lib/objective/params";
import { departmentObjectiveYears, listObjectives, listOpenFiscalYears } from "@/lib/objective/queries";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { listDepartmentOptions, listYearOptions } from "@/lib/project/queries";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar, type FilterDef } from "@/app/_components/filter-bar";
import { Card, cls, Disclosure, PageHeader } from "@/app/_components/ui";
import { ObjectiveStateBadge } from "../../_workflow/badges";
import { CreateDepartmentObjective } from "./create-department-objective";

export const generateMetadata = pageTitle("review.deptObj.title");

/**
 * 部门整体绩效目标 (一部门一套指标): the department-overall objectives in the reader's scope, filtered,
 * sorted and paged in the database; a department's reviewer opens its own for an open fiscal year.
 */
export default async function DepartmentObjectivesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const raw = await searchParams;
  // Listed by title (department, then year) unless the reader sorts otherwise.
  const params = { ...parseSearchParams(objectiveListParams, { sort: "title", ...raw }), subjectKind: "department" as const };
  const [t, db] = await Promise.all([getT(), getDb()]);
  // A department files its own overall objective (project.write reaches only its own organisation).
  const canCreate = actor.orgKind === "department" && canOn(actor, "project.write", { orgPath: actor.orgPath, regionPath: actor.regionPath });
  const [{ rows, total, capped, page }, departments, years, openYears, taken] = await Promise.all([
    listObjectives(db, actor, params),
    listDepartmentOptions(db, actor),
    listYearOptions(db),
    canCreate ? listOpenFiscalYears(db, actor.regionPath) : Promise.resolve([]),
    canCreate ? departmentObjectiveYears(db, actor.orgId) : Promise.resolve([]),
  ]);
  const freeYears = openYears.filter((y) => !taken.includes(y));

  const columns: DataColumn[] = [
    { id: "title", header: t("review.name"), sortable: true, className: "min-w-56" },
    { id: "department", header: t("review.deptObj.department"), className: "min-w-36" },
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
      department: o.ownerName,
      year: o.fiscalYear,
      amount: wan(o.requestedAmount),
      submittedAt: o.submittedAt ? formatDateTime(o.submittedAt).slice(0, 16) : "—",
      state: <ObjectiveStateBadge state={o.state} t={t} />,
    },
  }));

  const filters: FilterDef[] = [
    { name: "q", label: t("review.filterKeyword"), placeholder: t("review.filterKeyword") },
    { name: "year", label: t("review.filterYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
    { name: "state", label: t("review.state"), options: OBJECTIVE_STATES.filter((s) => s !== "superseded").map((s) => ({ value: s, label: t(`review.stateLabel.${s}`) })) },
    ...(departments.length > 1
      ? [{ name: "departmentId", label: t("review.deptObj.department"), options: departments.map((d) => ({ value: String(d.id), label: d.name })) }]
      : []),
  ];

  return (
    <>
      <PageHeader title={t("review.deptObj.title")} subtitle={t("review.deptObj.subtitle")} />
      {canCreate && (
        <Card className="mb-5">
          <Disclosure label={`＋ ${t("review.deptObj.create")}`} primary>
            <div className="mt-2 border-t border-slate-200 pt-4">
              {openYears.length === 0 ? (
                <p className="text-slate-600">{t("review.deptObj.noOpenYear")}</p>
              ) : freeYears.length === 0 ? (
                <p className="text-slate-600">{t("review.deptObj.noYear")}</p>
              ) : (
                <CreateDepartmentObjective orgId={actor.orgId} orgName={actor.orgName} years={freeYears} />
              )}
            </div>
          </Disclosure>
        </Card>
      )}
      <Card>
        <FilterBar
          filters={filters}
          values={{
            q: params.q,
            year: params.year ? String(params.year) : "",
            state: params.state ?? "",
            departmentId: params.departmentId ? String(params.departmentId) : "",
          }}
        />
        <DataTable
          query={raw}
          caption={t("review.deptObj.title")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, capped, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
          emptyText={t("review.deptObj.empty")}
        />
      </Card>
    </>
  );
}
