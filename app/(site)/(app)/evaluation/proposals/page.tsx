import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listProposals, proposalListParams } from "@/lib/evaluation/queries";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { listYearOptions } from "@/lib/project/queries";
import { wan } from "@/lib/project/money";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Badge, Card, PageHeader } from "@/app/_components/ui";
import { proposalWorkflow } from "@/lib/workflow/machines";
import { assessmentFlagsForProposals } from "@/lib/assessment/flag";
import { GradeBadge } from "../badges";
import { DecideProposal, GenerateProposals } from "./proposal-forms";

export const generateMetadata = pageTitle("evaluation.proposal.title");

/** Result application (结果应用): next year's budget proposals from the grades, decided by finance. */
export default async function ProposalsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("evaluation.review.finance");
  const raw = await searchParams;
  const params = parseSearchParams(proposalListParams, raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const [{ rows, total, page }, years] = await Promise.all([listProposals(db, actor, params), listYearOptions(db)]);
  // The department's published assessment of the evaluated year (绩效管理工作考核): a bottom grade flags the proposal.
  const flags = await assessmentFlagsForProposals(db, rows.map((r) => r.p.id));
  const columns: DataColumn[] = [
    { id: "title", header: t("evaluation.proposal.project"), className: "min-w-48" },
    { id: "year", header: t("evaluation.proposal.year"), align: "center" },
    { id: "grade", header: t("evaluation.fields.grade"), align: "center" },
    { id: "rule", header: t("evaluation.proposal.rule") },
    { id: "requested", header: t("evaluation.proposal.requested"), align: "right", className: "tabular-nums whitespace-nowrap" },
    { id: "proposed", header: t("evaluation.proposal.proposed"), align: "right", className: "tabular-nums whitespace-nowrap" },
    { id: "decision", header: t("evaluation.proposal.status"), className: "min-w-72" },
  ];
  const data: DataRow[] = rows.map(({ p, title, ownerName, score, orgPath, regionPath }) => ({
    key: String(p.id),
    cells: {
      title: (
        <span>
          {title}
          <span className="block text-xs text-slate-500">
            {ownerName} · {score}
          </span>
          {flags.get(p.id)?.flagged && (
            <span className="mt-0.5 block" data-testid="assessment-flag">
              <Badge tone="red">{t("assessment.flag.poor")}</Badge>
            </span>
          )}
        </span>
      ),
      year: p.fiscalYear,
      grade: <GradeBadge grade={p.grade} t={t} />,
      rule: (
        <span>
          {t(`evaluation.proposal.ruleLabel.${p.rule}`, { percent: p.cutPercent ?? "" })}
          {p.rectificationRequired && (
            <>
              {" "}
              <Badge tone="amber">{t("evaluation.proposal.rectification")}</Badge>
            </>
          )}
        </span>
      ),
      requested: wan(p.requestedAmount),
      proposed: wan(p.proposedAmount),
      decision:
        proposalWorkflow.available(actor, { id: p.id, state: p.status, version: p.version, orgPath, regionPath }).length ? (
          <DecideProposal proposalId={p.id} version={p.version} grade={p.grade} />
        ) : (
          <span>
            <Badge tone={p.status === "confirmed" ? "green" : "navy"}>{t(`evaluation.proposal.statusLabel.${p.status}`)}</Badge> {wan(p.confirmedAmount ?? "0")}
            {p.overrideReason && <span className="block text-xs text-slate-600">{p.overrideReason}</span>}
            {p.exceptionReason && <span className="block text-xs text-amber-800">{p.exceptionReason}</span>}
          </span>
        ),
    },
  }));
  return (
    <>
      <PageHeader title={t("evaluation.proposal.title")} subtitle={t("evaluation.proposal.subtitle")} />
      <Card className="mb-4">
        <GenerateProposals years={years} />
      </Card>
      <Card>
        <FilterBar filters={[{ name: "year", label: t("evaluation.proposal.year"), options: years.map((y) => ({ value: String(y), label: String(y) })) }]} values={{ year: params.year ? String(params.year) : "" }} />
        <DataTable query={raw} caption={t("evaluation.proposal.title")} columns={columns} rows={data} paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }} emptyText={t("evaluation.proposal.empty")} />
      </Card>
    </>
  );
}
