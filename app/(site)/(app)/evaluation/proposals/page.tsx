import { PAGE_SIZES, parseSearchParams, type RawSearchParams } from "@/lib/admin/params";
import { requireActor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { proposalSubjectParams } from "@/lib/evaluation/proposal-params";
import { NO_PROPOSAL_REASONS } from "@/lib/evaluation/proposal-reasons";
import type { ProposalBasis } from "@/lib/evaluation/proposal-rules";
import { departmentTotals, listProposalSubjects } from "@/lib/evaluation/proposals";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n";
import { pageTitle } from "@/lib/page-title";
import { listYearOptions } from "@/lib/project/queries";
import { wan } from "@/lib/project/money";
import { chinaYear } from "@/lib/format";
import { DataTable, type DataColumn, type DataRow } from "@/app/_components/data-table";
import { FilterBar } from "@/app/_components/filter-bar";
import { Badge, Card, PageHeader } from "@/app/_components/ui";
import { proposalWorkflow } from "@/lib/workflow/machines";
import { assessmentFlagsForProposals } from "@/lib/assessment/flag";
import { GradeBadge } from "../badges";
import { DecideProposal, GenerateProposals, ReviseProposal } from "./proposal-forms";

export const generateMetadata = pageTitle("evaluation.proposal.title");

/** How a proposal's amount came about: the grade that counted, the rule, the red-warning cut, the arithmetic, the rule set. */
function Basis({ basis, ruleSetName, t }: { basis: ProposalBasis; ruleSetName: string | null; t: Translate }) {
  return (
    <span className="block text-xs text-slate-600" data-testid="proposal-basis">
      <span className="block">
        {t(`evaluation.proposal.gradeSource.${basis.gradeSource}`)}：{t("evaluation.proposal.selfLine", { score: basis.selfScore ?? "—" })}（{t(`evaluation.grade.${basis.selfGrade}`)}）
        {basis.keyGrade && (
          <>
            {" · "}
            {t("evaluation.proposal.keyLine", { score: basis.keyScore ?? "—" })}（{t(`evaluation.grade.${basis.keyGrade}`)}）
          </>
        )}
        {basis.reScore && basis.reGrade && (
          <>
            {" · "}
            {t("evaluation.proposal.reLine", { score: basis.reScore })}（{t(`evaluation.grade.${basis.reGrade}`)}）
          </>
        )}
      </span>
      <span className="block">{t(`evaluation.proposal.ruleKey.${basis.ruleKey}`, { percent: basis.gradeCutPercent })}</span>
      {basis.redWarningCut && <span className="block text-red-700">{t("evaluation.proposal.redWarningCut", { n: basis.redWarnings, percent: basis.redCutPercent })}</span>}
      <span className="block tabular-nums">
        {basis.calc} 元（{t(`evaluation.proposal.rounding.${basis.rounding}`)}）
      </span>
      <span className="block">{ruleSetName ? t("evaluation.proposal.ruleSetName", { name: ruleSetName }) : t("evaluation.proposal.defaultRules")}</span>
    </span>
  );
}

/**
 * Result application (结果应用): every subject of the evaluated year with next year's proposal or
 * the reason it has none, decided by finance; and the effect per department.
 */
export default async function ProposalsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("evaluation.review.finance");
  const raw = await searchParams;
  const params = parseSearchParams(proposalSubjectParams, raw);
  const [t, db] = await Promise.all([getT(), getDb()]);
  const years = await listYearOptions(db);
  const budgetYear = params.year ?? years[0] ?? chinaYear() + 1;
  const [{ rows, total, page }, totals] = await Promise.all([listProposalSubjects(db, actor, budgetYear, params), departmentTotals(db, actor, budgetYear)]);
  // The department's published assessment of the evaluated year (绩效管理工作考核): a bottom grade flags the proposal.
  const flags = await assessmentFlagsForProposals(db, rows.flatMap((r) => (r.p ? [r.p.id] : [])));
  const columns: DataColumn[] = [
    { id: "title", header: t("evaluation.proposal.subject"), className: "min-w-48" },
    { id: "current", header: t("evaluation.proposal.currentBudget"), align: "right", className: "tabular-nums whitespace-nowrap" },
    { id: "grade", header: t("evaluation.fields.grade"), align: "center" },
    { id: "rule", header: t("evaluation.proposal.rule"), className: "min-w-72" },
    { id: "requested", header: t("evaluation.proposal.requested"), align: "right", className: "tabular-nums whitespace-nowrap" },
    { id: "proposed", header: t("evaluation.proposal.proposed"), align: "right", className: "tabular-nums whitespace-nowrap" },
    { id: "decision", header: t("evaluation.proposal.status"), className: "min-w-72" },
  ];
  const data: DataRow[] = rows.map(({ objectiveId, title, ownerName, deptName, currentBudget, reason, p, ruleSetName, orgPath, regionPath }) => {
    const subject = (
      <span>
        {title}
        <span className="block text-xs text-slate-500">
          {ownerName} · {deptName}
        </span>
      </span>
    );
    if (!p) {
      return {
        key: `o${objectiveId}`,
        cells: {
          title: subject,
          current: wan(currentBudget),
          grade: <span>—</span>,
          rule: (
            <span data-testid="no-proposal-reason">
              <Badge tone="slate">{t("evaluation.proposal.noProposal")}</Badge> {reason ? t(`evaluation.proposal.reasonLabel.${reason}`) : ""}
            </span>
          ),
          requested: "—",
          proposed: "—",
          decision: "—",
        },
      };
    }
    const basis = p.basis as ProposalBasis | null;
    const ref = { id: p.id, state: p.status, version: p.version, orgPath, regionPath };
    const open = proposalWorkflow.available(actor, ref);
    return {
      key: String(p.id),
      cells: {
        title: (
          <span>
            {subject}
            {flags.get(p.id)?.flagged && (
              <span className="mt-0.5 block" data-testid="assessment-flag">
                <Badge tone="red">{t("assessment.flag.poor")}</Badge>
              </span>
            )}
          </span>
        ),
        current: wan(currentBudget),
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
            {basis && <Basis basis={basis} ruleSetName={ruleSetName} t={t} />}
          </span>
        ),
        requested: wan(p.requestedAmount),
        proposed: (
          <span>
            {wan(p.proposedAmount)}
            {p.revisedAmount && (
              <span className="block text-xs text-navy-700" data-testid="proposal-revised">
                {t("evaluation.proposal.revisedTo", { amount: wan(p.revisedAmount) })}
                <span className="block text-slate-600">{p.revisionReason}</span>
              </span>
            )}
          </span>
        ),
        decision: open.length ? (
          <span className="block space-y-3">
            {open.includes("revise") && <ReviseProposal proposalId={p.id} version={p.version} grade={p.grade} />}
            <DecideProposal proposalId={p.id} version={p.version} grade={p.grade} />
          </span>
        ) : (
          <span>
            <Badge tone={p.status === "confirmed" ? "green" : "navy"}>{t(`evaluation.proposal.statusLabel.${p.status}`)}</Badge> {wan(p.confirmedAmount ?? "0")}
            {p.overrideReason && <span className="block text-xs text-slate-600">{p.overrideReason}</span>}
            {p.exceptionReason && <span className="block text-xs text-amber-800">{p.exceptionReason}</span>}
          </span>
        ),
      },
    };
  });
  return (
    <>
      <PageHeader title={t("evaluation.proposal.title")} subtitle={t("evaluation.proposal.subtitle")} />
      <Card className="mb-4">
        <GenerateProposals years={years} defaultYear={budgetYear - 1} />
      </Card>
      <Card className="mb-4" title={`${budgetYear} · ${t("evaluation.proposal.totalsTitle")}`}>
        <table className="data-table" data-testid="proposal-totals">
          <thead>
            <tr>
              <th scope="col">{t("evaluation.proposal.department")}</th>
              <th scope="col">{t("evaluation.proposal.subjects")}</th>
              <th scope="col">{t("evaluation.proposal.proposals")}</th>
              <th scope="col">{t("evaluation.proposal.currentBudget")}</th>
              <th scope="col">{t("evaluation.proposal.proposedTotal")}</th>
              <th scope="col">{t("evaluation.proposal.change")}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((d) => (
              <tr key={d.departmentOrgId}>
                <th scope="row">{d.department}</th>
                <td className="text-right tabular-nums">{d.subjects}</td>
                <td className="text-right tabular-nums">{d.proposals}</td>
                <td className="text-right tabular-nums">{wan(d.current)}</td>
                <td className="text-right tabular-nums">{wan(d.proposed)}</td>
                <td className="text-right tabular-nums">{wan(d.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">{t("evaluation.proposal.totalsNote")}</p>
      </Card>
      <Card>
        <FilterBar
          filters={[
            { name: "year", label: t("evaluation.proposal.year"), options: years.map((y) => ({ value: String(y), label: String(y) })) },
            {
              name: "reason",
              label: t("evaluation.proposal.filterReason"),
              options: [{ value: "with", label: t("evaluation.proposal.withProposal") }, ...NO_PROPOSAL_REASONS.map((r) => ({ value: r, label: t(`evaluation.proposal.reasonLabel.${r}`) }))],
            },
          ]}
          values={{ year: String(budgetYear), reason: params.reason ?? "" }}
        />
        <DataTable query={raw} caption={t("evaluation.proposal.title")} columns={columns} rows={data} paging={{ total, page, pageSize: params.pageSize, pageSizes: PAGE_SIZES }} emptyText={t("evaluation.proposal.empty")} />
      </Card>
    </>
  );
}
