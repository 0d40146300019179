import Link from "next/link";
import { SELF_EVALUATION_STATES } from "@/db/schema";
import { GRADES } from "@/db/schema/enums";
import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listSelfEvaluations, objectivesAwaitingSelfEvaluation, selfEvaluationListParams } from "@/lib/evaluation/queries";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { listYearOptions } from "@/lib/project/queries";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar, type FilterDef } from "@/app/_components/filter-bar";
import { Card, cls, PageHeader } from "@/app/_components/ui";
import { GradeBadge, SelfEvaluationStateBadge } from "./badges";
import { StartSelfEvaluationButton } from "./start-button";

export const generateMetadata = pageTitle("evaluation.title");

/**
 * Self-evaluations (单位自评) in the reader's scope — the filer's own, a department's units', a
 * finance department's region — paged, sorted and filtered in the database; and, for a filer,
 * the approved objectives still waiting for their self-evaluation.
 */
export default async function SelfEvaluationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("project.read");
  const raw = await searchParams;
  const params = parseSearchParams(selfEvaluationListParams, raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const files = hasPermission(actor.roles, "project.write");
  const [{ rows, total, page }, awaiting, years] = await Promise.all([
    listSelfEvaluations(db, actor, params),
    files ? objectivesAwaitingSelfEvaluation(db, actor) : Promise.resolve([]),
    listYearOptions(db),
  ]);

  const columns: DataColumn[] = [
    { id: "title", header: t("evaluation.fields.objective"), sortable: true, className: "min-w-56" },
    { id: "owner", header: t("evaluation.fields.owner"), className: "min-w-36" },
    { id: "year", header: t("evaluation.fields.fiscalYear"), align: "center", className: "tabular-nums" },
    { id: "executed", header: `${t("evaluation.fields.executed")}`, align: "right", className: "whitespace-nowrap tabular-nums" },
    { id: "score", header: t("evaluation.fields.total"), sortable: true, align: "right", className: "tabular-nums" },
    { id: "grade", header: t("evaluation.fields.grade"), align: "center" },
    { id: "state", header: t("evaluation.fields.state"), align: "center" },
  ];
  const data: DataRow[] = rows.map((r) => ({
    key: String(r.id),
    cells: {
      title: (
        <Link href={`/evaluation/${r.id}`} className={cls.link}>
          {r.title}
        </Link>
      ),
      owner: r.ownerName,
      year: r.fiscalYear,
      executed: `${wan(r.executedAmount)} / ${wan(r.budgetAmount)}`,
      score: r.totalScore ?? "—",
      grade: <GradeBadge grade={r.grade} t={t} />,
      state: <SelfEvaluationStateBadge state={r.state} t={t} />,
    },
  }));
  const filters: FilterDef[] = [
    { name: "year", label: t("evaluation.list.filterYear"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
    { name: "state", label: t("evaluation.list.filterState"), options: SELF_EVALUATION_STATES.map((s) => ({ value: s, label: t(`evaluation.state.${s}`) })) },
    { name: "grade", label: t("evaluation.fields.grade"), options: GRADES.map((g) => ({ value: g, label: t(`evaluation.grade.${g}`) })) },
  ];

  return (
    <>
      <PageHeader title={t("evaluation.title")} subtitle={t("evaluation.subtitle")} />
      {awaiting.length > 0 && (
        <Card title={t("evaluation.awaiting")} className="mb-4">
          <ul className="divide-y divide-slate-100">
            {awaiting.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {o.title} <span className="text-slate-500">（{o.fiscalYear}，{o.ownerName}）</span>
                </span>
                <StartSelfEvaluationButton objectiveId={o.id} title={o.title} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <FilterBar filters={filters} values={{ year: params.year ? String(params.year) : "", state: params.state ?? "", grade: params.grade ?? "" }} />
        <DataTable
          query={raw}
          caption={t("evaluation.title")}
          columns={columns}
          rows={data}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }}
          emptyText={t("evaluation.list.empty")}
        />
      </Card>
    </>
  );
}
