import Link from "next/link";
import { requireActor } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/page-title";
import { wan } from "@/lib/project/money";
import { listAgencyEngagements, type AgencyEngagementRow } from "@/lib/project/queries";
import { Badge, Card, cls, PageHeader } from "@/app/_components/ui";
import { AppraisalForm } from "../projects/[id]/appraisal-form";
import { EngagementState } from "../projects/[id]/engagement-state";

export const generateMetadata = pageTitle("pool.appraisalsTitle");

const LIMIT = 100;

/**
 * 事前评估: the ex-ante appraisals finance engaged an agency for. An evaluator sees its agency's
 * engagements — its only way to these projects, as it holds no project.read — with what it needs
 * to judge each project, and records the pending ones; finance sees its region's engagements and
 * how far they are.
 */
export default async function AppraisalsPage() {
  const actor = await requireActor("appraisal.record");
  const [t, db] = await Promise.all([getT(), getDb()]);
  const rows = await listAgencyEngagements(db, actor, LIMIT);
  const isAgency = actor.roles.includes("evaluator");
  const canOpenProject = hasPermission(actor.roles, "project.read");
  const pending = rows.filter((r) => !r.appraisalId).length;

  return (
    <>
      <PageHeader title={t("pool.appraisalsTitle")} subtitle={isAgency ? t("pool.appraisalsSubtitleAgency") : t("pool.appraisalsSubtitleFinance")}>
        {rows.length > 0 && <p className="text-slate-600">{t("pool.appraisalsCounts", { pending, done: rows.length - pending })}</p>}
      </PageHeader>
      {rows.length === 0 ? (
        <Card>
          <p className="py-2 text-slate-500">{t("pool.appraisalsEmpty")}</p>
        </Card>
      ) : (
        <div className="space-y-4">
          {rows.map((r) => (
            <Engagement key={r.id} row={r} t={t} recordable={isAgency && !r.appraisalId} linkProject={canOpenProject} />
          ))}
          {rows.length >= LIMIT && <p className="text-xs text-slate-500">{t("pool.appraisalsLimit", { n: LIMIT })}</p>}
        </div>
      )}
    </>
  );
}

function Engagement({ row: r, t, recordable, linkProject }: { row: AgencyEngagementRow; t: Translate; recordable: boolean; linkProject: boolean }) {
  const info: [string, React.ReactNode][] = [
    [t("pool.code"), <span key="c" className="font-mono">{r.projectCode}</span>],
    [t("pool.ownerUnit"), r.ownerName],
    [t("pool.department"), r.departmentName],
    [t("pool.category"), t(`pool.categoryLabel.${r.category}`)],
    [t("pool.period"), t("pool.periodValue", { start: r.startYear, end: r.endYear })],
    [t("pool.totalAmount"), <span key="a" className="tabular-nums">{wan(r.totalAmount)}</span>],
    [t("pool.newOrContinuing"), t(`pool.newLabel.${r.isNew ? "new" : "continuing"}`)],
    [t("pool.agency"), r.agencyName],
    [t("pool.assignedBy"), `${r.assignedByName} · ${formatDateTime(r.createdAt).slice(0, 16)}`],
    [t("pool.policyBasis"), r.policyBasis ?? "—"],
  ];
  const title = linkProject ? (
    <Link href={`/projects/${r.projectId}`} className={cls.link}>
      {r.projectName}
    </Link>
  ) : (
    r.projectName
  );
  return (
    <Card
      title={
        <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
          {title}
          <Badge tone="navy">{t("pool.engagedFor", { year: r.fiscalYear })}</Badge>
        </span>
      }
      actions={<EngagementState row={r} t={t} />}
    >
      <dl className="grid gap-x-6 border-t border-slate-200 sm:grid-cols-2">
        {info.map(([label, value]) => (
          <div key={label} className={`flex gap-3 border-b border-slate-200 py-1.5 ${label === t("pool.policyBasis") ? "sm:col-span-2" : ""}`}>
            <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
            <dd className="min-w-0 whitespace-pre-wrap text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {recordable && (
        <div className="mt-4">
          <AppraisalForm projectId={r.projectId} years={[r.fiscalYear]} idPrefix={`ap${r.id}`} />
        </div>
      )}
    </Card>
  );
}
