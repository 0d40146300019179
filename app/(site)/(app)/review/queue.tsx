import Link from "next/link";
import { PROJECT_CATEGORIES } from "@/db/schema/enums";
import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { formatDateTime, todayIso } from "@/lib/format";
import { getT } from "@/lib/i18n/server";
import { objectiveListParams, type ObjectiveQueue } from "@/lib/objective/params";
import { listObjectives } from "@/lib/objective/queries";
import { wan } from "@/lib/project/money";
import { listDepartmentOptions, listYearOptions } from "@/lib/project/queries";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar, type FilterDef } from "@/app/_components/filter-bar";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { ObjectiveStateBadge } from "../_workflow/badges";

/**
 * A review queue (部门审核 / 财政审核): the declarations waiting at that stage in the reviewer's
 * scope, paged, sorted and filtered in the database, oldest submission first.
 */
export async function ReviewQueue({ actor, queue, raw }: { actor: Actor; queue: Extract<ObjectiveQueue, "department" | "finance">; raw: RawSearchParams }) {
  const params = { ...parseSearchParams(objectiveListParams, raw), state: undefined, queue };
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [{ rows, total, capped, page }, departments, years] = await Promise.all([
    listObjectives(db, actor, params),
    queue === "finance" ? listDepartmentOptions(db, actor) : Promise.resolve([]),
    listYearOptions(db),
  ]);
  const today = todayIso();

  const columns: DataColumn[] = [
    { id: "title", header: t("review.name"), sortable: true, className: "min-w-56" },
    { id: "owner", header: t("review.owner"), className: "min-w-36" },
    { id: "department", header: t("review.department"), className: "min-w-36" },
    { id: "year", header: t("review.fiscalYear"), align: "center", className: "tabular-nums" },
    { id: "amount", header: t("review.amount"), sortable: true, align: "right", className: "whitespace-nowrap tabular-nums" },
    { id: "submittedAt", header: t("review.submittedAt"), sortable: true, className: "whitespace-nowrap tabular-nums" },
    { id: "state", header: t("review.state"), sortable: true, align: "center" },
    { id: "isKey", header: t("review.isKey"), align: "center" },
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
      submittedAt: (
        <span className="flex flex-wrap items-center gap-1.5">
          {o.submittedAt ? formatDateTime(o.submittedAt).slice(0, 16) : "—"}
          {o.reviewDeadline && o.reviewDeadline < today && <Badge tone="red">{t("review.overdue")}</Badge>}
        </span>
      ),
      state: <ObjectiveStateBadge state={o.state} t={t} />,
      isKey: o.isKey ? <Badge tone="amber">{t("review.keyMark")}</Badge> : "",
    },
  }));

  const filters: FilterDef[] = [
    { name: "q", label: t("review.filterKeyword"), placeholder: t("review.filterKeyword") },
    { name: "year", label: t("review.filterYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
    ...(departments.length > 1
      ? [{ name: "departmentId", label: t("review.filterDepartment"), options: departments.map((d) => ({ value: String(d.id), label: d.name })) }]
      : []),
    { name: "category", label: t("review.filterCategory"), options: PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`pool.categoryLabel.${c}`) })) },
  ];

  return (
    <>
      <PageHeader
        title={queue === "department" ? t("review.deptTitle") : t("review.financeTitle")}
        subtitle={queue === "department" ? t("review.deptSubtitle") : t("review.financeSubtitle")}
      />
      <Card>
        <FilterBar
          filters={filters}
          values={{
            q: params.q,
            year: params.year ? String(params.year) : "",
            departmentId: params.departmentId ? String(params.departmentId) : "",
            category: params.category ?? "",
          }}
        />
        <DataTable
          query={raw}
          caption={queue === "department" ? t("review.deptTitle") : t("review.financeTitle")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, capped, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
          emptyText={t("review.queueEmpty")}
        />
      </Card>
    </>
  );
}
