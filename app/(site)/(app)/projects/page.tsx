import Link from "next/link";
import { PROJECT_CATEGORIES, PROJECT_STATES } from "@/db/schema/enums";
import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { projectListParams } from "@/lib/project/params";
import { listDepartmentOptions, listOwnerOptions, listProjects, listTier1Options, listYearOptions } from "@/lib/project/queries";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar, type FilterDef } from "@/app/_components/filter-bar";
import { Card, cls, Disclosure, PageHeader } from "@/app/_components/ui";
import { ProjectStateBadge } from "../_workflow/badges";
import { ProjectForm } from "./project-form";

export const generateMetadata = pageTitle("pool.title");

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const raw = await searchParams;
  const params = parseSearchParams(projectListParams, raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const canWrite = hasPermission(actor.roles, "project.write");
  const [{ rows, total, page }, departments, years, owners] = await Promise.all([
    listProjects(db, actor, params),
    listDepartmentOptions(db, actor),
    listYearOptions(db),
    canWrite ? listOwnerOptions(db, actor) : Promise.resolve([]),
  ]);
  const parents = canWrite ? await listTier1Options(db, owners.map((o) => o.departmentId)) : [];

  const columns: DataColumn[] = [
    { id: "code", header: t("pool.code"), sortable: true, className: "whitespace-nowrap font-mono text-xs leading-5" },
    { id: "name", header: t("pool.name"), sortable: true, className: "min-w-40" },
    { id: "tier", header: t("pool.tier"), align: "center", className: "whitespace-nowrap" },
    { id: "category", header: t("pool.category"), className: "whitespace-nowrap" },
    { id: "department", header: t("pool.department") },
    { id: "owner", header: t("pool.owner") },
    { id: "startYear", header: t("pool.period"), sortable: true, className: "whitespace-nowrap tabular-nums" },
    { id: "amount", header: t("pool.totalAmount"), sortable: true, align: "right", className: "whitespace-nowrap tabular-nums" },
    { id: "state", header: t("pool.state"), sortable: true, align: "center" },
  ];
  const data: DataRow[] = rows.map((p) => ({
    key: String(p.id),
    muted: p.state === "withdrawn",
    cells: {
      code: p.code,
      name: (
        <Link href={`/projects/${p.id}`} className={cls.link}>
          {p.name}
        </Link>
      ),
      tier: t(`pool.tierShort.${p.tier === 1 ? "1" : "2"}`),
      category: t(`pool.categoryLabel.${p.category}`),
      department: p.departmentName,
      owner: p.ownerName,
      startYear: p.startYear === p.endYear ? String(p.startYear) : t("pool.periodValue", { start: p.startYear, end: p.endYear }),
      amount: wan(p.totalAmount),
      state: <ProjectStateBadge state={p.state} t={t} />,
    },
  }));

  const filters: FilterDef[] = [
    { name: "q", label: t("pool.filterKeyword"), placeholder: t("pool.filterKeyword") },
    { name: "year", label: t("pool.filterYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
    { name: "state", label: t("pool.state"), options: PROJECT_STATES.map((s) => ({ value: s, label: t(`pool.stateLabel.${s}`) })) },
    ...(departments.length > 1
      ? [{ name: "departmentId", label: t("pool.department"), options: departments.map((d) => ({ value: String(d.id), label: d.name })) }]
      : []),
    { name: "category", label: t("pool.category"), options: PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`pool.categoryLabel.${c}`) })) },
  ];

  return (
    <>
      <PageHeader title={t("pool.title")} subtitle={t("pool.subtitle")} />
      {canWrite && owners.length > 0 && (
        <Card className="mb-5">
          <Disclosure label={`＋ ${t("pool.create")}`} primary>
            <div className="mt-2 border-t border-slate-200 pt-4">
              <ProjectForm
                owners={owners.map((o) => ({ id: o.id, name: o.name, kind: o.kind, departmentId: o.departmentId, depth: o.depth }))}
                parents={parents}
              />
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
            category: params.category ?? "",
          }}
        />
        <DataTable
          query={raw}
          caption={t("pool.title")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
        />
      </Card>
    </>
  );
}
